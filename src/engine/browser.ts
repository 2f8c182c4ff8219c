/**
 * The engine in the browser: DuckDB-WASM's `eh` bundle in a Worker. Vite bundles the wasm and
 * the worker from node_modules (`?url`), so nothing is fetched from a CDN.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { browserFiles } from './browser-files.ts';
import { DuckDBEngine } from './duckdb-engine.ts';
import type { Engine } from './types.ts';

export async function startBrowserEngine(): Promise<Engine> {
  const db = new AsyncDuckDB(new VoidLogger(), new Worker(ehWorker));
  try {
    await db.instantiate(ehWasm);
    return await DuckDBEngine.open(db, browserFiles);
  } catch (error) {
    await db.terminate();
    throw error;
  }
}
