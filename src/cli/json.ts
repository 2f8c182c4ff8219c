/** The runner's report as the JSON document of spec §9 — exactly these keys, nothing else. */
import type { RunReport } from '../notebook/runner.ts';

export function jsonDocument(report: RunReport, title: string): string {
  const document = {
    title,
    asof: report.asof,
    cells: report.cells.map((cell) => ({
      index: cell.index,
      kind: cell.kind,
      name: cell.name,
      results: cell.results.map(({ statement, columns, types, rows }) => ({ statement, columns, types, rows })),
      errors: cell.errors.map(({ message, line, column }) => ({ message, line, column })),
    })),
  };
  return `${JSON.stringify(document)}\n`;
}
