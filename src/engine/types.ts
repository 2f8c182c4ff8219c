import type { Catalog } from '../lang/catalog.ts';

/** A JSON-safe cell value: numbers (integers beyond 2^53 as digit strings), DATE as 'YYYY-MM-DD', TIMESTAMP as ISO 8601. */
export type Value = number | string | boolean | null;

export interface QueryResult {
  columns: string[];
  /** DuckDB type names, upper case, one per column. */
  types: string[];
  rows: Value[][];
}

/** Reader options with DuckDB's meanings; the same keys the notebook front matter records (spec §8). */
export interface ReaderOptions {
  format?: 'csv' | 'tsv' | 'txt' | 'parquet' | 'json' | 'jsonl';
  delimiter?: string;
  header?: boolean;
  names?: string[];
  skip?: number;
  dateformat?: string;
  timestampformat?: string;
  /** The text (or texts) that stand for a missing value, such as NA; DuckDB's default is the empty field. */
  nullstr?: string | string[];
  /** The text's encoding, a WHATWG label ('windows-1252', 'utf-16', 'shift_jis'…); UTF-8 when not given. */
  encoding?: string;
  types?: Record<string, string>;
}

export type DataSource =
  | { kind: 'path'; path: string }
  | { kind: 'bytes'; bytes: Uint8Array; fileName: string }
  | { kind: 'url'; url: string }
  /** A file the analyst picked or dropped, or one kept in the browser: read through a file handle, never copied whole. */
  | { kind: 'file'; file: Blob; fileName: string };

/** How far a load has got: bytes of the file read, and rows (counted, or estimated from the bytes while DuckDB reads text). */
export interface LoadProgress {
  bytesRead: number;
  bytesTotal: number | undefined;
  rows: number | undefined;
  /** `rows` is an estimate from the bytes read so far (delimited text). */
  estimated: boolean;
}

export interface LoadOptions {
  /** Aborting stops the load; it rejects with a QueryCancelledError and leaves an earlier table of the name as it was. */
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadedTable {
  name: string;
  rowCount: number;
  columns: { name: string; type: string }[];
}

export interface QueryOptions {
  signal?: AbortSignal;
}

/** One engine API for the browser (Worker) and Node. */
export interface Engine {
  /** Runs one SQL statement and returns its rows (empty for DDL). */
  query(sql: string, options?: QueryOptions): Promise<QueryResult>;
  /** Loads a file as table NAME (replacing it), inferring the format from the file name unless given. */
  loadTable(name: string, source: DataSource, options?: ReaderOptions, load?: LoadOptions): Promise<LoadedTable>;
  catalog(): Promise<Catalog>;
  /** Cancels the running query, if any; its promise rejects with a QueryCancelledError. */
  cancel(): Promise<void>;
  close(): Promise<void>;
  /**
   * Rebuilds the database and loads again every table `loadTable` loaded (what SQL created is
   * gone). Engines restart by themselves after a query broke them or would not stop.
   */
  restart?(): Promise<RestartReport>;
}

/** How `startNodeEngine(options)` / `startBrowserEngine(options)` set the engine up. */
export interface EngineOptions {
  /**
   * SQL can read no file or URL, install or load no extension, attach no database, write no
   * file and change no setting; files still load (through a separate loader database).
   */
  sandbox?: boolean;
  /**
   * With the sandbox: the query database reads delimited files itself until the first query, which
   * seals it first; for a caller whose files all load before any SQL runs (the CLI), which then
   * starts no loader database.
   */
  sealAtFirstQuery?: boolean;
  /** DuckDB's memory limit, e.g. '2GB' (default: DuckDB's own, about 3.1 GiB in WebAssembly). */
  memoryLimit?: string;
  /** Files larger than this are refused before loading (default: a share of the memory limit, by format). */
  maxFileBytes?: number;
  /** Told after the engine restarted by itself, once its tables are loaded again. */
  onRestart?: (report: RestartReport) => void;
  /** Told how every load is getting on (the notebook's loads and reloads after restarts too), by table name. */
  onLoadProgress?: (table: string, progress: LoadProgress) => void;
}

export interface RestartReport {
  /** `requested`: restart() was called; `crashed`: a query broke the engine; `stuck`: a cancelled query would not stop. */
  reason: 'requested' | 'crashed' | 'stuck';
  /** Tables loaded again, in load order. */
  reloaded: string[];
  /** Tables that could not be loaded again, with the reason. */
  failed: { name: string; message: string }[];
}
