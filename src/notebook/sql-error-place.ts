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
  const syntax = /syntax error at or near/i.test(error.message);
  for (const name of names) {
    const escaped = name!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const found = [...source.matchAll(new RegExp(`(?<![\\w"])${escaped}(?![\\w"])`, 'gi'))];
    if (found.length === 0) continue;
    const at = (syntax ? found.find((m) => followsAName(source, m.index)) : undefined) ?? found[0]!;
    const { line, column } = positionOf(source, at.index);
    return { ...error, line, column };
  }
  return error;
}

/**
 * Where a word the parser stumbled on appears more than once, the stumble is most likely where it
 * follows a plain name (`wher channel`: two names in a row) rather than a keyword (`select channel`).
 */
function followsAName(source: string, index: number): boolean {
  const before = /([A-Za-z_][\w$]*)\s+$/.exec(source.slice(0, index))?.[1];
  return before !== undefined && !KEYWORDS.has(before.toLowerCase());
}

const KEYWORDS = new Set(
  ('select from where and or not on by as join left right inner outer full cross group order having limit offset with distinct in is ' +
    'between like ilike case when then else end union all except intersect set values into table view create replace insert update delete ' +
    'asc desc null true false over partition window using qualify describe summarize').split(' '),
);

