/** Where a data file comes from, how each platform reads it, and which format its name says. */
import { DataLoadError } from '../errors.ts';
import type { DataSource, ReaderOptions } from '../types.ts';

export type Format = NonNullable<ReaderOptions['format']>;

/** Reading a DataSource: files in Node, fetched URLs and dropped files in the browser. */
export interface FileAccess {
  /** The whole file, in a buffer the engine may give away. Rejects with `fileNotFound` when missing. */
  readBytes(source: DataSource): Promise<Uint8Array>;
  /** Up to `maxBytes` from the start, to tell the analyst what is wrong with a file. */
  readHead(source: DataSource, maxBytes: number): Promise<Uint8Array>;
  /** The file's size in bytes, when it can be told without reading the file. */
  size(source: DataSource): Promise<number | undefined>;
  /** A path DuckDB can open itself (Node), or undefined when the bytes must be handed over. */
  directPath(source: DataSource): Promise<string | undefined>;
  /**
   * A Blob DuckDB reads through a file handle, a piece at a time (the browser's picked, dropped
   * and stored files), or undefined when the platform cannot hand one over.
   */
  fileHandle(source: DataSource): Blob | undefined;
}

/** The name an analyst knows the file by: the last part of its path or URL. */
export function sourceFileName(source: DataSource): string {
  if (source.kind === 'bytes' || source.kind === 'file') return source.fileName;
  const place = source.kind === 'path' ? source.path : urlPath(source.url);
  return place.split(/[\\/]/).filter(Boolean).pop() ?? place;
}

/** The path or URL as given, for "file not found". */
export function sourceLabel(source: DataSource): string {
  return source.kind === 'path' ? source.path : source.kind === 'url' ? source.url : source.fileName;
}

/** A Blob's bytes, in a buffer of their own the engine may give away. */
export async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

export async function blobHead(blob: Blob, maxBytes: number): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, maxBytes).arrayBuffer());
}

function urlPath(url: string): string {
  try {
    return decodeURIComponent(new URL(url, 'file:///').pathname);
  } catch {
    return url;
  }
}

const EXTENSIONS: Record<string, Format> = {
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  txt: 'txt',
  parquet: 'parquet',
  pq: 'parquet',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

/** Whether the file is delimited text, which only the loader database reads; false for a file of no known type. */
export function isDelimited(fileName: string, options: ReaderOptions): boolean {
  try {
    const format = formatOf(fileName, options);
    return format === 'csv' || format === 'tsv' || format === 'txt';
  } catch {
    return false;
  }
}

/** The format the options name, else the file's extension; `.gz` is looked through (DuckDB reads gzip text). */
export function formatOf(fileName: string, options: ReaderOptions): Format {
  if (options.format) return options.format;
  const gzipped = /\.gz$/i.test(fileName);
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.replace(/\.gz$/i, ''))?.[1]?.toLowerCase() ?? '';
  const format = EXTENSIONS[extension];
  if (!format) {
    throw new DataLoadError(fileName, 'unknown file type; expected .csv, .tsv, .txt, .parquet, .json or .jsonl');
  }
  if (gzipped && (format === 'parquet' || format === 'json' || format === 'jsonl')) {
    throw new DataLoadError(fileName, 'only CSV, TSV and TXT files can be read gzip-compressed');
  }
  return format;
}
