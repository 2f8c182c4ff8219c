/**
 * One DuckDB-WASM database (an AsyncDuckDB on its worker), the same in Node and in the browser;
 * only the bootstrap (node.ts, browser.ts) differs. One connection, one operation at a time:
 * queries, loads and catalog reads wait their turn, and `cancel()` or an AbortSignal stops the
 * running one. `kill()` ends the worker at once, failing whatever runs or waits.
 * The Engine the app uses wraps this with a sandbox, limits and restarts (managed-engine.ts).
 */
import { DuckDBDataProtocol, type AsyncDuckDB, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Catalog } from '../lang/catalog.ts';
import { isAmbiguous } from './arrow-types.ts';
import { enumLabels, readArrowResult } from './arrow-result.ts';
import { readCatalog } from './catalog.ts';
import { QueryCancelledError, QueryError, duckdbMessage, duckdbPosition, duckdbType, isCancellation } from './errors.ts';
import type { LoadContext } from './load/context.ts';
import { loadTable } from './load/load-table.ts';
import type { FileAccess } from './load/source.ts';
import { parseByteSize } from './resources.ts';
import { isSingleStatement, quoteIdent, quoteLiteral } from './sql-text.ts';
import type { DataSource, Engine, LoadedTable, LoadOptions, QueryOptions, QueryResult, ReaderOptions } from './types.ts';

/** Extensions would be fetched from DuckDB's server: the app never reaches the network. */
const OFFLINE_SETTINGS = 'SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;';
/**
 * How often a load asks how much of its file DuckDB has read. (DuckDB's own progress bar would
 * say it better, but its reports make the worker evaluate code, which the app's policy forbids.)
 */
const READS_POLL_MS = 250;
/** No file, URL, extension or other database for SQL, and no setting can undo that. */
const SEAL_SETTINGS = 'SET enable_external_access=false; SET lock_configuration=true;';
/** How long a cancelled operation may take to stop before the engine counts as stuck. */
const STOP_GRACE_MS = 700;
/** How long the worker then has to answer a trivial query. */
const STUCK_PROBE_MS = 300;
/** How a worker says it failed: `error` (browsers, Node), or `close` when its thread ended (Node's web-worker). */
const WORKER_FAILURES = ['error', 'close'];
/** An Arrow IPC stream's end-of-stream marker. */
const IPC_END = new Uint8Array([255, 255, 255, 255, 0, 0, 0, 0]);

export interface DatabaseSettings {
  /** SQL can reach no file, URL or extension, for good; tables arrive as Arrow. */
  sealed?: boolean;
  /** DuckDB's memory_limit, e.g. '2GB'; DuckDB's own default otherwise (about 3.1 GiB in wasm32). */
  memoryLimit?: string;
}

/** What the database tells its owner without being asked. */
export interface DatabaseEvents {
  /** A cancelled operation did not stop within a second: only ending the worker will stop it. */
  stuck?(): void;
  /** The worker failed outside any query (it can no longer answer). */
  crashed?(): void;
}

interface Operation {
  cancelled: boolean;
  /** Rejects the caller's promise at once; the work itself winds down in its turn. */
  reject?: (error: Error) => void;
  stopTimer?: ReturnType<typeof setTimeout>;
}

export class DuckDBEngine implements Engine {
  events: DatabaseEvents = {};
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * The operations each caller's signal still covers, behind one listener per signal: a run queues
   * a statement per view at once, and a listener each would pile up on one signal (Node warns at 11).
   */
  private readonly bySignal = new WeakMap<AbortSignal, Set<Operation>>();
  /** Takes this engine's listeners off the signals it listened to: a signal may outlive it (the CLI's Ctrl+C over a folder of notebooks). */
  private readonly unlisten = new Set<() => void>();
  private current: Operation | undefined;
  private closing: Promise<void> | undefined;
  private death: Error | undefined;
  private readonly killed: Promise<never>;
  private die!: (reason: Error) => void;
  private names = 0;
  /** Temporary tables and files get names no analyst would choose. */
  private readonly namePrefix = `segbook_${Math.random().toString(36).slice(2, 8)}`;

  private constructor(
    private readonly db: AsyncDuckDB,
    private readonly conn: AsyncDuckDBConnection,
    /** A second connection, for asking whether the database answers while the first is busy or failed. */
    private readonly probe: AsyncDuckDBConnection,
    private readonly files: FileAccess,
    /** DuckDB's memory limit in bytes, as it stood once the database was open. */
    readonly memoryLimitBytes: number,
    private readonly worker: Worker | undefined,
  ) {
    this.killed = new Promise<never>((_, reject) => (this.die = reject));
    this.killed.catch(() => undefined);
  }

  /**
   * Instantiates DuckDB-WASM (`wasm`: the module's path or URL) in `db`'s worker and opens the
   * database. A worker that fails to load or dies meanwhile fails the start instead of leaving it
   * waiting (DuckDB-WASM forgets its pending requests then); on failure the worker is ended.
   */
  static async start(db: AsyncDuckDB, worker: Worker, wasm: string, files: FileAccess, settings: DatabaseSettings = {}): Promise<DuckDBEngine> {
    let onFailure: (() => void) | undefined;
    const failed = new Promise<never>((_, reject) => {
      onFailure = () => reject(new QueryError('the database engine could not start: its worker failed'));
      for (const event of WORKER_FAILURES) worker.addEventListener(event, onFailure);
    });
    try {
      return await Promise.race([db.instantiate(wasm).then(() => DuckDBEngine.open(db, files, settings, worker)), failed]);
    } catch (error) {
      await db.terminate();
      throw error;
    } finally {
      for (const event of WORKER_FAILURES) worker.removeEventListener(event, onFailure!);
    }
  }

  /**
   * Opens the database on an instantiated AsyncDuckDB and connects, offline, with the settings.
   * `worker` is watched for failures outside queries (DuckDB-WASM then forgets what was pending).
   */
  static async open(db: AsyncDuckDB, files: FileAccess, settings: DatabaseSettings = {}, worker?: Worker): Promise<DuckDBEngine> {
    // The worker takes requests in order: each step is sent without waiting for the one before
    // where it needs nothing from its answer (a round trip waits for the page's thread, which is
    // busy while the app starts). DECIMAL is read in JavaScript (arrow-values.ts): DuckDB-WASM's
    // cast to DOUBLE converts a top-level DECIMAL but labels one inside a list or struct DOUBLE
    // while leaving its bytes a 128-bit integer.
    const [, conn] = await Promise.all([db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false } }), db.connect()]);
    const setup = [
      OFFLINE_SETTINGS,
      settings.memoryLimit !== undefined ? `SET memory_limit=${quoteLiteral(settings.memoryLimit)};` : '',
      settings.sealed ? SEAL_SETTINGS : '',
      // A script's result is its last statement's.
      "SELECT current_setting('memory_limit') AS limit;",
    ];
    const [limit, probe] = await Promise.all([conn.query(setup.join(' ')), db.connect()]);
    const limitBytes = parseByteSize(String(limit.getChildAt(0)?.get(0))) ?? Number.POSITIVE_INFINITY;
    const engine = new DuckDBEngine(db, conn, probe, files, limitBytes, worker);
    for (const event of WORKER_FAILURES) {
      worker?.addEventListener(event, () => {
        if (engine.death || engine.closing) return;
        engine.kill(new QueryError('the database engine stopped working'));
        engine.events.crashed?.();
      });
    }
    return engine;
  }

  query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    return this.exclusive(options.signal, (op) => this.execute(op, sql));
  }

  loadTable(name: string, source: DataSource, options?: ReaderOptions, load: LoadOptions = {}): Promise<LoadedTable> {
    return this.withContext((ctx) => loadTable(ctx, name, source, options), load);
  }

  /** Runs `work` in this database's turn, with what loaders may do (several steps that nothing else interleaves with). */
  withContext<T>(work: (ctx: LoadContext) => Promise<T>, load: LoadOptions = {}): Promise<T> {
    return this.exclusive(load.signal, (op) => work(this.loadContext(op, load)));
  }

  catalog(): Promise<Catalog> {
    return this.exclusive(undefined, (op) => readCatalog((sql) => this.execute(op, sql)));
  }

  async cancel(): Promise<void> {
    if (this.current) await this.stop(this.current);
  }

  /** Seals a database opened unsealed, in its turn: from then on it is as one opened with `sealed`. */
  seal(): Promise<void> {
    return this.exclusive(undefined, async () => {
      await this.conn.query(SEAL_SETTINGS);
    });
  }

  /** Whether the database still answers a trivial query within `timeoutMs` (out of turn: it waits for nothing queued). */
  async answers(timeoutMs: number): Promise<boolean> {
    if (this.death) return false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const probe = this.probe.query('SELECT 42 AS answer').then(
      (table) => Number(table.getChildAt(0)?.get(0)) === 42,
      () => false,
    );
    try {
      return await Promise.race([probe, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether kill() ended this database (or its worker died). */
  get dead(): boolean {
    return this.death !== undefined;
  }

  /** Rejects once kill() ends this database (or its worker dies): its pending requests then never settle. */
  ended(): Promise<never> {
    return this.killed;
  }

  /** Ends the worker now: the running and queued operations reject with `reason`, new ones too. */
  kill(reason: Error): void {
    if (this.death) return;
    this.death = reason;
    this.die(reason);
    if (this.current) this.current.reject?.(reason);
    if (!this.worker) {
      void this.db.terminate();
      return;
    }
    // Detached first, DuckDB-WASM does not warn on the console about the requests it dropped.
    this.db.detach();
    this.worker.terminate();
  }

  /** Stops the running operation, lets queued ones fail, and ends the worker. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.unlisten.forEach((remove) => remove());
      this.unlisten.clear();
      if (this.death) return;
      if (this.current) await this.stop(this.current);
      await Promise.race([this.queue, this.killed]).catch(() => undefined);
      if (this.death) return;
      await this.conn.close().catch(() => undefined);
      await this.probe.close().catch(() => undefined);
      await this.db.terminate();
    })();
    return this.closing;
  }

  /** Runs `work` after everything queued before it; an abort rejects at once, queued or running. */
  private exclusive<T>(signal: AbortSignal | undefined, work: (op: Operation) => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(new QueryCancelledError());
    if (this.death) return Promise.reject(this.death);
    if (this.closing) return Promise.reject(new QueryError('the database engine is closed'));
    const op: Operation = { cancelled: false };
    const covered = signal && this.coveredBy(signal);
    covered?.add(op);
    const turn = this.queue.then(async () => {
      if (this.death) throw this.death;
      if (op.cancelled) throw new QueryCancelledError();
      this.current = op;
      try {
        return await Promise.race([work(op), this.killed]);
      } finally {
        this.current = undefined;
        clearTimeout(op.stopTimer);
        covered?.delete(op);
      }
    });
    this.queue = turn.catch(() => undefined);
    return new Promise<T>((resolve, reject) => {
      op.reject = reject;
      turn.then(resolve, reject);
    });
  }

  private coveredBy(signal: AbortSignal): Set<Operation> {
    let ops = this.bySignal.get(signal);
    if (!ops) {
      const set = (ops = new Set());
      this.bySignal.set(signal, set);
      const listener = () => set.forEach((op) => void this.stop(op));
      signal.addEventListener('abort', listener, { once: true });
      this.unlisten.add(() => signal.removeEventListener('abort', listener));
    }
    return ops;
  }

  private async stop(op: Operation): Promise<void> {
    if (op.cancelled) return;
    op.cancelled = true;
    op.reject?.(new QueryCancelledError());
    if (this.current !== op) return;
    // Still running after the grace period, and the worker does not even answer: DuckDB is
    // inside one long call it does not interrupt. (A load busy in JavaScript answers.)
    op.stopTimer = setTimeout(async () => {
      if (this.current !== op || (await this.answers(STUCK_PROBE_MS))) return;
      if (this.current === op && !this.death) this.events.stuck?.();
    }, STOP_GRACE_MS);
    await this.conn.cancelSent().catch(() => false);
  }

  /** One statement (or a script) through the cancellable pending-query API. */
  private async execute(op: Operation, sql: string): Promise<QueryResult> {
    if (op.cancelled) throw new QueryCancelledError();
    let read;
    try {
      read = await readArrowResult(await this.conn.send(sql));
    } catch (error) {
      if (op.cancelled || isCancellation(error)) throw new QueryCancelledError();
      throw new QueryError(duckdbMessage(error), duckdbPosition(error), duckdbType(error));
    }
    if (op.cancelled) throw new QueryCancelledError();
    const { result, schema, enumIndices } = read;
    if (schema?.fields.some((f) => isAmbiguous(f.type)) && isSingleStatement(sql)) {
      result.types = (await this.describedTypes(sql, result.columns.length)) ?? result.types;
    }
    const labels = new Map<number, string[] | undefined>();
    for (const { row, column, index } of enumIndices) {
      if (!labels.has(column)) labels.set(column, enumLabels(result.types[column]!));
      result.rows[row]![column] = labels.get(column)?.[index] ?? null;
    }
    return result;
  }

  /** DuckDB's own names for the result's types, where Arrow's cannot tell DECIMAL or HUGEINT from DOUBLE. */
  private async describedTypes(sql: string, count: number): Promise<string[] | undefined> {
    try {
      const described = await this.conn.query(`DESCRIBE ${sql}`);
      const types = described.getChild('column_type')?.toArray() as string[] | undefined;
      return types?.length === count ? Array.from(types, String) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The result of `sql` as self-contained Arrow IPC streams of about `maxBytes` each, straight
   * from DuckDB's worker (no decoding in JavaScript), handed to `consume` one after another.
   * DuckDB makes the next stream while `consume` takes the last (the two run in two workers).
   */
  private async exportArrow(op: Operation, sql: string, consume: (ipc: Uint8Array) => Promise<void>, maxBytes: number): Promise<void> {
    const connection = this.conn.useUnsafe((_bindings, id) => id);
    const checked = async <T>(step: Promise<T>): Promise<T> => {
      try {
        const value = await step;
        if (op.cancelled) throw new QueryCancelledError();
        return value;
      } catch (error) {
        if (op.cancelled || isCancellation(error)) throw new QueryCancelledError();
        if (error instanceof QueryError) throw error;
        throw new QueryError(duckdbMessage(error), undefined, duckdbType(error));
      }
    };
    let header = await checked(this.db.startPendingQuery(connection, sql, true));
    while (!header) header = await checked(this.db.pollPendingQuery(connection));
    let batches: Uint8Array[] = [];
    let bytes = 0;
    let sent = false;
    let consuming: Promise<void> = Promise.resolve();
    const flush = async () => {
      const ipc = concat([header!, ...batches, IPC_END]);
      [batches, bytes, sent] = [[], 0, true];
      await consuming;
      consuming = consume(ipc);
      consuming.catch(() => undefined);
    };
    try {
      for (;;) {
        const batch = await checked(this.db.fetchQueryResults(connection));
        if (!batch || batch.length === 0) break;
        batches.push(batch);
        bytes += batch.length;
        if (bytes >= maxBytes) await flush();
      }
      if (batches.length || !sent) await flush();
    } finally {
      await consuming.catch(() => undefined);
    }
    await consuming;
  }

  /** DuckDB-WASM counts a registered file's reads once asked to; the count is read between the steps of the running query. */
  private async watchFileReads(name: string, listener: (bytes: number) => void): Promise<() => void> {
    await this.db.collectFileStatistics(name, true);
    let watching = true;
    const timer = setInterval(() => {
      if (this.death) return clearInterval(timer);
      this.db.exportFileStatistics(name).then(
        (stats) => watching && listener(stats.totalFileReadsCold + stats.totalFileReadsAhead),
        () => undefined,
      );
    }, READS_POLL_MS);
    return () => {
      watching = false;
      clearInterval(timer);
    };
  }

  private loadContext(op: Operation, load: LoadOptions): LoadContext {
    return {
      files: this.files,
      run: (sql) => this.execute(op, sql),
      insertArrow: async (table, ipc, create) => {
        if (op.cancelled) throw new QueryCancelledError();
        await this.conn.insertArrowFromIPCStream(ipc, { name: table, create });
      },
      exportArrow: (sql, consume, maxBytes) => this.exportArrow(op, sql, consume, maxBytes),
      dropTable: async (table) => {
        await this.conn.query(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
      },
      registerFile: (name, bytes) => this.db.registerFileBuffer(name, bytes),
      registerFileHandle: (name, file) => this.db.registerFileHandle(name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true),
      dropFile: (name) => this.db.dropFile(name).then(() => undefined),
      progress: (progress) => {
        if (!op.cancelled) load.onProgress?.(progress);
      },
      watchFileReads: (name, listener) => this.watchFileReads(name, listener),
      uniqueName: (prefix) => `${this.namePrefix}_${prefix}_${++this.names}`,
    };
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
