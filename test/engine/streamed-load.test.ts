// Delimited text in a sandboxed engine streams from the loader database into the sealed query
// database while the loader reads it: the types must arrive as a plain read makes them, and a
// load that stops half-way (cancelled, or a bad value deep in the file) must leave nothing behind.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataLoadError, QueryCancelledError } from '../../src/engine/errors.ts';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { DataSource, Engine, ReaderOptions } from '../../src/engine/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'segbook-streamed-load-'));
let sandboxed: Engine;
let plain: Engine;

beforeAll(async () => {
  [sandboxed, plain] = await Promise.all([startNodeEngine({ sandbox: true }), startNodeEngine()]);
});
afterAll(async () => {
  await Promise.all([sandboxed?.close(), plain?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const path = (name: string, text: string): DataSource => {
  writeFileSync(join(dir, name), text);
  return { kind: 'path', path: join(dir, name) };
};
const blob = (name: string, text: string): DataSource => ({ kind: 'file', file: new File([text], name), fileName: name });

/** The tables the query database holds besides `kept`: none may be left from a load that stopped. */
async function strayTables(engine: Engine, ...kept: string[]): Promise<string[]> {
  const tables = await engine.query("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY table_name");
  return tables.rows.map(([name]) => String(name)).filter((name) => !kept.includes(name));
}

async function both(name: string, source: DataSource, options?: ReaderOptions) {
  const [streamed, read] = await Promise.all([sandboxed.loadTable(name, source, options), plain.loadTable(name, source, options)]);
  const all = `SELECT * FROM "${name}" ORDER BY ALL`;
  return { streamed, read, streamedRows: (await sandboxed.query(all)).rows, readRows: (await plain.query(all)).rows };
}

describe('delimited text streamed into the sealed database', () => {
  it('keeps every type DuckDB sniffs exactly as a direct read makes it', async () => {
    const header = 'flag,count,big,ratio,day,clock,stamp,zoned,label,empty';
    const line = (i: number) =>
      `${i % 2 === 0},${i},${9_000_000_000_000 + i},${i / 4},2024-01-${String((i % 28) + 1).padStart(2, '0')},12:00:${String(i % 60).padStart(2, '0')},` +
      `2024-02-03 04:05:${String(i % 60).padStart(2, '0')},2024-02-03 04:05:06+02,"name, ${i}",`;
    const text = [header, ...Array.from({ length: 300 }, (_, i) => line(i))].join('\n') + '\n';
    const { streamed, read, streamedRows, readRows } = await both('sniffed', path('sniffed.csv', text));
    expect(streamed.columns).toEqual(read.columns);
    expect(new Set(read.columns.map((c) => c.type))).toEqual(
      new Set(['BOOLEAN', 'BIGINT', 'DOUBLE', 'DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP WITH TIME ZONE', 'VARCHAR']),
    );
    expect(streamed.rowCount).toBe(300);
    expect(streamedRows).toEqual(readRows);
  });

  it('keeps the types the reader options name, those Arrow does not carry too', async () => {
    const text = 'price,id,huge,small\n1.50,6ba7b810-9dad-11d1-80b4-00c04fd430c8,170141183460469231731687303715884105727,7\n2.25,,1,8\n';
    const types = { price: 'DECIMAL(10,2)', id: 'UUID', huge: 'HUGEINT', small: 'SMALLINT' };
    const { streamed, read, streamedRows, readRows } = await both('named', path('named.csv', text), { types });
    expect(read.columns.map((c) => c.type)).toEqual(['DECIMAL(10,2)', 'UUID', 'HUGEINT', 'SMALLINT']);
    expect(streamed.columns).toEqual(read.columns);
    expect(streamedRows).toEqual(readRows);
    expect(await strayTables(sandboxed, 'sniffed', 'named')).toEqual([]);
  });

  it('names the file and line of a bad value far past the sniffed sample, keeps the earlier table and leaves no half table', async () => {
    await sandboxed.loadTable('deep', blob('deep.csv', 'a,b\n1,2\n'));
    const rows = Array.from({ length: 200_000 }, (_, i) => (i === 149_999 ? 'n/a,1' : `${i},${i}`));
    const error = await sandboxed.loadTable('deep', blob('deep.csv', ['a,b', ...rows].join('\n') + '\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataLoadError);
    expect(error).toMatchObject({ file: 'deep.csv', line: 150_001 });
    expect((error as Error).message).toMatch(/^deep\.csv, line 150001: column "a": cannot read "n\/a" as BIGINT/);
    expect((await sandboxed.query('SELECT * FROM deep')).rows).toEqual([[1, 2]]);
    expect(await strayTables(sandboxed, 'sniffed', 'named', 'deep')).toEqual([]);
  });

  it('leaves no half table when a load is cancelled while it streams', async () => {
    await sandboxed.loadTable('big', blob('small.csv', 'a,b\n1,2\n'));
    const text = 'a,b\n' + '12345,67890\n'.repeat(4_000_000);
    for (const delay of [50, 250, 500]) {
      const controller = new AbortController();
      const loading = sandboxed.loadTable('big', blob('big.csv', text), {}, { signal: controller.signal });
      setTimeout(() => controller.abort(), delay);
      await expect(loading).rejects.toBeInstanceOf(QueryCancelledError);
      expect((await sandboxed.query('SELECT count(*) AS n FROM big')).rows).toEqual([[1]]);
      expect(await strayTables(sandboxed, 'sniffed', 'named', 'deep', 'big')).toEqual([]);
    }
  }, 30_000);
});
