/**
 * Loading a file as a table: the reader for its format fills a fresh table, which then takes
 * the wanted name, so a failed load leaves an earlier table of that name as it was.
 */
import { DataLoadError, QueryCancelledError, duckdbMessage } from '../errors.ts';
import { quoteIdent, quoteLiteral } from '../sql-text.ts';
import type { DataSource, LoadedTable, ReaderOptions } from '../types.ts';
import type { LoadContext } from './context.ts';
import { loadDelimited } from './csv.ts';
import { loadJson } from './json.ts';
import { loadParquet } from './parquet.ts';
import { formatOf, sourceFileName } from './source.ts';

export async function loadTable(ctx: LoadContext, name: string, source: DataSource, options: ReaderOptions = {}): Promise<LoadedTable> {
  const file = sourceFileName(source);
  const format = formatOf(file, options);
  const fresh = ctx.uniqueName('load');
  try {
    if (format === 'parquet') await loadParquet(ctx, fresh, source);
    else if (format === 'json' || format === 'jsonl') await loadJson(ctx, fresh, source, format);
    else await loadDelimited(ctx, fresh, source, format, options);
    await replaceTable(ctx, fresh, name);
  } catch (error) {
    await ctx.run(`DROP TABLE IF EXISTS ${quoteIdent(fresh)}`).catch(() => undefined);
    if (error instanceof DataLoadError || error instanceof QueryCancelledError) throw error;
    throw new DataLoadError(file, duckdbMessage(error).replace(/^[A-Za-z ]*Error: /, ''));
  }
  return describeTable(ctx, name);
}

/** Table `fresh` takes the name `name`, replacing a table of that name. */
export async function replaceTable(ctx: LoadContext, fresh: string, name: string): Promise<void> {
  await ctx.run(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
  await ctx.run(`ALTER TABLE ${quoteIdent(fresh)} RENAME TO ${quoteIdent(name)}`);
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
