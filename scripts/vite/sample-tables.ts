// The sample data (public/samples/*.csv, the human-readable source) also as prebuilt tables: each
// file read by DuckDB the way the engine reads delimited text and shipped as an Arrow IPC stream,
// samples/NAME-HASH.arrow, which the sealed query database takes directly (no loader database, no
// CSV parsing on a cold open; src/engine/prebuilt-tables.ts). The module
// `virtual:segbook/sample-tables` lists them for src/engine/sample-tables.ts; the development
// server lists none. The streams are read in a child process (scripts/vite/sample-tables-read.ts,
// DuckDB-WASM in Node) and kept in node_modules/.cache until the files or the reader change.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';
import type { ReadSample } from './sample-tables-read.ts';

const MODULE = 'virtual:segbook/sample-tables';
const RESOLVED = `\0${MODULE}`;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READER = path.join(ROOT, 'scripts/vite/sample-tables-read.ts');
/** What decides the tables' columns and rows besides the files: the reader, the engine's loading code, DuckDB-WASM's version. */
const READ_BY = [READER, path.join(ROOT, 'src/engine/load'), path.join(ROOT, 'node_modules/@duckdb/duckdb-wasm/package.json')];

export function sampleTables(): Plugin {
  let build = false;
  let samples = '';
  return {
    name: 'segbook:sample-tables',
    configResolved(config) {
      build = config.command === 'build';
      samples = path.join(config.publicDir, 'samples');
    },
    resolveId(id) {
      return id === MODULE ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      if (!build) return 'export default [];';
      const { dir, read } = await readSamplesCached(samples);
      const listed = read.map(({ file, columns, rowCount, nullFree, unique }) => {
        const bytes = fs.readFileSync(path.join(dir, file.replace(/\.csv$/, '.arrow')));
        const ipc = `samples/${file.replace(/\.csv$/, '')}-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}.arrow`;
        this.emitFile({ type: 'asset', fileName: ipc, source: bytes });
        return { csv: `samples/${file}`, ipc, columns, rowCount, nullFree, unique };
      });
      return `export default ${JSON.stringify(listed)};`;
    },
  };
}

async function readSamplesCached(samples: string): Promise<{ dir: string; read: ReadSample[] }> {
  const key = createHash('sha256');
  for (const file of [...listFiles(samples).filter((f) => f.endsWith('.csv')), ...READ_BY.flatMap(listFiles)]) key.update(file).update(fs.readFileSync(file));
  const dir = path.join(ROOT, 'node_modules/.cache/segbook-sample-tables', key.digest('hex').slice(0, 16));
  const manifest = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifest)) {
    const writing = `${dir}.${process.pid}`;
    fs.mkdirSync(writing, { recursive: true });
    await promisify(execFile)(process.execPath, ['--import', 'tsx', READER, samples, writing], { cwd: ROOT });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(writing, dir);
  }
  return { dir, read: JSON.parse(fs.readFileSync(manifest, 'utf8')) as ReadSample[] };
}

function listFiles(at: string): string[] {
  if (!fs.statSync(at).isDirectory()) return [at];
  return fs.readdirSync(at, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}
