/**
 * The Engine the app and the CLI use, over one DuckDB database (duckdb-engine.ts):
 *
 * - sandbox: the query database is sealed (no file, URL, extension, other database or setting
 *   for SQL); delimited text is read by a second, unsealed *loader* database and moved in as
 *   Arrow, Parquet and JSON arrive as Arrow anyway. Refusals say what is not allowed and why.
 *   The loader opens when the first such file comes (or `openLoader()`): a cold open over the
 *   prebuilt sample tables (prebuilt-tables.ts) needs none, and its start would compete with the
 *   query database's for the CPU. With `sealAtFirstQuery` the query database opens unsealed, reads
 *   the files that come before any SQL itself, and seals before the first query runs. While the
 *   query database holds nothing but prebuilt tables, its catalog is known without a query
 *   (known-catalog.ts).
 * - limits: a file too large for the tab is refused before it is read; a query past DuckDB's
 *   memory limit gets a message saying so.
 * - restarts: when a query breaks the database (WebAssembly out of memory) or a cancelled query
 *   does not stop within a second, the database is rebuilt and every table `loadTable` loaded is
 *   loaded again; queries that were waiting run on the new database.
 */
import type { Catalog } from '../lang/catalog.ts';
import type { DatabaseSettings, DuckDBEngine } from './duckdb-engine.ts';
import { readCatalog } from './catalog.ts';
import { DataLoadError, QueryCancelledError, QueryError, ResourceError, fileNotFound } from './errors.ts';
import { KnownCatalog } from './known-catalog.ts';
import { loadDelimitedInto } from './load/load-table.ts';
import { formatOf, isDelimited, sourceFileName, sourceLabel, type FileAccess } from './load/source.ts';
import { engineCrashed, engineRestarting, fileBudget, fileTooLarge, isWasmTrap, loadCrashed, loadOutOfMemory, outOfMemory } from './resources.ts';
import { insertPrebuilt, type PrebuiltTable, type PrebuiltTables } from './prebuilt-tables.ts';
import { EMPTY_RESULT, onlySeals, refuseUpFront, sandboxRefusal } from './sandbox.ts';
import type { DataSource, Engine, EngineOptions, LoadedTable, LoadOptions, QueryOptions, QueryResult, ReaderOptions, RestartReport } from './types.ts';

/** Opens a fresh database (a new worker) with the given settings. */
export type OpenDatabase = (settings: DatabaseSettings) => Promise<DuckDBEngine>;

/** How long a database that just failed may take to answer before it counts as broken. */
const PROBE_MS = 3000;
/** Files larger than this leave the loader's memory grown; it is replaced afterwards. */
const LOADER_RECYCLE_BYTES = 100 << 20;

interface LoadRecord {
  name: string;
  source: DataSource;
  options: ReaderOptions;
}

export class ManagedEngine implements Engine {
  private loader: Promise<DuckDBEngine> | undefined;
  /** The query database while it reads files itself (`sealAtFirstQuery`): no SQL has reached it yet. */
  private unsealed: DuckDBEngine | undefined;
  /** The loader once it has started (what cancel() reaches). */
  private loaderDatabase: DuckDBEngine | undefined;
  private rebuilding: Promise<RestartReport> | undefined;
  /** What operations of a database being replaced fail with: they run again on the new one. */
  private replaced: Error | undefined;
  private closing: Promise<void> | undefined;
  /** Every table loadTable loaded, by lower-case name (DuckDB's names ignore case), in load order. */
  private readonly loads = new Map<string, LoadRecord>();
  /** The query database's catalog while only prebuilt tables went in. */
  private readonly known = new KnownCatalog();

  private constructor(
    private readonly openDatabase: OpenDatabase,
    private readonly files: FileAccess,
    private readonly options: EngineOptions,
    private database: DuckDBEngine,
    private readonly prebuilt: PrebuiltTables | undefined,
  ) {
    this.watch(database);
  }

  static async start(openDatabase: OpenDatabase, files: FileAccess, options: EngineOptions = {}, prebuilt?: PrebuiltTables): Promise<ManagedEngine> {
    // Starting a database is seconds of CPU (DuckDB-WASM links thousands of symbols in JavaScript):
    // one that seals itself at the first query spares a caller whose files come first a second one.
    const sealLater = Boolean(options.sandbox && options.sealAtFirstQuery);
    const database = await openDatabase({ ...querySettings(options), sealed: options.sandbox === true && !sealLater });
    const engine = new ManagedEngine(openDatabase, files, options, database, prebuilt);
    if (sealLater) engine.unsealed = database;
    return engine;
  }

  async query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    this.assertOpen();
    if (this.options.sandbox) {
      const refused = refuseUpFront(sql);
      if (refused) throw refused;
      if (onlySeals(sql)) return structuredClone(EMPTY_RESULT);
    }
    this.known.forget();
    return this.onDatabase(async (database) => {
      if (database === this.unsealed) await this.seal(database);
      return database.query(sql, options);
    }, sql);
  }

  /** Seals the query database before the first SQL reaches it; one that cannot be sealed is replaced by a sealed one. */
  private async seal(database: DuckDBEngine): Promise<void> {
    this.unsealed = undefined;
    try {
      await database.seal();
    } catch (error) {
      if (!database.dead) void this.rebuild('crashed', database);
      throw error;
    }
  }

  async loadTable(name: string, source: DataSource, options: ReaderOptions = {}, load: LoadOptions = {}): Promise<LoadedTable> {
    this.assertOpen();
    const file = sourceFileName(source);
    const format = formatOf(file, options);
    // A prebuilt table is the app's own and small: no size to ask the server for.
    const size = this.prebuilt?.(source, options) ? undefined : await this.files.size(source);
    const budget = fileBudget(format, file, this.database.memoryLimitBytes, this.options.maxFileBytes);
    if (size !== undefined && size > budget) throw fileTooLarge(file, size, budget, format);
    const loaded = await this.onDatabase((database) => this.loadInto(database, { name, source, options }, size, load));
    const key = name.toLowerCase();
    this.loads.delete(key);
    this.loads.set(key, { name, source, options });
    return loaded;
  }

  /** Opens the database that reads delimited text now, ahead of the first such file (it takes a second or two to start). */
  openLoader(): void {
    if (this.options.sandbox && !this.closing) this.startLoader().catch(() => undefined);
  }

  async catalog(): Promise<Catalog> {
    this.assertOpen();
    // Read in the database's turn: what was asked of it before is done by then, what comes after is not.
    return this.onDatabase((database) => database.withContext((ctx) => Promise.resolve(this.known.read() ?? readCatalog(ctx.run))));
  }

  async cancel(): Promise<void> {
    await Promise.all([this.database.cancel(), this.loaderDatabase?.cancel()]);
  }

  async restart(): Promise<RestartReport> {
    this.assertOpen();
    return this.rebuild('requested', this.database);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.database.close();
      await this.rebuilding?.catch(() => undefined);
      await this.database.close();
      const loader = await this.loader?.catch(() => undefined);
      await loader?.close();
    })();
    return this.closing;
  }

  /**
   * Runs `work` on the current database, once any rebuild is over. Work that only waited behind
   * a query that broke the database runs again on the new one; failures are put in words.
   */
  private async onDatabase<T>(work: (database: DuckDBEngine) => Promise<T>, sql = ''): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.rebuilding?.catch(() => undefined);
      this.assertOpen();
      // A rebuild that could not open a new database is tried again by the next work.
      if (this.database.dead) await this.rebuild('crashed', this.database).catch(() => undefined);
      const database = this.database;
      try {
        return await work(database);
      } catch (error) {
        const replaced = error === this.replaced || (isFault(error) && database !== this.database);
        if (replaced && attempt === 0) continue;
        throw await this.explain(error, database, sql);
      }
    }
  }

  private async explain(error: unknown, database: DuckDBEngine, sql: string): Promise<unknown> {
    if (!(error instanceof QueryError) || error instanceof ResourceError) return error;
    if (error.duckdbType === 'Out of Memory') return outOfMemory(database.memoryLimitBytes);
    if (error.duckdbType !== undefined) return (this.options.sandbox && sandboxRefusal(error, sql)) || error;
    if (database !== this.database || this.rebuilding) return engineRestarting();
    if (await database.answers(PROBE_MS)) return error;
    void this.rebuild('crashed', database);
    return engineCrashed();
  }

  private async loadInto(database: DuckDBEngine, { name, source, options }: LoadRecord, size: number | undefined, given: LoadOptions = {}): Promise<LoadedTable> {
    const prebuilt = this.prebuilt?.(source, options);
    if (prebuilt) return this.loadPrebuilt(database, name, source, prebuilt, given);
    this.known.forget();
    const delimited = isDelimited(sourceFileName(source), options);
    const load = this.withProgressListener(name, given);
    if (!this.options.sandbox || !delimited || database === this.unsealed) return this.readFile(database, sourceFileName(source), () => database.loadTable(name, source, options, load));
    const loaded = await this.loadThroughLoader(database, name, source, options, load);
    // The loader's WebAssembly memory only grows; after a large file, a new loader starts small.
    if ((size ?? 0) > LOADER_RECYCLE_BYTES && this.loaderDatabase) this.dropLoader(this.loaderDatabase);
    return loaded;
  }

  /** Delimited text read by the loader database, its rows streaming into the sealed one as Arrow. */
  private async loadThroughLoader(database: DuckDBEngine, name: string, source: DataSource, options: ReaderOptions, load: LoadOptions): Promise<LoadedTable> {
    const loader = await this.startLoader();
    try {
      return await this.readThroughLoader(loader, database, name, source, options, load);
    } catch (error) {
      // WebAssembly traps in a loader now and then on a file it reads fine otherwise (seen once in
      // some hundreds of loads: "memory access out of bounds"). The loader that broke is dropped by
      // then; a fresh one reads the file once more before the analyst hears of it.
      if (!loader.dead || load.signal?.aborted) throw error;
      return this.readThroughLoader(await this.startLoader(), database, name, source, options, load);
    }
  }

  private readThroughLoader(loader: DuckDBEngine, database: DuckDBEngine, name: string, source: DataSource, options: ReaderOptions, load: LoadOptions): Promise<LoadedTable> {
    const signal = load.signal ? { signal: load.signal } : {};
    return this.readFile(loader, sourceFileName(source), () =>
      database.withContext(async (to) => {
        let reading: Promise<LoadedTable> | undefined;
        try {
          return await loader.withContext((from) => (reading = loadDelimitedInto(from, to, name, source, options)), load);
        } finally {
          // A cancel ends the loader's turn at once, while its reader may still be writing into (or
          // tidying up) the query database: this turn of the query database lasts until it has done.
          await Promise.race([reading, loader.ended()]).catch(() => undefined);
        }
      }, signal),
    );
  }

  /** A prebuilt table (our own sample data: trusted, small) straight into the query database. */
  private async loadPrebuilt(database: DuckDBEngine, name: string, source: DataSource, table: PrebuiltTable, given: LoadOptions): Promise<LoadedTable> {
    const load = this.withProgressListener(name, given);
    let ipc: Uint8Array;
    try {
      ipc = await table.read();
    } catch (error) {
      // Named as the analyst named it: the stream is the file's prebuilt form.
      if (!(error instanceof DataLoadError)) throw error;
      throw error.reason === 'file not found' ? fileNotFound(sourceLabel(source)) : new DataLoadError(sourceLabel(source), error.reason);
    }
    const bytes = ipc.length;
    try {
      await database.withContext(async (ctx) => {
        await insertPrebuilt(ctx, name, table, ipc, this.known.lacks(name));
        this.known.loaded(name, table);
      }, load);
    } catch (error) {
      this.known.forget();
      throw error;
    }
    load.onProgress?.({ bytesRead: bytes, bytesTotal: bytes, rows: table.rowCount, estimated: false });
    return { name, rowCount: table.rowCount, columns: table.columns };
  }

  /** The caller's load options, with progress reported to the engine's listener too. */
  private withProgressListener(name: string, load: LoadOptions): LoadOptions {
    const listener = this.options.onLoadProgress;
    if (!listener) return load;
    return { ...load, onProgress: (progress) => (load.onProgress?.(progress), listener(name, progress)) };
  }

  /** Runs a load on `database`; when the load broke it, says so (and rebuilds the query database, or drops the loader). */
  private async readFile<T>(database: DuckDBEngine, file: string, load: () => Promise<T>): Promise<T> {
    try {
      return await load();
    } catch (error) {
      if (error instanceof DataLoadError && /could not allocate|failed to allocate/.test(error.reason)) {
        throw loadOutOfMemory(file, database.memoryLimitBytes);
      }
      if (error instanceof QueryCancelledError || error === this.replaced || (!isWasmTrap(error) && (await database.answers(PROBE_MS)))) throw error;
      if (database === this.database) void this.rebuild('crashed', database);
      else this.dropLoader(database);
      throw loadCrashed(file);
    }
  }

  /** The loader, opening it unless it is open or opening. */
  private startLoader(): Promise<DuckDBEngine> {
    return this.loader ?? this.adoptLoader(this.openDatabase(loaderSettings(this.options)));
  }

  /** Makes an opening database the loader: what the next file waits for, and what cancel() reaches. */
  private adoptLoader(opening: Promise<DuckDBEngine>): Promise<DuckDBEngine> {
    const starting = opening.then((loader) => {
      const drop = () => this.dropLoader(loader);
      loader.events = { stuck: drop, crashed: drop };
      this.loaderDatabase = loader;
      return loader;
    });
    this.loader = starting;
    starting.catch(() => {
      if (this.loader === starting) this.loader = undefined;
    });
    return starting;
  }

  /** Ends a loader that broke or would not stop; the next file starts a new one. */
  private dropLoader(loader: DuckDBEngine): void {
    loader.kill(new QueryError('the engine that reads files stopped'));
    if (this.loaderDatabase !== loader) return;
    this.loaderDatabase = undefined;
    this.loader = undefined;
  }

  private watch(database: DuckDBEngine): void {
    database.events = {
      stuck: () => void this.rebuild('stuck', database),
      crashed: () => void this.rebuild('crashed', database),
    };
  }

  /** A new query database in place of `broken`, with every loaded table loaded again. */
  private rebuild(reason: RestartReport['reason'], broken: DuckDBEngine): Promise<RestartReport> {
    if (this.rebuilding) return this.rebuilding;
    if (broken !== this.database) return Promise.resolve({ reason, reloaded: [], failed: [] });
    this.replaced = engineRestarting();
    broken.kill(this.replaced);
    const rebuilding = (async (): Promise<RestartReport> => {
      await this.replaceDatabase();
      const report: RestartReport = { reason, reloaded: [], failed: [] };
      for (const [key, record] of [...this.loads]) {
        try {
          await this.loadInto(this.database, record, await this.files.size(record.source).catch(() => undefined));
          report.reloaded.push(record.name);
        } catch (error) {
          this.loads.delete(key);
          report.failed.push({ name: record.name, message: error instanceof Error ? error.message : String(error) });
          // A file that now breaks the database is left out, on a database of its own.
          if (!(await this.database.answers(PROBE_MS))) await this.replaceDatabase();
        }
      }
      return report;
    })();
    this.rebuilding = rebuilding;
    rebuilding.then(
      (report) => this.options.onRestart?.(report),
      () => undefined,
    ).finally(() => {
      if (this.rebuilding === rebuilding) this.rebuilding = undefined;
    });
    return rebuilding;
  }

  private async replaceDatabase(): Promise<void> {
    this.known.forget();
    this.database.kill(this.replaced ?? engineRestarting());
    const fresh = await this.openDatabase(querySettings(this.options));
    if (this.closing) {
      await fresh.close();
      throw new QueryError('the database engine is closed');
    }
    this.watch(fresh);
    this.database = fresh;
  }

  private assertOpen(): void {
    if (this.closing) throw new QueryError('the database engine is closed');
  }
}

function querySettings(options: EngineOptions): DatabaseSettings {
  return { sealed: Boolean(options.sandbox), memoryLimit: options.memoryLimit };
}

function loaderSettings(options: EngineOptions): DatabaseSettings {
  return { memoryLimit: options.memoryLimit };
}

/** A failure that did not come from DuckDB's own checks: a fault in WebAssembly or a dead worker. */
function isFault(error: unknown): boolean {
  return error instanceof QueryError && error.duckdbType === undefined && !(error instanceof ResourceError);
}
