/** The report as aligned tables for a terminal. */
import type { Notebook } from '../notebook/model.ts';
import type { CellResult } from '../notebook/outcome.ts';
import type { RunReport } from '../notebook/runner.ts';
import { sqlChangeInWords } from '../notebook/sql-change.ts';
import { formatValue } from '../notebook/values.ts';

const MAX_ROWS = 50;
const MAX_WIDTH = 40;

export function textReport(report: RunReport, notebook: Notebook, title: string): string {
  const out: string[] = [title, `as of ${report.asof}`, ''];
  for (const cell of report.cells) {
    const source = notebook.cells[cell.index]!;
    if (cell.kind === 'markdown') {
      out.push(...source.source.split('\n').map((l) => `  ${l}`.trimEnd()), '');
      continue;
    }
    out.push(`[${cell.index}] ${cell.kind}${cell.name ? ` ${cell.name}` : ''}${statusNote(cell.status)}`);
    for (const error of cell.errors) out.push(`  error at line ${error.line}, column ${error.column}: ${error.message}`);
    for (const result of cell.results) {
      const change = sqlChangeInWords(source.source, result);
      if (change) {
        out.push(`  ${change}`, '');
        continue;
      }
      if (result.statement !== 'sql') out.push(`  ${result.statement}`);
      out.push(...table(result).map((l) => `  ${l}`), '');
    }
    for (const item of cell.summary) out.push(`  ${item.name}: ${item.size} members`);
    if (cell.results.length === 0) out.push('');
  }
  for (const problem of report.problems) out.push(`problem: ${problem}`);
  if (report.failedExpectations > 0) out.push(`${report.failedExpectations} expectation(s) failed`);
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function statusNote(status: string): string {
  return status === 'done' || status === 'error' ? '' : ` (${status})`;
}

/** Numbers right-aligned, text left-aligned, long values cut, long tables shortened. */
export function table(result: CellResult): string[] {
  const shown = result.rows.slice(0, MAX_ROWS);
  const numeric = result.columns.map((_, c) => shown.every((row) => row[c] === null || typeof row[c] === 'number'));
  const cells = shown.map((row) => row.map(formatValue));
  const widths = result.columns.map((name, c) =>
    Math.min(MAX_WIDTH, Math.max(name.length, ...cells.map((row) => row[c]!.length))),
  );
  const line = (values: string[]) =>
    values
      .map((v, c) => {
        const cut = v.length > widths[c]! ? `${v.slice(0, widths[c]! - 1)}…` : v;
        return numeric[c] ? cut.padStart(widths[c]!) : cut.padEnd(widths[c]!);
      })
      .join('  ')
      .trimEnd();
  const lines = [line(result.columns), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)];
  // show lists at most its limit: its row count is what it listed, not the segment's size.
  const total = result.statement === 'show' ? `${result.rows.length} listed` : `${result.rows.length} in all`;
  if (result.rows.length > MAX_ROWS) lines.push(`… ${result.rows.length - MAX_ROWS} more rows (${total})`);
  if (result.rows.length === 0) lines.push('(no rows)');
  return lines;
}
