/** The outcome of a run as a whole: what the CLI prints and the exit status it decides. */
import { failedExpectations } from './execute.ts';
import type { CellOutcome } from './outcome.ts';

export interface RunReport {
  title?: string;
  asof: string;
  cells: CellOutcome[];
  /** Notebook-wide problems (front matter, data files), one sentence each. */
  problems: string[];
  cancelled: boolean;
  failedExpectations: number;
  /** Every cell ran without error, every expectation passed, and nothing else went wrong. */
  ok: boolean;
}

export function runReport(parts: { title?: string; asof: string; cells: CellOutcome[]; problems: string[]; cancelled: boolean }): RunReport {
  const failed = parts.cells.reduce((n, cell) => n + failedExpectations(cell.results), 0);
  const allDone = parts.cells.every((cell) => cell.status === 'done');
  return {
    ...(parts.title !== undefined ? { title: parts.title } : {}),
    asof: parts.asof,
    cells: parts.cells,
    problems: parts.problems,
    cancelled: parts.cancelled,
    failedExpectations: failed,
    ok: allDone && parts.problems.length === 0 && failed === 0 && !parts.cancelled,
  };
}
