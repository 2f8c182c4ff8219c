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
  },
});
