/**
 * Identifiers a SQL cell mentions outside strings and comments: bare words and "quoted" names
 * (a segment's part view is "tier.gold"). An over-approximation the cell graph matches against
 * defined names, less the names a query gives rather than reads: the word after `AS` is an alias
 * (`select 42 as big_spenders`, `from orders as o`), or a CTE's or a new table's own name comes
 * before it and is read later, where it counts. Each name comes once, with the span of its first
 * mention (where an error about it is shown).
 */
import type { Span } from './diagnostics.ts';
import { forwardPositions } from './span.ts';

/** Reserved words that start the query after `create table t as`, never an alias. */
const STARTS_A_QUERY = new Set(['select', 'from', 'with', 'values', 'table']);

export function sqlReferences(sql: string): { name: string; span: Span }[] {
  const found = new Map<string, Span>();
  const position = forwardPositions(sql);
  const pattern = /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"((?:[^"]|"")*)"|([A-Za-z_][A-Za-z0-9_$]*)/g;
  let afterAs = false;
  let end = 0;
  for (const m of sql.matchAll(pattern)) {
    const [text, quoted, word] = m;
    // Only space (or a comment) may come between AS and its alias: `as (select …` reads on.
    if (afterAs && /\S/.test(sql.slice(end, m.index))) afterAs = false;
    end = m.index + text.length;
    if (text.startsWith('--') || text.startsWith('/*')) continue;
    const isAs = word !== undefined && word.toLowerCase() === 'as';
    const name = quoted !== undefined ? quoted.replace(/""/g, '"') : word;
    const alias = afterAs && !(word !== undefined && STARTS_A_QUERY.has(word.toLowerCase()));
    if (name !== undefined && !alias && !isAs && !found.has(name)) {
      const from = position(m.index);
      const to = position(end);
      found.set(name, { start: m.index, end, line: from.line, column: from.column, endLine: to.line, endColumn: to.column });
    }
    afterAs = isAs;
  }
  return [...found].map(([name, span]) => ({ name, span }));
}

/**
 * Tables and views a SQL cell makes (`create [or replace] [temp] table|view [if not exists] NAME`),
 * so cells that read them run after it. `main.t` and `temp.t` count as `t`; a name in another
 * schema is left out: the graph knows the notebook's names, not schemas.
 */
export function sqlCreates(sql: string): string[] {
  const created: string[] = [];
  const pattern = /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"((?:[^"]|"")*)"|([A-Za-z_][A-Za-z0-9_$]*)|(\.)|([;(])/g;
  let state: 'idle' | 'create' | 'name' = 'idle';
  let pending: string | undefined;
  for (const m of sql.matchAll(pattern)) {
    const [text, quoted, word, dot, stop] = m;
    if (text.startsWith('--') || text.startsWith('/*')) continue;
    const lower = word?.toLowerCase();
    if (pending !== undefined) {
      const schema = pending.toLowerCase();
      if (dot === undefined) created.push(pending);
      pending = undefined;
      // `main.t` and `temp.t` are the notebook's own `t`; another schema's table is not.
      if (dot !== undefined && quoted === undefined && (schema === 'main' || schema === 'temp')) {
        state = 'name';
        continue;
      }
    }
    if (stop !== undefined || text.startsWith("'")) state = 'idle';
    else if (lower === 'create') state = 'create';
    else if (state === 'create' && (lower === 'table' || lower === 'view')) state = 'name';
    else if (state === 'create' && lower !== undefined && CREATE_MODIFIERS.has(lower)) continue;
    else if (state === 'name' && lower !== undefined && IF_NOT_EXISTS.has(lower)) continue;
    else if (state === 'name' && (quoted !== undefined || word !== undefined)) {
      pending = quoted !== undefined ? quoted.replace(/""/g, '"') : word;
      state = 'idle';
    } else state = 'idle';
  }
  if (pending !== undefined) created.push(pending);
  return [...new Set(created)];
}

const CREATE_MODIFIERS = new Set(['or', 'replace', 'temp', 'temporary', 'materialized']);
const IF_NOT_EXISTS = new Set(['if', 'not', 'exists']);

/** The SQL with strings and comments blanked out, keeping every offset and line break: what is code. */
export function sqlWithoutTextAndComments(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'?/g, (m) => m.replace(/[^\n]/g, ' '));
}
