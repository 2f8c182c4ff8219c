/**
 * A cell's run errors and warnings as editor markers: the runner reports a line and column, the editor wants a
 * range, so the marker covers the word (or the quoted name) that starts there.
 */
import type { Diagnostic } from '../lang/diagnostics.ts';
import { offsetOf, spanOfRange } from '../lang/span.ts';
import type { CellError } from '../notebook/outcome.ts';

export function errorDiagnostics(source: string, errors: readonly CellError[], severity: Diagnostic['severity'] = 'error'): Diagnostic[] {
  return errors.map((error) => {
    const start = offsetOf(source, error.line, error.column);
    const end = Math.min(source.length, start + tokenLength(source.slice(start)));
    return { code: 'run', message: error.message, span: spanOfRange(source, start, end), severity };
  });
}

/** The errors the editor does not already show, by message and place. */
export function withoutShown(errors: readonly CellError[], shown: readonly Diagnostic[]): CellError[] {
  return errors.filter((e) => !shown.some((d) => d.message === e.message && d.span.line === e.line && d.span.column === e.column));
}

function tokenLength(rest: string): number {
  const quoted = /^(`[^`\n]*`|'[^'\n]*'|"[^"\n]*")/.exec(rest);
  if (quoted) return quoted[0].length;
  const word = /^[A-Za-z0-9_.]+/.exec(rest);
  if (word) return word[0].length;
  return rest.length > 0 && rest[0] !== '\n' ? 1 : 0;
}
