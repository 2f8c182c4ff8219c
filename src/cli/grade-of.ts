/** A notebook's run judged as a submission: its checks (`expect`) passed and failed, what broke. */
import type { RunReport } from '../notebook/runner.ts';

export interface Grade {
  /** The notebook's path as the summary shows it. */
  path: string;
  title: string | null;
  /** broken: a cell has an error, data is missing or the file could not be run at all. */
  result: 'passed' | 'failed' | 'broken';
  checks: number;
  passed: number;
  failed: number;
  /** The failed checks: the condition as written and the values of its terms. */
  failures: { expectation: string; detail: string | null }[];
  errors: { cell: number; line: number; column: number; message: string }[];
  problems: string[];
}

export function gradeOf(path: string, title: string, report: RunReport): Grade {
  let checks = 0;
  const failures: Grade['failures'] = [];
  for (const cell of report.cells) {
    for (const result of cell.results) {
      if (result.statement !== 'expect') continue;
      const [expectation, passed, detail] = ['expectation', 'passed', 'detail'].map((name) => result.columns.indexOf(name));
      for (const row of result.rows) {
        checks++;
        if (row[passed!] !== true) failures.push({ expectation: String(row[expectation!]), detail: row[detail!] === null ? null : String(row[detail!]) });
      }
    }
  }
  const errors = report.cells.flatMap((cell) => cell.errors.map((e) => ({ cell: cell.index, line: e.line, column: e.column, message: e.message })));
  const unfinished = report.cells.some((cell) => cell.status !== 'done' && cell.status !== 'error');
  const broken = errors.length > 0 || report.problems.length > 0 || unfinished;
  return {
    path,
    title,
    result: broken ? 'broken' : failures.length > 0 ? 'failed' : 'passed',
    checks,
    passed: checks - failures.length,
    failed: failures.length,
    failures,
    errors,
    problems: report.problems,
  };
}
