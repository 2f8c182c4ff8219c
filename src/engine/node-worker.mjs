// DuckDB-WASM's Node worker, quiet: it console.logs every failed query, and in a worker thread
// that text lands on the parent's stdout (the runner's JSON). Failures still reach the caller
// as rejected promises.
import { createRequire } from 'node:module';

console.log = () => {};
createRequire(import.meta.url)('@duckdb/duckdb-wasm/dist/duckdb-node-eh.worker.cjs');
