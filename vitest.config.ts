import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Each engine test file starts DuckDB-WASM (1–2 s, more on a busy 2-core machine).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The engine runs DuckDB-WASM on a worker thread of its own; each test file gets a process.
    pool: 'forks',
    // Vitest's default on 2 cores is one file at a time, which leaves a core idle while a file
    // waits on its engine's worker or on a `segbook` process: two at once measured 5.8 min
    // against 7.3 min for the unit suite here.
    maxWorkers: 2,
  },
});
