/**
 * The baseline for "cold open → first chart" (#5): DuckDB-WASM's eh bundle started the plain way,
 * one query. Times are performance.now(), milliseconds since navigation started.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

export interface BareResult {
  ready: number;
  firstQuery: number;
  answer: number;
}

declare global {
  interface Window {
    benchResult?: BareResult | { error: string };
  }
}

async function start(): Promise<BareResult> {
  const db = new AsyncDuckDB(new VoidLogger(), new Worker(ehWorker));
  await db.instantiate(ehWasm);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  await conn.query('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;');
  const ready = performance.now();
  const table = await conn.query('SELECT 42 AS answer');
  const firstQuery = performance.now();
  return { ready, firstQuery, answer: Number(table.getChildAt(0)?.get(0)) };
}

start().then(
  (result) => (window.benchResult = result),
  (error: unknown) => (window.benchResult = { error: String(error) }),
);
