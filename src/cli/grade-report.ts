/**
 * The grading summary: a fixed-width line per notebook (so lines can be printed as notebooks
 * finish), the failed checks and errors under it, a count at the end; or one JSON document.
 */
import type { Grade } from './grade-of.ts';

const COLUMNS = ['result', 'checks', 'passed', 'failed', 'errors'] as const;
const WIDTH = 6;
const INDENT = ' '.repeat((WIDTH + 2) * COLUMNS.length);
const MAX_DETAILS = 5;

export function gradeHeader(): string[] {
  return [
    [...COLUMNS.map((c, i) => (i === 0 ? c.padEnd(WIDTH) : c.padStart(WIDTH))), 'notebook'].join('  '),
    [...COLUMNS.map(() => '─'.repeat(WIDTH)), '─'.repeat(8)].join('  '),
  ];
}

export function gradeLines(grade: Grade): string[] {
  const errors = grade.errors.length + grade.problems.length;
  const counts = [grade.checks, grade.passed, grade.failed, errors].map((n) => String(n).padStart(WIDTH));
  const details = [
    ...grade.problems,
    ...grade.errors.map((e) => `cell ${e.cell}, line ${e.line}, column ${e.column}: ${e.message}`),
    ...grade.failures.map((f) => `✗ ${f.expectation}${f.detail ? `  (${f.detail})` : ''}`),
  ];
  const shown = details.slice(0, MAX_DETAILS).map((d) => `${INDENT}${d}`);
  if (details.length > MAX_DETAILS) shown.push(`${INDENT}… and ${details.length - MAX_DETAILS} more`);
  return [[grade.result.padEnd(WIDTH), ...counts, grade.path].join('  '), ...shown];
}

export function gradeFooter(grades: Grade[]): string[] {
  const count = (result: Grade['result']) => grades.filter((g) => g.result === result).length;
  const checks = grades.reduce((n, g) => n + g.checks, 0);
  const passed = grades.reduce((n, g) => n + g.passed, 0);
  return [
    '',
    `${grades.length} notebook${grades.length === 1 ? '' : 's'}: ${count('passed')} passed, ${count('failed')} failed, ${count('broken')} broken; ` +
      `${passed} of ${checks} check${checks === 1 ? '' : 's'} passed`,
  ];
}

export function gradeDocument(grades: Grade[]): string {
  const count = (result: Grade['result']) => grades.filter((g) => g.result === result).length;
  return `${JSON.stringify({ notebooks: grades, passed: count('passed'), failed: count('failed'), broken: count('broken') })}\n`;
}
