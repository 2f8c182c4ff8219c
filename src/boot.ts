// The page's first script. On a cold open DuckDB-WASM's start takes longest: its worker's script
// (some 800 kB) loads and runs, and the worker downloads and compiles the 34 MB wasm. The worker
// starts here, before anything else is fetched (this script imports nothing else up front), and
// starts compiling the wasm at once (duckdb-boot-worker.js); the engine's code then asks it to
// instantiate (app-engine.ts), and main.ts takes the engine that is starting.
import bootWorker from './engine/duckdb-boot-worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

const worker = new Worker(bootWorker);
worker.postMessage({ worker: ehWorker, wasm: ehWasm });
let failed = false;
worker.addEventListener('error', () => (failed = true), { once: true });
const { startAppEngine } = await import('./app-engine.ts');
// A worker that failed already is not handed on: the engine's start sees its own fail, and says so.
// A failed start is the notebook's to report, once it asks for the engine.
startAppEngine(failed ? undefined : worker).catch(() => undefined);
await import('./main.ts');
