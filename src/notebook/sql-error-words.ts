/**
 * DuckDB's messages for a SQL cell's commonest mistakes, in an analyst's words: a table that
 * does not exist, a name already taken, a column that is not there or neither grouped nor
 * aggregated, and a typo that breaks the syntax. DuckDB's own
 * suggestion is kept when it is near the name typed, as SegQL's "did you mean" is, and so never
 * one of its catalog tables (sqlite_master, pg_…) offered for a name nothing like it. A syntax
 * error loses DuckDB's "Parser Error:" and says which keyword a mistyped word was probably meant
 * to be. Other messages are left as DuckDB words them.
 */
import { didYouMean, nearest } from '../lang/check/suggest.ts';
import { offsetOf } from '../lang/span.ts';
import { sqlWithoutTextAndComments } from '../lang/sql-references.ts';
import type { CellError } from './outcome.ts';

/** DuckDB's own schemas: `main.x` is a table in one, not a part's view. */
const SCHEMAS = new Set(['main', 'memory', 'temp', 'information_schema', 'pg_catalog', 'system']);

/** The keywords an analyst's query is built on: a syntax error at a word near one of them was most likely a typo of it. */
const KEYWORDS = ['select', 'from', 'where', 'group', 'order', 'with', 'create', 'insert', 'update', 'delete', 'limit', 'join'];

/**
 * `sql`: the cell's text, where a part's view may be written without its quotes; `error` is placed
 * where DuckDB stopped (sql-error-place.ts), and a syntax error's "did you mean" reads the word there.
 */
export function sqlErrorInWords(error: CellError, sql = ''): CellError {
  return { ...error, message: reworded(error, sql) };
}

function reworded(error: CellError, sql: string): string {
  const { message } = error;
  const parser = /^Parser Error: ([\s\S]*)$/.exec(message);
  if (parser) return syntaxInWords(parser[1]!, error, sql);
  const table = /^Catalog Error: Table with name (.+?) does not exist!(?: Did you mean "(.+?)"\?)?/.exec(message);
  if (table) {
    const [, name, suggestion] = table;
    // `from tier.gold` reads as schema tier, table gold: the part's view is one quoted name.
    const dotted = new RegExp(`\\b([A-Za-z_][\\w$]*)\\.${escapeRegExp(name!)}\\b`).exec(sql);
    if (dotted && !SCHEMAS.has(dotted[1]!.toLowerCase())) return `there is no table or view named '${name}': a part's or arm's view is one name in double quotes, "${dotted[1]}.${name}"`;
    return `there is no table or view named '${name}'${suggestion ? didYouMean(name!, [suggestion]) : ''}`;
  }
  const taken = /^Catalog Error: (?:Table|View) with name "?(.+?)"? already exists!/.exec(message);
  if (taken) return `the name '${taken[1]}' is taken by a table or view (loaded data, a segment, part or arm, or another cell's): give the new one another name`;
  const replaced = /^Catalog Error: Existing object "?(.+?)"? is of type (\w+), trying to replace with type (\w+)/.exec(message);
  if (replaced) {
    const [, name, is, wanted] = replaced;
    return `'${name}' is a ${is!.toLowerCase()}, which create or replace ${wanted!.toLowerCase()} cannot replace: give the new ${wanted!.toLowerCase()} another name`;
  }
  const ungrouped = /^Binder Error: column "?(.+?)"? must appear in the GROUP BY clause or (?:must be part of|be used in) an aggregate function/.exec(message);
  if (ungrouped) {
    const name = ungrouped[1]!;
    const aggregate = `aggregate it (any_value(${name}) takes one of its values)`;
    if (!/\bgroup\s+by\b/i.test(sqlWithoutTextAndComments(sql))) return `'${name}' is selected beside an aggregate: add group by ${name}, or ${aggregate}`;
    return `'${name}' is neither in group by nor inside an aggregate: add it to group by, or ${aggregate}`;
  }
  const column = /^Binder Error: Referenced column "(.+?)" not found in FROM clause!(?:\s*Candidate bindings: "(.+?)")?/.exec(message);
  if (column) {
    const [, name, candidate] = column;
    return `no table in FROM has a column '${name}'${candidate ? didYouMean(name!, [candidate]) : ''}`;
  }
  return message;
}

const INTEGER_TYPES: Record<string, string> = { INT8: 'TINYINT', INT16: 'SMALLINT', INT32: 'INTEGER', INT64: 'BIGINT', INT128: 'HUGEINT' };

/**
 * What goes wrong while a SegQL cell's values are computed, rather than in its text: a whole number
 * that outgrows its type, a text that is no number. DuckDB's words name its types (INT32) and
 * casts the analyst never wrote; they read what happened and what to write instead. (A SQL cell's
 * author wrote the casts, and reads DuckDB's words.) Other messages are left as DuckDB words them.
 */
export function runtimeErrorInWords(message: string): string {
  const overflow = /^Out of Range Error: Overflow in (multiplication|addition|subtraction) of (\w+) \((.+?)\)!?$/.exec(message);
  if (overflow) {
    const [, operation, type, values] = overflow;
    const kind = INTEGER_TYPES[type!] ?? type!;
    return `the ${operation} ${values!.replace(' * ', ' × ')} is too large for whole numbers of type ${kind}: multiply by 1.0 first to compute with decimals`;
  }
  const text = /^Conversion Error: Could not convert string '(.*)' to (\w+)/.exec(message);
  if (text) return `the text '${text[1]}' cannot be read as ${INTEGER_TYPES[text[2]!] ?? text[2]}: a value meets values of another kind here`;
  return message;
}

/**
 * `selec 1` stops at the typo itself; `frm t`, `wher x` and `limt 3` read as a name given to what
 * comes before, so DuckDB stops at the word after the typo, the one its message quotes.
 */
function syntaxInWords(text: string, error: CellError, sql: string): string {
  const near = /^syntax error at or near "(.+)"$/.exec(text)?.[1];
  if (near === undefined) return text;
  // The word before first: in `form orders` the typo is `form`, though `orders` is near `order`.
  const before = /([A-Za-z_]+)\s+$/.exec(sql.slice(0, offsetOf(sql, error.line, error.column)))?.[1];
  const meantBefore = before === undefined ? undefined : keywordFor(before);
  if (meantBefore) return `${text} — did you mean '${meantBefore}' for '${before}'?`;
  const meant = keywordFor(near);
  return meant ? `${text} — did you mean '${meant}'?` : text;
}

/** The keyword `word` is a typo of, in the case it was typed in (`SELEC` → `SELECT`); none for a keyword itself. */
function keywordFor(word: string): string | undefined {
  if (KEYWORDS.includes(word.toLowerCase())) return undefined;
  const meant = nearest(word, KEYWORDS);
  return meant && word === word.toUpperCase() ? meant.toUpperCase() : meant;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
