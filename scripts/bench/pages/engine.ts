/**
 * Segbook's own browser engine (src/engine/browser.ts), set up as the app sets it up (sandboxed:
 * text is read by the loader database and streams into the query database), for the ingest rows:
 * the harness calls `window.bench.load(name, url)`; the page fetches the file and keeps it in the
 * browser's store (OPFS) as the data panel does, untimed, then times `engine.loadTable` on that
 * stored file (a file handle: DuckDB reads it piece by piece). `loadAll` loads several files into
 * one engine (the largest data set one tab handles) and says how many rows it then holds.
 */
import { deleteDataFile, storeDataFile } from '../../../src/data/opfs-files.ts';
import { startBrowserEngine } from '../../../src/engine/browser.ts';
import type { Engine } from '../../../src/engine/types.ts';

export interface PageLoad {
  ms: number;
  rows: number;
}

export interface BenchPage {
  load(name: string, url: string): Promise<PageLoad>;
  loadAll(files: [name: string, url: string][]): Promise<PageLoad[]>;
  /** Runs one query on the engine holding what `loadAll` loaded. */
  query(sql: string): Promise<PageLoad>;
}

declare global {
  interface Window {
    bench?: BenchPage | { error: string };
  }
}

async function stored(url: string): Promise<File> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return storeDataFile(url, await response.blob());
}

async function timedLoad(engine: Engine, name: string, url: string): Promise<PageLoad> {
  const file = await stored(url);
  const started = performance.now();
  const table = await engine.loadTable(name, { kind: 'file', file, fileName: url.split('/').pop()! });
  return { ms: performance.now() - started, rows: table.rowCount };
}

// An analyst adds a file to a notebook that has run: its queries sealed the database (so the file
// goes through the loader), and the app opened the loader once the run was over (src/main.ts).
startBrowserEngine({ sandbox: true, sealAtFirstQuery: true }).then(
  (engine) => engine.query('SELECT 42 AS answer').then(() => engine),
).then(
  (engine) => {
    engine.openLoader();
    window.bench = {
      async load(name, url) {
        try {
          return await timedLoad(engine, name, url);
        } finally {
          await deleteDataFile(url);
        }
      },
      async loadAll(files) {
        const loads: PageLoad[] = [];
        for (const [name, url] of files) loads.push(await timedLoad(engine, name, url));
        return loads;
      },
      async query(sql) {
        const started = performance.now();
        const result = await engine.query(sql);
        return { ms: performance.now() - started, rows: result.rows.length };
      },
    };
  },
  (error: unknown) => (window.bench = { error: String(error) }),
);
