/**
 * The engine in the browser: DuckDB-WASM's `eh` bundle in a Worker. Vite bundles the wasm and
 * the worker from node_modules (`?url`), so nothing is fetched from a CDN. The sample data
 * arrives as the build's prebuilt tables (sample-tables.ts).
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { browserFiles } from './browser-files.ts';
import { DuckDBEngine, type DatabaseSettings } from './duckdb-engine.ts';
import { ManagedEngine } from './managed-engine.ts';
import { sampleTables } from './sample-tables.ts';
import type { EngineOptions } from './types.ts';

/**
 * `started`: a worker of the `eh` bundle created ahead (its script loads meanwhile), which the
 * first database opened takes; every other database gets a new worker.
 */
export function startBrowserEngine(options: EngineOptions = {}, started?: Worker): Promise<ManagedEngine> {
  let ahead = started;
  const openBrowserDatabase = (settings: DatabaseSettings): Promise<DuckDBEngine> => {
    const worker = ahead ?? new Worker(ehWorker);
    ahead = undefined;
    return DuckDBEngine.start(new AsyncDuckDB(new VoidLogger(), worker), worker, ehWasm, browserFiles, settings);
  };
  return ManagedEngine.start(openBrowserDatabase, browserFiles, options, sampleTables(document.baseURI));
}
