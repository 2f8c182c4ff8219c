/**
 * Loading a file as a table: the reader for its format fills a fresh table, which then takes
 * the wanted name, so a failed load leaves an earlier table of that name as it was.
 */
import { DataLoadError, QueryCancelledError, duckdbMessage } from '../errors.ts';
import { quoteIdent, quoteLiteral } from '../sql-text.ts';
import type { DataSource, LoadedTable, ReaderOptions } from '../types.ts';
import type { LoadContext } from './context.ts';
import { createTable, loadDelimited } from './csv.ts';
import { loadJson } from './json.ts';
import { loadParquet } from './parquet.ts';
import { formatOf, sourceFileName } from './source.ts';
import { moveQuery } from './transfer.ts';

export function loadTable(ctx: LoadContext, name: string, source: DataSource, options: ReaderOptions = {}): Promise<LoadedTable> {
  const file = sourceFileName(source);
  const format = formatOf(file, options);
  return intoFreshTable(ctx, name, file, async (fresh) => {
    if (format === 'parquet') await loadParquet(ctx, fresh, source);
    else if (format === 'json' || format === 'jsonl') await loadJson(ctx, fresh, source, format);
    else await loadDelimited(ctx, createTable(ctx, fresh), source, format, options);
  });
}

/**
 * Delimited text read by `from` (a database that may open files) into table `name` of `to` (one
 * that may not): the rows cross as Arrow while `from` reads them, and `from` keeps none of them.
 */
export function loadDelimitedInto(from: LoadContext, to: LoadContext, name: string, source: DataSource, options: ReaderOptions = {}): Promise<LoadedTable> {
  const file = sourceFileName(source);
  const format = formatOf(file, options);
  return intoFreshTable(to, name, file, (fresh) => loadDelimited(from, (select, sniffedTypes) => moveQuery(from, select, to, fresh, sniffedTypes), source, format, options));
}

/** Table `fresh` takes the name `name`, replacing a table of that name. */
export async function replaceTable(ctx: LoadContext, fresh: string, name: string): Promise<void> {
  await ctx.run(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
  await ctx.run(`ALTER TABLE ${quoteIdent(fresh)} RENAME TO ${quoteIdent(name)}`);
}

/** `fill` makes a fresh table of `ctx`, which then replaces `name`; on failure nothing of it is left. */
async function intoFreshTable(ctx: LoadContext, name: string, file: string, fill: (fresh: string) => Promise<void>): Promise<LoadedTable> {
  const fresh = ctx.uniqueName('load');
  try {
    await fill(fresh);
    await replaceTable(ctx, fresh, name);
  } catch (error) {
    await ctx.dropTable(fresh).catch(() => undefined);
    if (error instanceof DataLoadError || error instanceof QueryCancelledError) throw error;
    throw new DataLoadError(file, duckdbMessage(error).replace(/^[A-Za-z ]*Error: /, ''));
  }
  return describeTable(ctx, name);
}

async function describeTable(ctx: LoadContext, name: string): Promise<LoadedTable> {
  const columns = await ctx.run(
    `SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ${quoteLiteral(name)} ORDER BY column_index`,
  );
  const count = await ctx.run(`SELECT count(*) AS n FROM ${quoteIdent(name)}`);
  return {
    name,
    rowCount: Number(count.rows[0]?.[0] ?? 0),
    columns: columns.rows.map(([column, type]) => ({ name: String(column), type: String(type) })),
  };
}
