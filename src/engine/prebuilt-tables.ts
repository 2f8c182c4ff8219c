/**
 * Tables shipped with the app (the sample data) prebuilt at build time as Arrow IPC streams,
 * read from their CSV files by DuckDB the way the engine reads delimited text
 * (scripts/vite/sample-tables.ts). The sealed query database takes such a stream directly: no
 * loader database and no CSV parsing on a cold open, and the same columns, types and rows.
 */
import type { LoadContext } from './load/context.ts';
import { replaceTable } from './load/load-table.ts';
import { quoteIdent } from './sql-text.ts';
import type { DataSource, LoadedTable, ReaderOptions } from './types.ts';

export interface PrebuiltTable {
  /** The Arrow IPC stream's bytes, which the engine may give away; fetched from the site in the browser. */
  read(): Promise<Uint8Array>;
  /** The columns as DuckDB typed them reading the text; each is cast back to its type on arrival. */
  columns: LoadedTable['columns'];
  rowCount: number;
  /** The date and timestamp columns that hold no NULL (what the catalog reads from DuckDB's statistics). */
  nullFree: string[];
  /** The columns in which no value appears twice. */
  unique: string[];
}

/** The prebuilt form of `source` read with `options`, when there is one. */
export type PrebuiltTables = (source: DataSource, options: ReaderOptions) => PrebuiltTable | undefined;

/** Types that cross DuckDB-WASM's Arrow export and import as themselves (src/engine/load/transfer.ts); others travel as text. */
export const ARROW_EXACT = new Set(['BOOLEAN', 'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'FLOAT', 'DOUBLE', 'VARCHAR', 'DATE', 'TIME', 'TIMESTAMP']);

/** Whether reader options are all defaults (the prebuilt streams were read with none). */
export function defaultOptions(options: ReaderOptions): boolean {
  return Object.values(options).every((value) => value === undefined);
}

/**
 * Table `name` of `ctx` from a prebuilt stream (`ipc`, taken), replacing a table of that name;
 * made under its name at once when the database is known to hold nothing of that name (`vacant`).
 */
export async function insertPrebuilt(ctx: LoadContext, name: string, table: PrebuiltTable, ipc: Uint8Array, vacant = false): Promise<void> {
  const fresh = vacant ? name : ctx.uniqueName('load');
  // Columns that crossed as text are cast back in a copy; a stream of exact types is the table.
  const exact = table.columns.every((c) => ARROW_EXACT.has(c.type));
  const raw = exact ? fresh : ctx.uniqueName('prebuilt');
  try {
    await ctx.insertArrow(raw, ipc, true);
    if (!exact) {
      const typed = table.columns.map((c) => `CAST(${quoteIdent(c.name)} AS ${c.type}) AS ${quoteIdent(c.name)}`);
      await ctx.run(`CREATE TABLE ${quoteIdent(fresh)} AS SELECT ${typed.join(', ')} FROM ${quoteIdent(raw)}`);
    }
    if (!vacant) await replaceTable(ctx, fresh, name);
  } catch (error) {
    await ctx.run(`DROP TABLE IF EXISTS ${quoteIdent(fresh)}`).catch(() => undefined);
    throw error;
  } finally {
    if (!exact) await ctx.run(`DROP TABLE IF EXISTS ${quoteIdent(raw)}`).catch(() => undefined);
  }
}
