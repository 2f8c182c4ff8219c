/** A place in a cell's source. Offsets are 0-based; line and column are 1-based (spec §10). */
export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 'error' | 'warning';

/** A user mistake, reported as a value: compilation goes on and reports every problem. */
export interface Diagnostic {
  code: string;
  message: string;
  span: Span;
  severity: Severity;
}

export function error(code: string, message: string, span: Span): Diagnostic {
  return { code, message, span, severity: 'error' };
}

/** Something that runs but is almost surely not what the analyst meant: shown, never blocking a run. */
export function warning(code: string, message: string, span: Span): Diagnostic {
  return { code, message, span, severity: 'warning' };
}
