// The page's first script. On a cold open DuckDB-WASM's start takes longest: its worker's script
// (some 800 kB) loads and runs, then the worker downloads and compiles the wasm. The worker starts
// here, before anything else is fetched (this script imports nothing else up front); the engine's
// code then gives it the wasm (app-engine.ts), and main.ts takes the engine that is starting.
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

const worker = new Worker(ehWorker);
let failed = false;
worker.addEventListener('error', () => (failed = true), { once: true });
const { startAppEngine } = await import('./app-engine.ts');
// A worker that failed already is not handed on: the engine's start sees its own fail, and says so.
// A failed start is the notebook's to report, once it asks for the engine.
startAppEngine(failed ? undefined : worker).catch(() => undefined);
await import('./main.ts');
