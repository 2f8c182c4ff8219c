// The sample data the app opens on arrives as prebuilt Arrow tables (scripts/vite/sample-tables.ts):
// each must be the table the sandboxed engine makes of its CSV file — the same columns, DuckDB
// types and rows. The engine's loader, which reads CSV files, opens only when one comes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManagedEngine } from '../../src/engine/managed-engine.ts';
import { nodeFiles } from '../../src/engine/node-files.ts';
import { openNodeDatabase } from '../../src/engine/node.ts';
import { defaultOptions, type PrebuiltTable } from '../../src/engine/prebuilt-tables.ts';
import type { DataSource } from '../../src/engine/types.ts';
import { readSamples } from '../../scripts/vite/sample-tables-read.ts';

const SAMPLES = join(import.meta.dirname, '../../public/samples');
const TABLES = ['customers', 'orders', 'accounts', 'deals'];
const csv = (table: string): DataSource => ({ kind: 'path', path: join(SAMPLES, `${table}.csv`) });

describe('prebuilt sample tables', () => {
  const out = mkdtempSync(join(tmpdir(), 'segbook-prebuilt-'));
  const prebuilt = new Map<string, PrebuiltTable>();
  /** Whether the engine takes the prebuilt tables; when not, it reads the CSV files. */
  let streams = true;
  const opened: string[] = [];
  let engine: ManagedEngine;
  beforeAll(async () => {
    for (const { file, columns, rowCount, nullFree, unique } of await readSamples(SAMPLES, out)) {
      const stream = join(out, file.replace(/\.csv$/, '.arrow'));
      prebuilt.set(join(SAMPLES, file), { read: async () => new Uint8Array(readFileSync(stream)), columns, rowCount, nullFree, unique });
    }
    const open: typeof openNodeDatabase = (settings) => (opened.push(settings.sealed ? 'query' : 'loader'), openNodeDatabase(settings));
    engine = await ManagedEngine.start(open, nodeFiles, { sandbox: true }, (source, options) =>
      streams && source.kind === 'path' && defaultOptions(options) ? prebuilt.get(source.path) : undefined,
    );
  });
  afterAll(async () => {
    await engine?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('are built for every sample file, and load without the loader', async () => {
    expect([...prebuilt.keys()].map((file) => file.split('/').pop()).sort()).toEqual(TABLES.map((t) => `${t}.csv`).sort());
    for (const table of TABLES) await engine.loadTable(table, csv(table));
    expect(opened).toEqual(['query']);
  });

  it('hold the columns, types and rows the CSV files load as', async () => {
    streams = false;
    for (const table of TABLES) {
      const loaded = await engine.loadTable(`${table}_csv`, csv(table));
      const { columns, rowCount } = prebuilt.get(join(SAMPLES, `${table}.csv`))!;
      expect({ columns, rowCount }, table).toEqual({ columns: loaded.columns, rowCount: loaded.rowCount });
      const described = (name: string) => `SELECT column_name, column_type FROM (DESCRIBE ${name})`;
      expect((await engine.query(described(table))).rows, table).toEqual((await engine.query(described(`${table}_csv`))).rows);
      // Every row: a count and a sum of row hashes keep the comparison to one small result.
      const digest = (name: string) => `SELECT count(*) AS n, sum(hash(t)) AS h FROM (SELECT * FROM ${name}) t`;
      expect((await engine.query(digest(table))).rows, table).toEqual((await engine.query(digest(`${table}_csv`))).rows);
    }
    expect(opened).toEqual(['query', 'loader']);
  });

  it('make a catalog known without asking DuckDB, the one DuckDB reads', async () => {
    const reads: string[] = [];
    const open: typeof openNodeDatabase = async (settings) => {
      const database = await openNodeDatabase(settings);
      const withContext = database.withContext.bind(database);
      database.withContext = (work, load) => withContext((ctx) => work({ ...ctx, run: (sql) => (reads.push(sql), ctx.run(sql)) }), load);
      return database;
    };
    const fresh = await ManagedEngine.start(open, nodeFiles, { sandbox: true }, (source) => (source.kind === 'path' ? prebuilt.get(source.path) : undefined));
    try {
      // A name that needs quoting, and a table loaded again under another case.
      for (const [name, table] of [['Customer list', 'customers'], ['orders', 'orders'], ['ORDERS', 'deals'], ['accounts', 'accounts']]) {
        await fresh.loadTable(name!, csv(table!));
      }
      const known = await fresh.catalog();
      expect(reads.filter((sql) => /duckdb_columns/.test(sql))).toEqual([]);
      expect(known.tables.map((t) => t.name)).toEqual(['Customer list', 'ORDERS', 'accounts']);
      expect(known.tables.find((t) => t.name === 'ORDERS')!.rowCount).toBe(prebuilt.get(join(SAMPLES, 'deals.csv'))!.rowCount);
      // Which columns repeat no value only the prebuilt facts tell: DuckDB's catalog would need a query over the rows.
      expect(known.tables.find((t) => t.name === 'Customer list')!.columns.filter((c) => c.unique).map((c) => c.name)).toEqual(['customer_id']);
      await fresh.query('SELECT 1');
      const withoutUnique = known.tables.map((t) => ({ ...t, columns: t.columns.map(({ unique: _, ...c }) => c) }));
      expect({ tables: withoutUnique }).toEqual(await fresh.catalog());
      expect(reads.filter((sql) => /duckdb_columns/.test(sql))).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });
});
