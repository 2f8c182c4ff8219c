/**
 * The engine's failures, each with a message an analyst can read: DuckDB's own words without
 * its echo of the SQL or the worker's stack, and for data files the file name (and line) first.
 */

/** A statement DuckDB refused or failed to run. */
export class QueryError extends Error {
  override readonly name: string = 'QueryError';
  constructor(
    message: string,
    /** 0-based character offset in the SQL that DuckDB points at, when it says. */
    readonly position?: number,
    /**
     * DuckDB's kind of error (`Parser`, `Out of Memory`, `Permission`, ...); absent when the
     * failure did not come from DuckDB's own checks (a WebAssembly fault, a broken worker).
     */
    readonly duckdbType?: string,
  ) {
    super(message);
  }
}

/** SQL tried something the sandbox forbids (files, URLs, extensions, other databases, settings). */
export class SandboxError extends QueryError {
  override readonly name: string = 'SandboxError';
  constructor(
    message: string,
    /** DuckDB's own words, for whoever debugs. */
    readonly duckdb: string,
  ) {
    super(message, undefined, 'Permission');
  }
}

/**
 * The engine ran out of memory or stopped answering. `restarting`: the engine is being rebuilt,
 * with the tables it had loaded, and answers again once that is done.
 */
export class ResourceError extends QueryError {
  override readonly name: string = 'ResourceError';
  constructor(
    message: string,
    readonly restarting: boolean,
  ) {
    super(message);
  }
}

/** The query was cancelled by `cancel()` or its AbortSignal before it finished. */
export class QueryCancelledError extends Error {
  override readonly name = 'QueryCancelledError';
  constructor() {
    super('query cancelled');
  }
}

/** A data file could not be read as a table. `message` is `FILE[, line N]: REASON` or `file not found: PATH`. */
export class DataLoadError extends Error {
  override readonly name = 'DataLoadError';
  constructor(
    /** The file's name as the analyst knows it (its base name, or the URL / path given). */
    readonly file: string,
    /** What is wrong, without the file name. */
    readonly reason: string,
    /** 1-based line of the file, when known. */
    readonly line?: number,
  ) {
    super(line === undefined ? `${file}: ${reason}` : `${file}, line ${line}: ${reason}`);
  }
}

export function fileNotFound(path: string): DataLoadError {
  const error = new DataLoadError(path, 'file not found');
  error.message = `file not found: ${path}`;
  return error;
}

/**
 * DuckDB-WASM reports errors either as text or as a JSON object
 * (`{"exception_type":"Parser","exception_message":"..."}`); both become one line of text
 * such as `Parser Error: syntax error at or near "x"`, with DuckDB's hints kept.
 */
export function duckdbMessage(error: unknown): string {
  const raw = rawMessage(error);
  const parsed = fromJson(raw);
  const text = parsed?.exception_message === undefined ? raw : parsed.exception_type ? `${parsed.exception_type} Error: ${parsed.exception_message}` : parsed.exception_message;
  return text.replace(/\n+LINE \d+:[\s\S]*$/, '').trim();
}

/**
 * DuckDB's kind of error, when the error is one of DuckDB's own (`Parser`, `Out of Memory`, ...):
 * from the JSON form, or the `Kind Error: ` that starts the text form.
 */
export function duckdbType(error: unknown): string | undefined {
  const raw = rawMessage(error);
  return fromJson(raw)?.exception_type ?? /^([A-Z][A-Za-z]*(?: [A-Za-z]+)*) Error: /.exec(raw)?.[1];
}

/** The SQL offset DuckDB reports with parser and binder errors, if any. */
export function duckdbPosition(error: unknown): number | undefined {
  const position = Number(fromJson(rawMessage(error))?.position);
  return Number.isInteger(position) && position >= 0 ? position : undefined;
}

function rawMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface DuckDBErrorJson {
  exception_type?: string;
  exception_message?: string;
  position?: string;
}

function fromJson(raw: string): DuckDBErrorJson | undefined {
  if (!raw.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(raw) as DuckDBErrorJson;
    return typeof parsed.exception_message === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function isCancellation(error: unknown): boolean {
  return error instanceof QueryCancelledError || (error instanceof Error && /query was cancell?ed/i.test(error.message));
}
