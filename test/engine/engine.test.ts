// The engine suite on DuckDB-WASM in Node, with fixtures written to a temporary folder.
import { getEventListeners } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import Worker from 'web-worker';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DuckDBEngine } from '../../src/engine/duckdb-engine.ts';
import { startNodeEngine } from '../../src/engine/node.ts';
import { nodeFiles } from '../../src/engine/node-files.ts';
import { engineSuite } from './engine-suite.ts';
import { bytesFixtures, pathFixtures } from './node-fixtures.ts';
import { vitestApi } from './vitest-api.ts';

const dir = mkdtempSync(join(tmpdir(), 'segbook-engine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('engine in Node', () => {
  engineSuite(vitestApi, startNodeEngine, pathFixtures(dir));
});

describe('engine in Node, files handed over as bytes (as the browser does)', () => {
  engineSuite(vitestApi, startNodeEngine, bytesFixtures(dir));
});

describe('engine in Node, sandboxed (delimited text through the loader database)', () => {
  engineSuite(vitestApi, (options) => startNodeEngine({ ...options, sandbox: true }), pathFixtures(dir), { sandboxed: true });
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

  it('queues many queries under one signal without piling listeners on it (Node warns past 10)', async () => {
    const engine = await startNodeEngine();
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const signal = new AbortController().signal;
      await Promise.all(Array.from({ length: 20 }, (_, i) => engine.query(`SELECT ${i}`, { signal })));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
      await engine.close();
    }
  });

  it('takes its listener off a signal that outlives it (one Ctrl+C signal over a folder of notebooks)', async () => {
    const signal = new AbortController().signal;
    for (let i = 0; i < 2; i++) {
      const engine = await startNodeEngine();
      await engine.query('SELECT 1', { signal });
      expect(getEventListeners(signal, 'abort')).toHaveLength(1);
      await engine.close();
      expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    }
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

describe('DuckDBEngine.start', () => {
  it('fails with a message, instead of waiting for ever, when the worker dies during start', async () => {
    const script = join(dir, 'dying-worker.mjs');
    writeFileSync(script, "setTimeout(() => { throw new Error('the worker fell over'); }, 20);\n");
    const worker = new Worker(script, { type: 'module' }) as unknown as globalThis.Worker;
    // DuckDB-WASM and the worker thread print the failure; the test only needs the rejection.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(DuckDBEngine.start(new AsyncDuckDB(new VoidLogger(), worker), worker, 'unused.wasm', nodeFiles)).rejects.toThrow(
        'the database engine could not start: its worker failed',
      );
    } finally {
      quiet.mockRestore();
    }
  });
});
