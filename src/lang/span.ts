import type { IToken } from 'chevrotain';
import type { Span } from './diagnostics.ts';

/** Line and column (1-based) of an offset, counting \r\n, \n and \r as line breaks. */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 10 || (ch === 13 && source.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Line and column of offsets asked for in increasing order, in one pass over the text: for the
 * spans of a scan's matches, where positionOf for each would read the text again every time.
 */
export function forwardPositions(source: string): (offset: number) => { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let at = 0;
  return (offset) => {
    for (; at < offset && at < source.length; at++) {
      const ch = source.charCodeAt(at);
      if (ch === 10 || (ch === 13 && source.charCodeAt(at + 1) !== 10)) {
        line++;
        lineStart = at + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  };
}

/** The offset of a line and column (1-based) in text whose line breaks are \n (a cell's, once parsed); past a line's end, its end. */
export function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const newline = source.indexOf('\n', offset);
    if (newline < 0) return source.length;
    offset = newline + 1;
  }
  const lineEnd = source.indexOf('\n', offset);
  const lineLength = (lineEnd < 0 ? source.length : lineEnd) - offset;
  return offset + Math.max(0, Math.min(column - 1, lineLength));
}

export function spanOfRange(source: string, start: number, end: number): Span {
  const a = positionOf(source, start);
  const b = positionOf(source, end);
  return { start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

export function spanOfToken(token: IToken): Span {
  const start = token.startOffset;
  const end = (token.endOffset ?? start) + 1;
  return {
    start,
    end,
    line: token.startLine ?? 1,
    column: token.startColumn ?? 1,
    endLine: token.endLine ?? token.startLine ?? 1,
    endColumn: (token.endColumn ?? token.startColumn ?? 1) + 1,
  };
}

/** From the start of one token to the end of another: a rule's span, from its first token to its last. */
export function spanOfTokens(first: IToken, last: IToken): Span {
  return {
    start: first.startOffset,
    end: (last.endOffset ?? last.startOffset) + 1,
    line: first.startLine ?? 1,
    column: first.startColumn ?? 1,
    endLine: last.endLine ?? last.startLine ?? 1,
    endColumn: (last.endColumn ?? last.startColumn ?? 1) + 1,
  };
}

export function joinSpans(a: Span, b: Span): Span {
  return {
    start: a.start,
    end: b.end,
    line: a.line,
    column: a.column,
    endLine: b.endLine,
    endColumn: b.endColumn,
  };
}

export const emptySpan: Span = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
