/**
 * The engine in Node (CLI, tests): DuckDB-WASM's AsyncDuckDB on a worker thread through the
 * `web-worker` package, the same engine class as in the browser.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import Worker from 'web-worker';
import { DuckDBEngine } from './duckdb-engine.ts';
import { nodeFiles } from './node-files.ts';
import type { Engine } from './types.ts';

const DIST = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
const WORKER = fileURLToPath(new URL('./node-worker.mjs', import.meta.url));

export async function startNodeEngine(): Promise<Engine> {
  const worker = new Worker(WORKER, { type: 'module' });
  const db = new AsyncDuckDB(new VoidLogger(), worker as unknown as globalThis.Worker);
  try {
    await db.instantiate(`${DIST}/duckdb-eh.wasm`);
    return await DuckDBEngine.open(db, nodeFiles);
  } catch (error) {
    await db.terminate();
    throw error;
  }
}
