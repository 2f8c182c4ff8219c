import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { createStaticHandler } from './scripts/static-server.ts';
import { offlineCopy } from './scripts/vite/offline-copy.ts';
import { offlineDuckdbWasm } from './scripts/vite/offline-duckdb-wasm.ts';
import { precompress } from './scripts/vite/precompress.ts';
import { sampleTables } from './scripts/vite/sample-tables.ts';

const port = Number(process.env.PORT) || 5173;

export default defineConfig({
  // DuckDB-WASM ships prebuilt workers and wasm; pre-bundling it breaks their `?url` imports.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  worker: { format: 'es' },
  server: { port, strictPort: true },
  preview: { port, strictPort: true },
  build: {
    outDir: 'dist',
    target: 'es2022',
    // The DuckDB worker and wasm are served as files, never inlined as data: URLs.
    assetsInlineLimit: 0,
    // The eh wasm is 34 MB by itself; chunk-size warnings would only be noise about it.
    chunkSizeWarningLimit: 2048,
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        // The editor's end-to-end test page (test/e2e/editor-*.e2e.ts open it from the same
        // dist/ the harness serves); it ships no code of its own beyond the page script.
        'editor-test': fileURLToPath(new URL('./test/e2e/pages/editor.html', import.meta.url)),
        // The results' test page (test/e2e/results-*.e2e.ts): every statement's <seg-result> from fixed results.
        'results-test': fileURLToPath(new URL('./test/e2e/pages/results.html', import.meta.url)),
        // The engine's test page (test/e2e/engine-suite.e2e.ts): the engine suites of test/engine,
        // written for Vitest, run in Chromium against startBrowserEngine().
        'engine-test': fileURLToPath(new URL('./test/e2e/pages/engine.html', import.meta.url)),
      },
    },
  },
  plugins: [
    offlineDuckdbWasm(),
    // The sample data as prebuilt Arrow tables, which the app opens on.
    sampleTables(),
    // dist/sw.js: the offline copy; written before precompress lists the files.
    offlineCopy(),
    precompress(),
    {
      name: 'segbook:preview-compressed',
      // `vite preview` has no compression; serve the precompressed variants like the e2e server does.
      configurePreviewServer(server) {
        server.middlewares.use(createStaticHandler(path.resolve(server.config.root, server.config.build.outDir)));
      },
    },
  ],
});
