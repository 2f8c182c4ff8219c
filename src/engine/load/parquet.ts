/**
 * Parquet through hyparquet (DuckDB-WASM 1.32 would download its Parquet reader at run time):
 * the schema decides each column's DuckDB type, and the file is read and inserted one row group
 * at a time so large files do not need all their rows in JavaScript at once. A browser file is
 * read a column chunk at a time, never whole.
 */
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData, type ParquetParsers, type SchemaTree } from 'hyparquet';
import { gunzipSync } from 'fflate';
import { DataLoadError, QueryCancelledError, QueryError } from '../errors.ts';
import type { DataSource } from '../types.ts';
import { ArrowTableWriter, uniqueColumnNames, type ColumnValues } from './arrow-insert.ts';
import type { LoadContext } from './context.ts';
import { parquetColumn, timestampText } from './parquet-types.ts';
import { sourceFileName } from './source.ts';

const MS_PER_DAY = 86_400_000;

/** Dates and timestamps as the Arrow writer wants them: epoch milliseconds and exact text. */
const PARSERS: Partial<ParquetParsers> = {
  dateFromDays: (days) => days * MS_PER_DAY,
  timestampFromMilliseconds: (millis) => timestampText(BigInt(millis) * 1000n),
  timestampFromMicroseconds: (micros) => timestampText(BigInt(micros)),
  timestampFromNanoseconds: (nanos) => timestampText(BigInt(nanos) / 1000n),
};

const COMPRESSORS = { GZIP: (input: Uint8Array) => gunzipSync(input) };

export async function loadParquet(ctx: LoadContext, table: string, source: DataSource): Promise<void> {
  const file = sourceFileName(source);
  const buffer = await asyncBuffer(ctx, source);
  let metadata;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (error) {
    throw new DataLoadError(file, `not a Parquet file (${reason(error)})`);
  }
  const fields = parquetSchema(metadata).children;
  const names = uniqueColumnNames(fields.map((f) => f.element.name));
  const columns = fields.map((field, i) => ({ ...parquetColumn(field), name: names[i]! }));
  const writer = new ArrowTableWriter(ctx, table, columns);
  try {
    let rowStart = 0;
    const rowCount = Number(metadata.num_rows);
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      const values = await readRows(buffer, metadata, fields, rowStart, rowEnd);
      await writer.append(values.map((column, i) => columns[i]!.prepare(column)));
      const bytesRead = rowCount ? Math.round((buffer.byteLength * rowEnd) / rowCount) : buffer.byteLength;
      ctx.progress({ bytesRead, bytesTotal: buffer.byteLength, rows: rowEnd, estimated: false });
      rowStart = rowEnd;
    }
    await writer.finish();
  } catch (error) {
    await writer.abandon();
    if (error instanceof DataLoadError || error instanceof QueryError || error instanceof QueryCancelledError) throw error;
    throw new DataLoadError(file, reason(error));
  }
}

/** The file as hyparquet reads it: slices of a browser file on demand, or the whole file in memory. */
async function asyncBuffer(ctx: LoadContext, source: DataSource): Promise<AsyncBuffer> {
  const handle = ctx.files.fileHandle(source);
  if (handle) return { byteLength: handle.size, slice: (start, end) => handle.slice(start, end).arrayBuffer() };
  const bytes = await ctx.files.readBytes(source);
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
}

async function readRows(
  file: AsyncBuffer,
  metadata: FileMetaData,
  fields: SchemaTree[],
  rowStart: number,
  rowEnd: number,
): Promise<ColumnValues[]> {
  const chunks = new Map<string, { rowStart: number; data: ArrayLike<unknown> }[]>();
  await parquetRead({
    file,
    metadata,
    rowStart,
    rowEnd,
    parsers: PARSERS,
    compressors: COMPRESSORS,
    onChunk: ({ columnName, columnData, rowStart: start }) => {
      const list = chunks.get(columnName) ?? [];
      list.push({ rowStart: start, data: columnData });
      chunks.set(columnName, list);
    },
  });
  return fields.map((field) => {
    const parts = (chunks.get(field.element.name) ?? []).sort((a, b) => a.rowStart - b.rowStart);
    if (parts.length === 1) return parts[0]!.data;
    const values = new Array<unknown>(rowEnd - rowStart);
    for (const part of parts) for (let i = 0; i < part.data.length; i++) values[part.rowStart - rowStart + i] = part.data[i];
    return values;
  });
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const codec = /unsupported compression codec: (\w+)/.exec(message)?.[1];
  if (codec) return `${codec} compression is not supported; save the file with Snappy, GZIP or no compression`;
  return message.replace(/^parquet /, '');
}
