/**
 * The engine in Node (CLI, tests): DuckDB-WASM's AsyncDuckDB on a worker thread through the
 * `web-worker` package, the same engine as in the browser.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import Worker from 'web-worker';
import { DuckDBEngine, type DatabaseSettings } from './duckdb-engine.ts';
import { ManagedEngine } from './managed-engine.ts';
import { nodeFiles } from './node-files.ts';
import type { Engine, EngineOptions } from './types.ts';

const DIST = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
const WORKER = fileURLToPath(new URL('./node-worker.mjs', import.meta.url));

export function startNodeEngine(options: EngineOptions = {}): Promise<Engine> {
  return ManagedEngine.start(openNodeDatabase, nodeFiles, options);
}

export function openNodeDatabase(settings: DatabaseSettings): Promise<DuckDBEngine> {
  const worker = new Worker(WORKER, { type: 'module' }) as unknown as globalThis.Worker;
  return DuckDBEngine.start(new AsyncDuckDB(new VoidLogger(), worker), worker, `${DIST}/duckdb-eh.wasm`, nodeFiles, settings);
}
