// Writes dist/sw.js, a service worker that keeps an offline copy of the app: on the first visit
// it stores every file the app can need (the page, its scripts and styles, Monaco, the DuckDB
// worker and wasm, the sample data) in the Cache API, and from then on answers from there, so the
// app opens and runs without a network. Written after the build, from the files in dist/; the
// other pages built beside the app (test and benchmark pages, their entry scripts) and the .br/.gz
// variants are left out.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { listFiles } from './precompress.ts';
import { serviceWorkerSource } from './offline-worker.ts';

export const SERVICE_WORKER = 'sw.js';

export function offlineCopy(): Plugin {
  let outDir = 'dist';
  let otherEntries: string[] = [];
  return {
    name: 'segbook:offline-copy',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      const input = config.build.rolldownOptions.input;
      otherEntries = input && typeof input === 'object' && !Array.isArray(input) ? Object.keys(input).filter((name) => name !== 'main') : [];
    },
    // Before the precompress plugin lists dist/, so sw.js gets its .br and .gz too.
    writeBundle: {
      order: 'pre',
      sequential: true,
      handler() {
        const files = precachedFiles(outDir, otherEntries);
        const version = createHash('sha256');
        for (const file of files) version.update(file).update(fs.readFileSync(path.join(outDir, file)));
        fs.writeFileSync(path.join(outDir, SERVICE_WORKER), serviceWorkerSource(files, version.digest('hex').slice(0, 16)));
      },
    },
  };
}

/** Paths relative to dist/, with `/` separators, in a stable order; `otherEntries` are the build inputs that are not the app. */
export function precachedFiles(outDir: string, otherEntries: string[]): string[] {
  const entryScript = (file: string) => otherEntries.some((name) => file.startsWith(`assets/${name}-`) && /^[\w-]+\.js$/.test(file.slice(`assets/${name}-`.length)));
  return listFiles(outDir)
    .map((file) => path.relative(outDir, file).split(path.sep).join('/'))
    .filter((file) => !/\.(br|gz|map)$/.test(file) && !(file.endsWith('.html') && file !== 'index.html') && !entryScript(file) && file !== SERVICE_WORKER)
    .sort();
}
