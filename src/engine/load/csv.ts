/**
 * Delimited text (CSV, TSV, TXT) through DuckDB's read_csv, with the reader options of spec §8.
 * When DuckDB's sniffer fails, or reads a delimited file as one column, the text itself is
 * examined so the analyst learns which line is wrong — or white-space-aligned columns are read.
 */
import { DataLoadError, QueryError } from '../errors.ts';
import { quoteIdent } from '../sql-text.ts';
import type { DataSource, ReaderOptions } from '../types.ts';
import type { LoadContext } from './context.ts';
import { readCsvCall } from './csv-options.ts';
import { alignedToTabs, findRaggedLine, guessDelimiter, isWhitespaceAligned } from './csv-diagnose.ts';
import { csvLoadError, isSniffFailure } from './csv-errors.ts';
import { sourceFileName, type Format } from './source.ts';

/** Enough text to cover DuckDB's sniffing sample (20,480 rows) of ordinary files. */
const DIAGNOSIS_BYTES = 8 << 20;

export async function loadDelimited(ctx: LoadContext, table: string, source: DataSource, format: Format, options: ReaderOptions): Promise<void> {
  const file = sourceFileName(source);
  const given = format === 'tsv' && options.delimiter === undefined ? { ...options, delimiter: '\t' } : options;
  try {
    await withDuckDBFile(ctx, source, (path) => createFromCsv(ctx, table, path, given));
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    if (isSniffFailure(error.message)) await explainRaggedLine(ctx, source, given);
    throw csvLoadError(file, error.message);
  }
  if (given.delimiter === undefined && (await columnCount(ctx, table)) === 1) await readAsDelimited(ctx, table, source, given);
}

/** DuckDB took the file as a single column: find the delimiter it missed, or the white-space layout. */
async function readAsDelimited(ctx: LoadContext, table: string, source: DataSource, options: ReaderOptions): Promise<void> {
  const { text } = await head(ctx, source);
  const delimiter = guessDelimiter(text, options.skip);
  if (delimiter) {
    await explainRaggedLine(ctx, source, { ...options, delimiter });
    return;
  }
  if (!isWhitespaceAligned(text, options.skip)) return;
  const whole = new TextDecoder().decode(await ctx.files.readBytes(source));
  const name = `${ctx.uniqueName('segbook_file')}.tsv`;
  await ctx.registerFile(name, new TextEncoder().encode(alignedToTabs(whole)));
  try {
    await createFromCsv(ctx, table, name, { ...options, delimiter: '\t' });
  } catch (error) {
    throw error instanceof QueryError ? csvLoadError(sourceFileName(source), error.message) : error;
  } finally {
    await ctx.dropFile(name);
  }
}

/** Throws the first line whose field count differs from the header's, if there is one. */
async function explainRaggedLine(ctx: LoadContext, source: DataSource, options: ReaderOptions): Promise<void> {
  const { text, truncated } = await head(ctx, source);
  const delimiter = options.delimiter ?? guessDelimiter(text, options.skip);
  if (!delimiter) return;
  const ragged = findRaggedLine(text, delimiter, options.skip, truncated);
  if (ragged) throw new DataLoadError(sourceFileName(source), `expected ${ragged.expected} columns, found ${ragged.found}`, ragged.line);
}

async function head(ctx: LoadContext, source: DataSource): Promise<{ text: string; truncated: boolean }> {
  const bytes = await ctx.files.readHead(source, DIAGNOSIS_BYTES);
  return { text: new TextDecoder().decode(bytes), truncated: bytes.length >= DIAGNOSIS_BYTES };
}

async function createFromCsv(ctx: LoadContext, table: string, path: string, options: ReaderOptions): Promise<void> {
  await ctx.run(`CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM ${readCsvCall(path, options)}`);
}

async function columnCount(ctx: LoadContext, table: string): Promise<number> {
  const result = await ctx.run(`SELECT * FROM ${quoteIdent(table)} LIMIT 0`);
  return result.columns.length;
}

/** Runs `work` with a name DuckDB can open: the file's own path in Node, registered bytes in the browser. */
async function withDuckDBFile(ctx: LoadContext, source: DataSource, work: (path: string) => Promise<void>): Promise<void> {
  const direct = await ctx.files.directPath(source);
  if (direct !== undefined) return work(direct);
  const name = `${ctx.uniqueName('segbook_file')}-${sourceFileName(source).replace(/[^\w.-]/g, '_')}`;
  await ctx.registerFile(name, await ctx.files.readBytes(source));
  try {
    await work(name);
  } finally {
    await ctx.dropFile(name);
  }
}
