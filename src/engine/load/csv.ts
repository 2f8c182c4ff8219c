/**
 * Delimited text (CSV, TSV, TXT) through DuckDB's read_csv, with the reader options of spec §8.
 * When DuckDB's sniffer fails, or reads a delimited file as one column, the text itself is
 * examined so the analyst learns which line is wrong — or white-space-aligned columns are read.
 * Where the rows go is the caller's `Fill`: a table of the reading database, or another database.
 */
import { gunzipSync } from 'fflate';
import { DataLoadError, QueryError } from '../errors.ts';
import { quoteIdent } from '../sql-text.ts';
import type { DataSource, ReaderOptions } from '../types.ts';
import type { LoadContext } from './context.ts';
import { readCsvCall } from './csv-options.ts';
import { alignedToTabs, findRaggedLine, firstLineFields, guessDelimiter, isWhitespaceAligned } from './csv-diagnose.ts';
import { csvLoadError, isSniffFailure } from './csv-errors.ts';
import { sourceFileName, type Format } from './source.ts';
import { byteOrderEncoding, encodingName, isUtf8, toUtf8 } from '../text-encoding.ts';

/** Enough text to cover DuckDB's sniffing sample (20,480 rows) of ordinary files. */
const DIAGNOSIS_BYTES = 8 << 20;
/** Enough lines to tell a file's average line length. */
const SAMPLE_BYTES = 64 << 10;

/**
 * Makes the loaded table from `select` (a SELECT over read_csv), replacing what an earlier call
 * made, and says how many columns it has. `sniffedTypes`: DuckDB's sniffer chose every column's
 * type (the reader options name none), so each is one of its few candidate types.
 */
export type Fill = (select: string, sniffedTypes: boolean) => Promise<number>;

/** Fills `table` of the reading database itself. */
export function createTable(ctx: LoadContext, table: string): Fill {
  return async (select) => {
    await ctx.run(`CREATE OR REPLACE TABLE ${quoteIdent(table)} AS ${select}`);
    return columnCount(ctx, table);
  };
}

interface Head {
  text: string;
  /** The file goes on past `text`. */
  truncated: boolean;
}

export async function loadDelimited(ctx: LoadContext, fill: Fill, source: DataSource, format: Format, options: ReaderOptions): Promise<void> {
  const file = sourceFileName(source);
  const encoding = options.encoding ?? byteOrderEncoding(await ctx.files.readHead(source, 2));
  if (encoding !== undefined && !isUtf8(encoding)) {
    const { encoding: _decoded, ...utf8Options } = options;
    return loadDelimited(ctx, fill, utf8Copy(file, await ctx.files.readBytes(source), encoding), format, utf8Options);
  }
  const given = format === 'tsv' && options.delimiter === undefined ? { ...options, delimiter: '\t' } : options;
  const sniffed = given.delimiter === undefined;
  let cached: Promise<Head> | undefined;
  const head = () => (cached ??= readHead(ctx, source));
  let columns: number;
  try {
    columns = await withDuckDBFile(ctx, source, (path) => fill(selectFromCsv(path, given), sniffedTypes(given)));
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    // A single space given as the delimiter of columns lined up with runs of spaces means the runs.
    if ((sniffed || given.delimiter === ' ') && (await loadAligned(ctx, fill, source, given, await head()))) return;
    if (isSniffFailure(error.message)) explainRaggedLine(file, given, await head());
    throw csvLoadError(file, error.message);
  }
  if (!sniffed) return;
  if (columns > 1) return explainSkippedLines(ctx, file, source, given, columns, head);
  const delimiter = guessDelimiter((await head()).text, given.skip);
  if (delimiter) explainRaggedLine(file, { ...given, delimiter }, await head());
  else await loadAligned(ctx, fill, source, given, await head());
}

/** Reads white-space-aligned columns (runs of spaces between fields) as tab-separated text, if the file is laid out so. */
async function loadAligned(ctx: LoadContext, fill: Fill, source: DataSource, options: ReaderOptions, head: Head): Promise<boolean> {
  if (!isWhitespaceAligned(head.text, options.skip)) return false;
  const whole = new TextDecoder().decode(await ctx.files.readBytes(source));
  const name = `${ctx.uniqueName('file')}.tsv`;
  await ctx.registerFile(name, new TextEncoder().encode(alignedToTabs(whole)));
  try {
    await fill(selectFromCsv(name, { ...options, delimiter: '\t' }), sniffedTypes(options));
  } catch (error) {
    throw error instanceof QueryError ? csvLoadError(sourceFileName(source), error.message) : error;
  } finally {
    await ctx.dropFile(name);
  }
  return true;
}

/** Throws the first line whose field count differs from the header's, or that opens a quote never closed, if there is one. */
function explainRaggedLine(file: string, options: ReaderOptions, { text, truncated }: Head): void {
  const delimiter = options.delimiter ?? guessDelimiter(text, options.skip);
  if (!delimiter) return;
  const ragged = findRaggedLine(text, delimiter, options.skip, truncated);
  if (!ragged) return;
  if ('unclosedQuote' in ragged) throw new DataLoadError(file, 'a quote (") opened here is never closed', ragged.line);
  throw new DataLoadError(file, `expected ${ragged.expected} columns, found ${ragged.found}`, ragged.line);
}

/**
 * DuckDB's sniffer skips leading lines that do not fit the rest of a file: a title above the
 * header, which is right, but also a header and rows above a broken line, which silently loses
 * them. A first line of several fields that is not the table's header is that second case when
 * the text itself has a ragged line or an unclosed quote: then the analyst hears where.
 */
async function explainSkippedLines(ctx: LoadContext, file: string, source: DataSource, options: ReaderOptions, columns: number, head: () => Promise<Head>): Promise<void> {
  if (options.skip !== undefined) return;
  const start = new TextDecoder().decode(await ctx.files.readHead(source, SAMPLE_BYTES));
  const delimiter = guessDelimiter(start);
  if (!delimiter) return;
  const fields = firstLineFields(start, delimiter);
  if (fields > 1 && fields !== columns) explainRaggedLine(file, { ...options, delimiter }, await head());
}

/**
 * The file's text as UTF-8, which is all DuckDB reads, held in memory while it loads. A gzipped
 * file is unpacked first: DuckDB would otherwise unpack the copy again, by its name.
 */
function utf8Copy(file: string, bytes: Uint8Array, label: string): DataSource {
  const name = encodingName(label);
  if (!name) throw new DataLoadError(file, `unknown encoding '${label}': give one such as windows-1252, iso-8859-2, shift_jis or utf-16`);
  const gzipped = /\.gz$/i.test(file);
  let text = bytes;
  if (gzipped) {
    try {
      text = gunzipSync(bytes);
    } catch {
      throw new DataLoadError(file, 'the file is named .gz but is not gzip-compressed');
    }
  }
  const utf8 = toUtf8(text, name);
  if (!utf8) throw new DataLoadError(file, `the file is not ${name} text: check its encoding`);
  return { kind: 'bytes', bytes: utf8, fileName: gzipped ? file.replace(/\.gz$/i, '') : file };
}

async function readHead(ctx: LoadContext, source: DataSource): Promise<Head> {
  const bytes = await ctx.files.readHead(source, DIAGNOSIS_BYTES);
  return { text: new TextDecoder().decode(bytes), truncated: bytes.length >= DIAGNOSIS_BYTES };
}

function sniffedTypes(options: ReaderOptions): boolean {
  return Object.keys(options.types ?? {}).length === 0;
}

function selectFromCsv(path: string, options: ReaderOptions): string {
  return `SELECT * FROM ${readCsvCall(path, options)}`;
}

/** Bytes per line, from the start of the file and from its middle (ids and dates grow longer down a file). */
async function averageLineBytes(file: Blob): Promise<number | undefined> {
  const middle = Math.max(0, Math.floor(file.size / 2) - SAMPLE_BYTES / 2);
  const samples = await Promise.all([0, middle].map(async (at) => new Uint8Array(await file.slice(at, at + SAMPLE_BYTES).arrayBuffer())));
  let lines = 0;
  let bytes = 0;
  for (const sample of samples) {
    const first = sample.indexOf(10);
    const last = sample.lastIndexOf(10);
    if (first < 0 || last <= first) continue;
    bytes += last - first;
    for (let i = first + 1; i <= last; i++) if (sample[i] === 10) lines++;
  }
  return lines > 0 ? bytes / lines : undefined;
}

async function columnCount(ctx: LoadContext, table: string): Promise<number> {
  const result = await ctx.run(`SELECT * FROM ${quoteIdent(table)} LIMIT 0`);
  return result.columns.length;
}

/**
 * Runs `work` with a name DuckDB can open: the file's own path in Node, a file handle for a
 * browser file (DuckDB reads it piece by piece), registered bytes otherwise.
 */
async function withDuckDBFile<T>(ctx: LoadContext, source: DataSource, work: (path: string) => Promise<T>): Promise<T> {
  const direct = await ctx.files.directPath(source);
  if (direct !== undefined) return work(direct);
  const name = `${ctx.uniqueName('file')}-${sourceFileName(source).replace(/[^\w.-]/g, '_')}`;
  const handle = ctx.files.fileHandle(source);
  if (handle) await ctx.registerFileHandle(name, handle);
  else await ctx.registerFile(name, await ctx.files.readBytes(source));
  const stopWatching = handle ? await watchReads(ctx, handle, name) : undefined;
  try {
    return await work(name);
  } finally {
    stopWatching?.();
    await ctx.dropFile(name);
  }
}

/**
 * Reports how much of a file DuckDB has read, as bytes and rows estimated from the length of
 * the first lines, while it reads it through its handle; the exact count comes with the table.
 */
async function watchReads(ctx: LoadContext, handle: Blob, name: string): Promise<() => void> {
  const size = handle.size;
  const bytesPerRow = await averageLineBytes(handle);
  const report = (bytesRead: number) =>
    ctx.progress({ bytesRead, bytesTotal: size, rows: bytesPerRow ? Math.round(bytesRead / bytesPerRow) : undefined, estimated: true });
  report(0);
  return ctx.watchFileReads(name, (bytes) => report(Math.min(size, bytes)));
}
