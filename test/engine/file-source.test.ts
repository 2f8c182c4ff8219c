// Files handed over as Blobs (what the browser's picked, dropped and stored files are): in Node
// they travel as bytes, in Chromium through a file handle (the engine suite's browser fixtures).
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCancelledError } from '../../src/engine/errors.ts';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine, LoadProgress } from '../../src/engine/types.ts';
import { writeParquet } from './node-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'segbook-file-source-'));
let engine: Engine;
const heard: [string, LoadProgress][] = [];

beforeAll(async () => {
  engine = await startNodeEngine({ sandbox: true, onLoadProgress: (table, progress) => heard.push([table, progress]) });
});
afterAll(async () => {
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, content: string | Uint8Array) => ({ kind: 'file' as const, file: new File([content as BlobPart], name), fileName: name });

describe('loadTable from a Blob', () => {
  it('reads CSV, Parquet and JSON Lines', async () => {
    expect((await engine.loadTable('csv', file('people.csv', 'id,name\n1,Ann\n2,Bo\n'))).rowCount).toBe(2);
    const parquet = join(dir, 'five.parquet');
    await writeParquet(parquet, 'SELECT range AS id FROM range(5)');
    expect((await engine.loadTable('pq', file('five.parquet', readFileSync(parquet)))).rowCount).toBe(5);
    expect((await engine.loadTable('js', file('rows.jsonl', '{"a": 1}\n{"a": 2}\n'))).rowCount).toBe(2);
    expect((await engine.query('SELECT name FROM csv ORDER BY id')).rows).toEqual([['Ann'], ['Bo']]);
  });

  it('reports rows as Parquet row groups and JSON chunks arrive, to the caller and to the engine listener', async () => {
    const parquet = join(dir, 'groups.parquet');
    await writeParquet(parquet, 'SELECT range AS id FROM range(300000)');
    const bytes = readFileSync(parquet);
    const seen: LoadProgress[] = [];
    heard.length = 0;
    await engine.loadTable('groups', file('groups.parquet', bytes), {}, { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual({ bytesRead: bytes.length, bytesTotal: bytes.length, rows: 300000, estimated: false });
    expect(seen.map((p) => p.rows)).toEqual([...seen.map((p) => p.rows)].sort((a, b) => a! - b!));
    expect(heard.map(([table]) => table)).toEqual(seen.map(() => 'groups'));
  });

  it('stops a load when its signal aborts, keeping the earlier table of that name', async () => {
    await engine.loadTable('big', file('small.csv', 'a,b\n1,2\n'));
    const controller = new AbortController();
    const text = 'a,b\n' + '12345,67890\n'.repeat(4_000_000);
    const loading = engine.loadTable('big', file('big.csv', text), {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(loading).rejects.toBeInstanceOf(QueryCancelledError);
    expect((await engine.query('SELECT count(*) AS n FROM big')).rows).toEqual([[1]]);
  }, 30_000);
});
