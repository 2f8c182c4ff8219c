/**
 * DuckDB's messages for a SQL cell's two commonest mistakes, in an analyst's words: a table that
 * does not exist, and a column that is not there. DuckDB's own suggestion is kept when it is near
 * the name typed, as SegQL's "did you mean" is, and so never one of its catalog tables
 * (sqlite_master, pg_…) offered for a name nothing like it. Other messages are left as DuckDB words them.
 */
import { didYouMean } from '../lang/check/suggest.ts';
import type { CellError } from './outcome.ts';

/** `sql`: the cell's text, where a part's view may be written without its quotes. */
/** DuckDB's own schemas: `main.x` is a table in one, not a part's view. */
const SCHEMAS = new Set(['main', 'memory', 'temp', 'information_schema', 'pg_catalog', 'system']);

export function sqlErrorInWords(error: CellError, sql = ''): CellError {
  return { ...error, message: reworded(error.message, sql) };
}

function reworded(message: string, sql: string): string {
  const table = /^Catalog Error: Table with name (.+?) does not exist!(?: Did you mean "(.+?)"\?)?/.exec(message);
  if (table) {
    const [, name, suggestion] = table;
    // `from tier.gold` reads as schema tier, table gold: the part's view is one quoted name.
    const dotted = new RegExp(`\\b([A-Za-z_][\\w$]*)\\.${escapeRegExp(name!)}\\b`).exec(sql);
    if (dotted && !SCHEMAS.has(dotted[1]!.toLowerCase())) return `there is no table or view named '${name}': a part's or arm's view is one name in double quotes, "${dotted[1]}.${name}"`;
    return `there is no table or view named '${name}'${suggestion ? didYouMean(name!, [suggestion]) : ''}`;
  }
  const column = /^Binder Error: Referenced column "(.+?)" not found in FROM clause!(?:\s*Candidate bindings: "(.+?)")?/.exec(message);
  if (column) {
    const [, name, candidate] = column;
    return `no table in FROM has a column '${name}'${candidate ? didYouMean(name!, [candidate]) : ''}`;
  }
  return message;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
