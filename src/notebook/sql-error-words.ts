/**
 * DuckDB's messages for a SQL cell's two commonest mistakes, in an analyst's words: a table that
 * does not exist, and a column that is not there. DuckDB's own suggestion is kept when it is near
 * the name typed, as SegQL's "did you mean" is, and so never one of its catalog tables
 * (sqlite_master, pg_…) offered for a name nothing like it. Other messages are left as DuckDB words them.
 */
import { didYouMean } from '../lang/check/suggest.ts';
import type { CellError } from './outcome.ts';

export function sqlErrorInWords(error: CellError): CellError {
  return { ...error, message: reworded(error.message) };
}

function reworded(message: string): string {
  const table = /^Catalog Error: Table with name (.+?) does not exist!(?: Did you mean "(.+?)"\?)?/.exec(message);
  if (table) {
    const [, name, suggestion] = table;
    return `there is no table or view named '${name}'${suggestion ? didYouMean(name!, [suggestion]) : ''}`;
  }
  const column = /^Binder Error: Referenced column "(.+?)" not found in FROM clause!(?:\s*Candidate bindings: "(.+?)")?/.exec(message);
  if (column) {
    const [, name, candidate] = column;
    return `no table in FROM has a column '${name}'${candidate ? didYouMean(name!, [candidate]) : ''}`;
  }
  return message;
}
