// The page's first script. On a cold open DuckDB-WASM's start (its worker, then downloading and
// compiling the wasm) takes longest, so it begins here, before the rest of the app is fetched and
// run; main.ts then takes the engine that is starting (app-engine.ts).
import { startAppEngine } from './app-engine.ts';

// A failed start is the notebook's to report, once it asks for the engine.
startAppEngine().catch(() => undefined);
await import('./main.ts');
