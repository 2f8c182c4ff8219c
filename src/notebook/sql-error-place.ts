/**
 * DuckDB-WASM often gives no position for SQL errors (a binder's unknown column, say); when it
 * names the culprit in quotes, the error is placed at that name in the cell, for the editor's
 * marker and for the headless runner's line and column alike.
 */
import { positionOf } from '../lang/span.ts';
import type { CellError } from './outcome.ts';

/** A SQL error reported at the very start of the cell moves to the name its message quotes, if the cell has it. */
export function locateSqlError(source: string, error: CellError): CellError {
  if (error.line !== 1 || error.column !== 1) return error;
  // "syntax error at end of input": the query stops short, so the place to look is its last word.
  if (/at end of input/i.test(error.message)) {
    const end = source.replace(/(?:\s|;|--[^\n]*$)+$/, '').length;
    if (end > 0) return { ...error, ...positionOf(source, end - 1) };
  }
  const names = [...error.message.matchAll(/"([^"\n]+)"|with name (\w+)/g)].map((m) => m[1] ?? m[2]);
  for (const name of names) {
    const escaped = name!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const found = new RegExp(`(?<![\\w"])${escaped}(?![\\w"])`, 'i').exec(source);
    if (!found) continue;
    const { line, column } = positionOf(source, found.index);
    return { ...error, line, column };
  }
  return error;
}

