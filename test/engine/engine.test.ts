// The engine suite on DuckDB-WASM in Node, with fixtures written to a temporary folder
// (Parquet ones by native DuckDB, which has a Parquet writer).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../src/engine/node.ts';
import { engineSuite, type Fixtures } from './engine-suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'segbook-engine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const nodeFixtures: Fixtures = {
  async file(name, content) {
    const path = join(dir, name);
    writeFileSync(path, content);
    return { kind: 'path', path };
  },
  async parquet(name, sql, codec = 'snappy') {
    const path = join(dir, name);
    const native = await DuckDBInstance.create(':memory:');
    const connection = await native.connect();
    await connection.run(`COPY (${sql}) TO '${path.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION ${codec})`);
    connection.closeSync();
    native.closeSync();
    return { kind: 'path', path };
  },
  missing(name) {
    const path = join(dir, 'absent', name);
    return { source: { kind: 'path', path }, label: path };
  },
};

/** Files handed over as bytes, the way the browser hands over a dropped file. */
const bytesFixtures: Fixtures = {
  async file(name, content) {
    return { kind: 'bytes', bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content, fileName: name };
  },
  async parquet(name, sql, codec) {
    const source = await nodeFixtures.parquet(name, sql, codec);
    return { kind: 'bytes', bytes: new Uint8Array(readFileSync((source as { path: string }).path)), fileName: name };
  },
  missing: (name) => nodeFixtures.missing(name),
};

describe('engine in Node', () => {
  engineSuite(startNodeEngine, nodeFixtures);
});

describe('engine in Node, files handed over as bytes (as the browser does)', () => {
  engineSuite(startNodeEngine, bytesFixtures);
});

describe('startNodeEngine', () => {
  it('starts, answers and closes', async () => {
    const started = performance.now();
    const engine = await startNodeEngine();
    const ready = performance.now() - started;
    expect((await engine.query('SELECT 42 AS answer')).rows).toEqual([[42]]);
    await engine.close();
    console.log(`engine start in Node: ${ready.toFixed(0)} ms`);
  });

  it('reads bytes handed over as a browser would, and file: URLs', async () => {
    const engine = await startNodeEngine();
    try {
      const bytes = new TextEncoder().encode('a,b\n1,2\n');
      await engine.loadTable('from_bytes', { kind: 'bytes', bytes, fileName: 'dropped.csv' });
      expect(bytes.length).toBe(8);
      expect((await engine.query('SELECT * FROM from_bytes')).rows).toEqual([[1, 2]]);
      const path = join(dir, 'url.csv');
      writeFileSync(path, 'c\n3\n');
      await engine.loadTable('from_url', { kind: 'url', url: `file://${path}` });
      expect((await engine.query('SELECT * FROM from_url')).rows).toEqual([[3]]);
      await expect(engine.loadTable('web', { kind: 'url', url: 'https://example.com/x.csv' })).rejects.toThrow(
        'https://example.com/x.csv: only local files can be read outside the browser',
      );
    } finally {
      await engine.close();
    }
  });
});
