/**
 * The Engine over DuckDB-WASM's AsyncDuckDB, the same in Node and in the browser; only the
 * bootstrap (node.ts, browser.ts) differs. One connection, one operation at a time: queries,
 * loads and catalog reads wait their turn, and `cancel()` or an AbortSignal stops the running one.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Catalog } from '../lang/catalog.ts';
import { isAmbiguous } from './arrow-types.ts';
import { enumLabels, readArrowResult } from './arrow-result.ts';
import { readCatalog } from './catalog.ts';
import { QueryCancelledError, QueryError, duckdbMessage, duckdbPosition, isCancellation } from './errors.ts';
import type { LoadContext } from './load/context.ts';
import { loadTable } from './load/load-table.ts';
import type { FileAccess } from './load/source.ts';
import { isSingleStatement } from './sql-text.ts';
import type { DataSource, Engine, LoadedTable, QueryOptions, QueryResult, ReaderOptions } from './types.ts';

/** Extensions would be fetched from DuckDB's server: the app never reaches the network. */
const OFFLINE_SETTINGS = 'SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;';

interface Operation {
  cancelled: boolean;
  /** Rejects the caller's promise at once; the work itself winds down in its turn. */
  reject?: (error: Error) => void;
}

export class DuckDBEngine implements Engine {
  private queue: Promise<unknown> = Promise.resolve();
  private current: Operation | undefined;
  private closing: Promise<void> | undefined;
  private names = 0;
  /** Temporary tables and files get names no analyst would choose. */
  private readonly namePrefix = `segbook_${Math.random().toString(36).slice(2, 8)}`;

  private constructor(
    private readonly db: AsyncDuckDB,
    private readonly conn: AsyncDuckDBConnection,
    private readonly files: FileAccess,
  ) {}

  /** Opens the database on an instantiated AsyncDuckDB and connects, offline. */
  static async open(db: AsyncDuckDB, files: FileAccess): Promise<DuckDBEngine> {
    await db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: true } });
    const conn = await db.connect();
    await conn.query(OFFLINE_SETTINGS);
    return new DuckDBEngine(db, conn, files);
  }

  query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    return this.exclusive(options.signal, (op) => this.execute(op, sql));
  }

  loadTable(name: string, source: DataSource, options?: ReaderOptions): Promise<LoadedTable> {
    return this.exclusive(undefined, (op) => loadTable(this.loadContext(op), name, source, options));
  }

  catalog(): Promise<Catalog> {
    return this.exclusive(undefined, (op) => readCatalog((sql) => this.execute(op, sql)));
  }

  async cancel(): Promise<void> {
    if (this.current) await this.stop(this.current);
  }

  /** Stops the running operation, lets queued ones fail, and ends the worker. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.current) await this.stop(this.current);
      await this.queue;
      await this.conn.close().catch(() => undefined);
      await this.db.terminate();
    })();
    return this.closing;
  }

  /** Runs `work` after everything queued before it; an abort rejects at once, queued or running. */
  private exclusive<T>(signal: AbortSignal | undefined, work: (op: Operation) => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(new QueryCancelledError());
    if (this.closing) return Promise.reject(new QueryError('the database engine is closed'));
    const op: Operation = { cancelled: false };
    const onAbort = () => void this.stop(op);
    signal?.addEventListener('abort', onAbort, { once: true });
    const turn = this.queue.then(async () => {
      if (op.cancelled) throw new QueryCancelledError();
      this.current = op;
      try {
        return await work(op);
      } finally {
        this.current = undefined;
        signal?.removeEventListener('abort', onAbort);
      }
    });
    this.queue = turn.catch(() => undefined);
    return new Promise<T>((resolve, reject) => {
      op.reject = reject;
      turn.then(resolve, reject);
    });
  }

  private async stop(op: Operation): Promise<void> {
    if (op.cancelled) return;
    op.cancelled = true;
    op.reject?.(new QueryCancelledError());
    if (this.current === op) await this.conn.cancelSent().catch(() => false);
  }

  /** One statement (or a script) through the cancellable pending-query API. */
  private async execute(op: Operation, sql: string): Promise<QueryResult> {
    if (op.cancelled) throw new QueryCancelledError();
    let read;
    try {
      read = await readArrowResult(await this.conn.send(sql));
    } catch (error) {
      if (op.cancelled || isCancellation(error)) throw new QueryCancelledError();
      throw new QueryError(duckdbMessage(error), duckdbPosition(error));
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

  private loadContext(op: Operation): LoadContext {
    return {
      files: this.files,
      run: (sql) => this.execute(op, sql),
      insertArrow: async (table, ipc, create) => {
        if (op.cancelled) throw new QueryCancelledError();
        await this.conn.insertArrowFromIPCStream(ipc, { name: table, create });
      },
      registerFile: (name, bytes) => this.db.registerFileBuffer(name, bytes),
      dropFile: (name) => this.db.dropFile(name).then(() => undefined),
      uniqueName: (prefix) => `${this.namePrefix}_${prefix}_${++this.names}`,
    };
  }
}
