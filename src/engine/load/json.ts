/**
 * JSON (an array of objects) and JSON Lines (one object per line). DuckDB-WASM 1.32 has no
 * JSON reader offline (read_json lives in an extension), so the text is parsed here, each
 * column's type inferred from its values, and the rows inserted through Arrow.
 */
import { DataLoadError } from '../errors.ts';
import type { DataSource } from '../types.ts';
import { ArrowTableWriter, uniqueColumnNames } from './arrow-insert.ts';
import type { LoadContext } from './context.ts';
import { inferColumn } from './json-types.ts';
import { sourceFileName, type Format } from './source.ts';

const CHUNK_ROWS = 100_000;

type Row = Record<string, unknown>;

export async function loadJson(ctx: LoadContext, table: string, source: DataSource, format: Format): Promise<void> {
  const file = sourceFileName(source);
  const bytes = await ctx.files.readBytes(source);
  const size = bytes.length;
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const rows = format === 'jsonl' ? parseLines(file, text) : parseDocument(file, text);
  const keys = columnKeys(rows);
  if (keys.length === 0) throw new DataLoadError(file, rows.length ? 'the records have no fields' : 'no records');
  const names = uniqueColumnNames(keys);
  const columns = keys.map((key, i) => ({ key, name: names[i]!, ...inferColumn(rows.map((r) => r[key])) }));
  const writer = new ArrowTableWriter(ctx, table, columns);
  try {
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      const chunk = rows.slice(start, start + CHUNK_ROWS);
      await writer.append(columns.map((c) => c.prepare(chunk.map((r) => r[c.key]))));
      ctx.progress({ bytesRead: size, bytesTotal: size, rows: start + chunk.length, estimated: false });
    }
    await writer.finish();
  } catch (error) {
    await writer.abandon();
    throw error;
  }
}

/** A `.json` file: an array of objects, or JSON Lines saved under a .json name. */
function parseDocument(file: string, text: string): Row[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (/^\s*\{/.test(text)) return parseLines(file, text);
    throw syntaxError(file, text, error);
  }
  if (!Array.isArray(parsed)) throw new DataLoadError(file, 'expected an array of objects ([{...}, {...}])');
  parsed.forEach((row, i) => {
    if (!isRow(row)) throw new DataLoadError(file, `item ${i + 1} of the array is not an object`);
  });
  return parsed as Row[];
}

function parseLines(file: string, text: string): Row[] {
  const rows: Row[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new DataLoadError(file, 'not valid JSON', i + 1);
    }
    if (!isRow(parsed)) throw new DataLoadError(file, 'expected one object per line', i + 1);
    rows.push(parsed);
  });
  return rows;
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every key in first-seen order. */
function columnKeys(rows: Row[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return [...keys];
}

/** V8 says where the text stopped making sense as a character position; analysts count lines. */
function syntaxError(file: string, text: string, error: unknown): DataLoadError {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return new DataLoadError(file, 'not valid JSON');
  const line = text.slice(0, Number(position)).split('\n').length;
  return new DataLoadError(file, 'not valid JSON', line);
}
