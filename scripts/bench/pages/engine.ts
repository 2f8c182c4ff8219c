/**
 * Segbook's own browser engine (src/engine/browser.ts) for the ingest rows: the harness calls
 * `window.bench.load(url)` and reads how long `engine.loadTable` took inside the page.
 */
import { startBrowserEngine } from '../../../src/engine/browser.ts';

export interface PageLoad {
  ms: number;
  rows: number;
}

export interface BenchPage {
  load(name: string, url: string): Promise<PageLoad>;
}

declare global {
  interface Window {
    bench?: BenchPage | { error: string };
  }
}

startBrowserEngine().then(
  (engine) => {
    window.bench = {
      async load(name, url) {
        const started = performance.now();
        const table = await engine.loadTable(name, { kind: 'url', url });
        return { ms: performance.now() - started, rows: table.rowCount };
      },
    };
  },
  (error: unknown) => (window.bench = { error: String(error) }),
);
