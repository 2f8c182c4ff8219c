// Engine-suite fixtures in Node: files written to a folder (Parquet ones by native DuckDB, which
// has a Parquet writer), or handed over as bytes the way the browser hands over a dropped file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Fixtures } from './engine-suite.ts';

/** Writes a Parquet file holding the rows of `sql` with native DuckDB. */
export async function writeParquet(path: string, sql: string, codec = 'snappy'): Promise<void> {
  const native = await DuckDBInstance.create(':memory:');
  const connection = await native.connect();
  await connection.run(`COPY (${sql}) TO '${path.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION ${codec})`);
  connection.closeSync();
  native.closeSync();
}

/** Files on disk in `dir`, given to the engine as paths. */
export function pathFixtures(dir: string): Fixtures {
  return {
    async file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return { kind: 'path', path };
    },
    async parquet(name, sql, codec = 'snappy') {
      const path = join(dir, name);
      await writeParquet(path, sql, codec);
      return { kind: 'path', path };
    },
    missing(name) {
      const path = join(dir, 'absent', name);
      return { source: { kind: 'path', path }, label: path };
    },
  };
}

/** Files handed over as bytes, the way the browser hands over a dropped file. */
export function bytesFixtures(dir: string): Fixtures {
  const paths = pathFixtures(dir);
  return {
    async file(name, content) {
      return { kind: 'bytes', bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content, fileName: name };
    },
    async parquet(name, sql, codec) {
      const path = join(dir, name);
      await writeParquet(path, sql, codec);
      return { kind: 'bytes', bytes: new Uint8Array(readFileSync(path)), fileName: name };
    },
    missing: (name) => paths.missing(name),
  };
}
