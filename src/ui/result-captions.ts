/**
 * The words over each result: the statement that made it, as the analyst wrote it
 * (`compare big_spenders by region`). A SegQL cell yields one result per analysis statement, in
 * order; a result whose statement no longer matches the text (the cell changed since) gets none.
 * A `show` list that reached its limit says it is the first N members, not the whole segment.
 */
import { SHOW_DEFAULT_LIMIT, type Program } from '../lang/index.ts';
import type { CellResult } from '../notebook/outcome.ts';

const RESULT_KINDS = new Set(['compare', 'overlap', 'profile', 'trend', 'show', 'split', 'expect']);
const MAX_LENGTH = 140;

export function resultCaptions(program: Program | undefined, cell: number, results: readonly CellResult[]): string[] {
  const parsed = program?.cells.find((c) => c.index === cell)?.parsed;
  if (!parsed) return results.map(() => '');
  const statements = parsed.statements.filter((s) => RESULT_KINDS.has(s.kind));
  return results.map((result, i) => {
    const statement = statements[i];
    // An expectation's result repeats its condition already.
    if (!statement || statement.kind !== result.statement || statement.kind === 'expect') return '';
    const text = parsed.source.slice(statement.span.start, statement.span.end).replace(/\s+/g, ' ').trim();
    const words = text.slice(statement.kind.length).trim();
    const caption = words.length > MAX_LENGTH ? `${words.slice(0, MAX_LENGTH - 1)}…` : words;
    // A list cut at its limit reads like the whole segment unless it says so.
    if (statement.kind !== 'show') return caption;
    const limit = statement.limit?.value ?? SHOW_DEFAULT_LIMIT;
    if (result.rows.length < limit || limit === 0) return caption;
    const which = statement.limit ? 'the limit' : 'the default limit: write limit N for more';
    return `${caption} · the first ${limit.toLocaleString('en-US')} by key, ${which}`;
  });
}
