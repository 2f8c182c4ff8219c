/**
 * The engine in the browser: DuckDB-WASM's `eh` bundle in a Worker. Vite bundles the wasm and
 * the worker from node_modules (`?url`), so nothing is fetched from a CDN.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { browserFiles } from './browser-files.ts';
import { DuckDBEngine, type DatabaseSettings } from './duckdb-engine.ts';
import { ManagedEngine } from './managed-engine.ts';
import type { Engine, EngineOptions } from './types.ts';

export function startBrowserEngine(options: EngineOptions = {}): Promise<Engine> {
  return ManagedEngine.start(openBrowserDatabase, browserFiles, options);
}

function openBrowserDatabase(settings: DatabaseSettings): Promise<DuckDBEngine> {
  const worker = new Worker(ehWorker);
  return DuckDBEngine.start(new AsyncDuckDB(new VoidLogger(), worker), worker, ehWasm, browserFiles, settings);
}
