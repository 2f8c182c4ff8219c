/**
 * The engine's behaviour, written once for every platform: `engineSuite(api, startEngine, fixtures)`
 * runs in Node (engine.test.ts, with Vitest) and in Chromium (test/e2e/pages/engine-page.ts).
 */
import { DataLoadError, QueryCancelledError, QueryError } from '../../src/engine/errors.ts';
import type { DataSource, Engine, EngineOptions } from '../../src/engine/types.ts';
import type { SuiteApi } from './suite-api.ts';
import { gzipSync } from 'fflate';

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

export interface Fixtures {
  /** A data file with this name and content, presented the way the platform presents files. */
  file(name: string, content: string | Uint8Array): Promise<DataSource>;
  /** A Parquet file holding the rows of a (native DuckDB) query, written with a compression codec. */
  parquet(name: string, sql: string, codec?: 'snappy' | 'gzip' | 'zstd' | 'uncompressed'): Promise<DataSource>;
  /** A file that does not exist, and the text "file not found" must name. */
  missing(name: string): { source: DataSource; label: string };
}

/** Starts an engine of the platform under test. */
export type StartEngine = (options?: EngineOptions) => Promise<Engine>;

/** A query that runs for minutes unless cancelled. */
export const ENDLESS = 'SELECT count(*) FROM range(3000000000) a, range(10) b WHERE a.range % 7 = b.range';

/**
 * `sandboxed`: `startEngine` starts sandboxed engines (delimited text through the loader); every
 * test holds for them too, except that they read CSV after SQL switched external access off.
 */
export function engineSuite(
  { describe, it, expect, beforeAll, afterAll }: SuiteApi,
  startEngine: StartEngine,
  fixtures: Fixtures,
  { sandboxed = false } = {},
): void {
  let engine: Engine;
  beforeAll(async () => {
    engine = await startEngine();
  });
  afterAll(async () => {
    await engine?.close();
  });

  const rows = async (sql: string) => (await engine.query(sql)).rows;
  const loadError = async (promise: Promise<unknown>): Promise<DataLoadError> => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DataLoadError);
    return error as DataLoadError;
  };

  describe('query', () => {
    it('returns columns, DuckDB type names and rows', async () => {
      const result = await engine.query(
        "SELECT 1 AS i, 'a' AS s, 2.5::DOUBLE AS d, true AS b, DATE '2024-02-29' AS dt, TIMESTAMP '2024-01-02 03:04:05' AS ts",
      );
      expect(result.columns).toEqual(['i', 's', 'd', 'b', 'dt', 'ts']);
      expect(result.types).toEqual(['INTEGER', 'VARCHAR', 'DOUBLE', 'BOOLEAN', 'DATE', 'TIMESTAMP']);
      expect(result.rows).toEqual([[1, 'a', 2.5, true, '2024-02-29', '2024-01-02T03:04:05']]);
    });

    it('gives BIGINT and HUGEINT as numbers, and integers beyond 2^53 as digit strings', async () => {
      const result = await engine.query(
        'SELECT count(*) AS n, 9007199254740991::BIGINT AS safe, 9007199254740993::BIGINT AS unsafe, (-9223372036854775808)::BIGINT AS min, sum(range) AS total FROM range(10)',
      );
      expect(result.types).toEqual(['BIGINT', 'BIGINT', 'BIGINT', 'BIGINT', 'HUGEINT']);
      expect(result.rows).toEqual([[10, 9007199254740991, '9007199254740993', '-9223372036854775808', 45]]);
    });

    it('gives DECIMAL as numbers under its own type name', async () => {
      const result = await engine.query('SELECT 12.34::DECIMAL(10,2) AS price, 123456789.125::DECIMAL(18,3) AS wide, NULL::DECIMAL(4,1) AS missing');
      expect(result.types).toEqual(['DECIMAL(10,2)', 'DECIMAL(18,3)', 'DECIMAL(4,1)']);
      expect(result.rows).toEqual([[12.34, 123456789.125, null]]);
    });

    it('gives DECIMAL inside lists, structs and maps as numbers too, at every width and sign', async () => {
      const result = await engine.query(
        "SELECT [1.5::DECIMAL(4,1), -2.25::DECIMAL(4,2)] AS l, {'narrow': 2.25::DECIMAL(5,2), 'wide': -123456789012.345::DECIMAL(18,3), 'huge': 1.5::DECIMAL(38,10), 'missing': NULL::DECIMAL(9,2)} AS s, MAP {'k': 0.05::DECIMAL(3,2)} AS m, [-7.125::DECIMAL(30,3), 0::DECIMAL(30,3)] AS w",
      );
      expect(result.types).toEqual([
        'DECIMAL(5,2)[]',
        'STRUCT(narrow DECIMAL(5,2), wide DECIMAL(18,3), huge DECIMAL(38,10), missing DECIMAL(9,2))',
        'MAP(VARCHAR, DECIMAL(3,2))',
        'DECIMAL(30,3)[]',
      ]);
      expect(result.rows.map((row) => row.map((cell) => JSON.parse(cell as string)))).toEqual([
        [[1.5, -2.25], { narrow: 2.25, wide: -123456789012.345, huge: 1.5, missing: null }, { k: 0.05 }, [-7.125, 0]],
      ]);
    });

    it('keeps every digit of a whole DECIMAL and of HUGEINT, and tells them apart', async () => {
      const result = await engine.query(
        'SELECT 12345678901234567890123::DECIMAL(38,0) AS whole, (-170141183460469231731687303715884105727)::HUGEINT AS h, [3::HUGEINT] AS hl, 2.5::DOUBLE AS d',
      );
      expect(result.types).toEqual(['DECIMAL(38,0)', 'HUGEINT', 'HUGEINT[]', 'DOUBLE']);
      expect(result.rows).toEqual([['12345678901234567890123', '-170141183460469231731687303715884105727', '[3]', 2.5]]);
    });

    it('writes dates and timestamps as ISO 8601, keeping microseconds and marking UTC', async () => {
      const result = await engine.query(
        "SELECT DATE '1969-12-31' AS before_epoch, TIMESTAMP '2024-06-30 23:59:59.123456' AS micro, TIMESTAMPTZ '2024-01-01 10:00:00+00' AS tz, TIME '08:30:00' AS t",
      );
      expect(result.rows).toEqual([['1969-12-31', '2024-06-30T23:59:59.123456', '2024-01-01T10:00:00Z', '08:30:00']]);
    });

    it('keeps nulls of every type as null, and every result survives JSON', async () => {
      const result = await engine.query(
        "SELECT NULL::INTEGER AS i, NULL::BIGINT AS b, NULL::DECIMAL(9,2) AS d, NULL::DATE AS dt, NULL::VARCHAR AS s, NULL::BOOLEAN AS f, [1, NULL] AS l, {'a': NULL} AS st",
      );
      expect(result.rows).toEqual([[null, null, null, null, null, null, '[1,null]', '{"a":null}']]);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });

    it('writes NaN and infinities as words, since JSON has no such numbers', async () => {
      expect(await rows("SELECT 'nan'::DOUBLE, 'inf'::DOUBLE, '-inf'::DOUBLE")).toEqual([['NaN', 'Infinity', '-Infinity']]);
    });

    it('reads ENUM labels and INTERVALs, which Arrow alone does not deliver', async () => {
      const result = await engine.query("SELECT 'b'::ENUM('a', 'b') AS e, INTERVAL '14 months 3 days 04:05:06' AS iv");
      expect(result.rows).toEqual([['b', '1 year 2 months 3 days 04:05:06']]);
    });

    it('runs DDL with an empty result, and a script with the last statement’s result', async () => {
      expect(await engine.query('CREATE OR REPLACE TABLE ddl_check AS SELECT 1 AS x')).toMatchObject({ rows: [[1]] });
      expect(await rows('CREATE OR REPLACE VIEW ddl_view AS SELECT 2 AS y; SELECT * FROM ddl_view')).toEqual([[2]]);
    });

    it('rejects bad SQL with DuckDB’s words and no stack trace', async () => {
      const error = await engine.query('SELECT 1;\nSELEC 1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryError);
      expect((error as Error).message).toMatch(/^Parser Error: syntax error at or near "SELEC"/);
      expect((error as QueryError).position).toBe(10);
      expect((error as Error).message).not.toMatch(/\n\s+at /);
      const missing = await engine.query('SELECT * FROM no_such_table').catch((e: Error) => e.message);
      expect(missing).toMatch(/Table with name no_such_table does not exist/);
    });
  });

  describe('offline', () => {
    it('turns off automatic extension install and load', async () => {
      expect(await rows("SELECT current_setting('autoinstall_known_extensions'), current_setting('autoload_known_extensions')")).toEqual([[false, false]]);
    });

    it('fails at once, instead of downloading, when SQL needs an extension', async () => {
      const started = Date.now();
      await expect(engine.query("SELECT '{}'::JSON")).rejects.toThrow(/json extension/);
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });

  describe('cancel', () => {
    it('stops a long query within a second with cancel()', async () => {
      const running = engine.query(ENDLESS);
      const started = Date.now();
      setTimeout(() => void engine.cancel(), 200);
      await expect(running).rejects.toBeInstanceOf(QueryCancelledError);
      expect(Date.now() - started).toBeLessThan(1200);
      expect(await rows('SELECT 1')).toEqual([[1]]);
    });

    it('stops a long query with its AbortSignal, and rejects queued ones at once', async () => {
      const controller = new AbortController();
      const running = engine.query(ENDLESS, { signal: controller.signal });
      const queuedController = new AbortController();
      const queued = engine.query('SELECT 2', { signal: queuedController.signal });
      const after = engine.query("SELECT 'after'");
      queuedController.abort();
      await expect(queued).rejects.toThrow('query cancelled');
      setTimeout(() => controller.abort(), 200);
      await expect(running).rejects.toBeInstanceOf(QueryCancelledError);
      expect((await after).rows).toEqual([['after']]);
    });

    it('stops every query one signal covers, running and queued, with one abort', async () => {
      const controller = new AbortController();
      const queries = [engine.query(ENDLESS, { signal: controller.signal }), ...Array.from({ length: 12 }, (_, i) => engine.query(`SELECT ${i}`, { signal: controller.signal }))];
      setTimeout(() => controller.abort(), 200);
      const outcomes = await Promise.allSettled(queries);
      expect(outcomes.map((o) => o.status)).toEqual(queries.map(() => 'rejected'));
      expect(await rows('SELECT 1')).toEqual([[1]]);
    });

    it('rejects a query whose signal is already aborted without running it', async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(engine.query('CREATE TABLE never_made AS SELECT 1', { signal: controller.signal })).rejects.toBeInstanceOf(QueryCancelledError);
      expect(await rows("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'never_made'")).toEqual([[0]]);
    });
  });

  describe('close', () => {
    it('cancels what runs, refuses new work and can be called twice', async () => {
      const spare = await startEngine();
      const running = expect(spare.query(ENDLESS)).rejects.toBeInstanceOf(QueryCancelledError);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await spare.close();
      await running;
      await expect(spare.query('SELECT 1')).rejects.toThrow('the database engine is closed');
      await spare.close();
    });
  });

  describe('sealed', () => {
    if (sandboxed) {
      it('reads CSV after SQL asked to switch external access off: its loader reads files', async () => {
        await engine.query('SET enable_external_access = false');
        expect((await engine.loadTable('late', await fixtures.file('late.csv', 'a\n1\n'))).rowCount).toBe(1);
        expect((await rows('SELECT * FROM late'))).toEqual([[1]]);
      });
      return;
    }
    it('explains that CSV can no longer be read once external access is off, and still loads JSON', async () => {
      const sealed = await startEngine();
      try {
        await sealed.query('SET enable_external_access = false');
        const error = await loadError(sealed.loadTable('late', await fixtures.file('late.csv', 'a\n1\n')));
        expect(error.message).toBe('late.csv: this session no longer reads files (external access was switched off); load CSV files before that');
        const loaded = await sealed.loadTable('late_json', await fixtures.file('late.json', '[{"a": 1}]'));
        expect(loaded.rowCount).toBe(1);
      } finally {
        await sealed.close();
      }
    });
  });

  describe('catalog', () => {
    it('lists tables and views of the main schema with their kind, columns, DuckDB types and table row counts', async () => {
      await engine.query(`CREATE OR REPLACE TABLE "cat ""odd"" name" (id INTEGER, amount DECIMAL(10,2), seen DATE, note VARCHAR);
        INSERT INTO "cat ""odd"" name" VALUES (1, 2.50, DATE '2024-01-01', 'x'), (2, NULL, NULL, NULL);
        CREATE OR REPLACE VIEW cat_view AS SELECT id, amount * 2 AS doubled FROM "cat ""odd"" name"`);
      const catalog = await engine.catalog();
      const table = catalog.tables.find((t) => t.name === 'cat "odd" name');
      expect(table).toEqual({
        name: 'cat "odd" name',
        kind: 'table',
        rowCount: 2,
        columns: [
          { name: 'id', type: 'INTEGER' },
          { name: 'amount', type: 'DECIMAL(10,2)' },
          { name: 'seen', type: 'DATE' },
          { name: 'note', type: 'VARCHAR' },
        ],
      });
      const view = catalog.tables.find((t) => t.name === 'cat_view');
      expect(view?.columns.map((c) => c.name)).toEqual(['id', 'doubled']);
      expect(view?.kind).toBe('view');
      expect(view).not.toHaveProperty('rowCount');
      expect(catalog.tables.some((t) => /^(duckdb_|pg_|segbook_)/.test(t.name))).toBe(false);
    });
    it('knows which tables\' date and time columns hold no NULL, from their statistics', async () => {
      await engine.query(`CREATE OR REPLACE TABLE cat_times (d DATE, t TIMESTAMP, maybe DATE, n INTEGER);
        INSERT INTO cat_times VALUES (DATE '2024-01-01', TIMESTAMP '2024-01-01 10:00:00', NULL, NULL), (DATE '2024-01-02', TIMESTAMP '2024-01-02 11:00:00', DATE '2024-01-02', 1);
        CREATE OR REPLACE VIEW cat_times_view AS SELECT d FROM cat_times`);
      const catalog = await engine.catalog();
      expect(catalog.tables.find((t) => t.name === 'cat_times')?.columns).toEqual([
        { name: 'd', type: 'DATE', hasNulls: false },
        { name: 't', type: 'TIMESTAMP', hasNulls: false },
        { name: 'maybe', type: 'DATE' },
        { name: 'n', type: 'INTEGER' },
      ]);
      expect(catalog.tables.find((t) => t.name === 'cat_times_view')?.columns).toEqual([{ name: 'd', type: 'DATE' }]);
      await engine.query(`UPDATE cat_times SET d = NULL WHERE n = 1`);
      expect((await engine.catalog()).tables.find((t) => t.name === 'cat_times')?.columns[0]).toEqual({ name: 'd', type: 'DATE' });
    });
  });

  describe('loadTable: delimited text', () => {
    it('loads a CSV with inferred types and reports its columns and rows', async () => {
      const source = await fixtures.file('people.csv', 'id,name,born,score,member\n1,Ann,1990-05-01,3.5,true\n2,Bo,,4,false\n3,"Cy, Jr.",1985-12-31,,\n');
      const loaded = await engine.loadTable('people', source);
      expect(loaded).toEqual({
        name: 'people',
        rowCount: 3,
        columns: [
          { name: 'id', type: 'BIGINT' },
          { name: 'name', type: 'VARCHAR' },
          { name: 'born', type: 'DATE' },
          { name: 'score', type: 'DOUBLE' },
          { name: 'member', type: 'BOOLEAN' },
        ],
      });
      expect(await rows('SELECT * FROM people ORDER BY id')).toEqual([
        [1, 'Ann', '1990-05-01', 3.5, true],
        [2, 'Bo', null, 4, false],
        [3, 'Cy, Jr.', '1985-12-31', null, null],
      ]);
    });

    it('honours the reader options: delimiter, header, names, skip, dateformat, types', async () => {
      const text = '# exported 2024\n# by the shop\n7;30/06/2024;0012\n8;01/07/2024;0100\n';
      const source = await fixtures.file('export.txt', text);
      const loaded = await engine.loadTable('export', source, {
        delimiter: ';',
        header: false,
        names: ['id', 'day', 'code'],
        skip: 2,
        dateformat: '%d/%m/%Y',
        types: { code: 'VARCHAR' },
      });
      expect(loaded.columns).toEqual([
        { name: 'id', type: 'BIGINT' },
        { name: 'day', type: 'DATE' },
        { name: 'code', type: 'VARCHAR' },
      ]);
      expect(await rows('SELECT * FROM export ORDER BY id')).toEqual([
        [7, '2024-06-30', '0012'],
        [8, '2024-07-01', '0100'],
      ]);
    });

    it('reads .tsv as tab-separated and white-space-aligned .txt columns', async () => {
      await engine.loadTable('tabbed', await fixtures.file('tabbed.tsv', 'a\tb\n1\tx y\n2\tz\n'));
      expect(await rows('SELECT * FROM tabbed ORDER BY a')).toEqual([[1, 'x y'], [2, 'z']]);
      const aligned = ' id  date      cds  dollars\r\n 00001 19970101  1   11.77\r\n 00002 19970112  2   12.00\r\n';
      const loaded = await engine.loadTable('aligned', await fixtures.file('aligned.txt', aligned));
      expect(loaded.columns.map((c) => c.name)).toEqual(['id', 'date', 'cds', 'dollars']);
      expect(await rows('SELECT cds, dollars FROM aligned ORDER BY id')).toEqual([[1, 11.77], [2, 12]]);
    });

    it('reads missing values written as text (nullstr) and timestamps in a format of their own (timestampformat)', async () => {
      const text = 'id,seen,score\n1,3/1/2011 9:05,NA\n2,12/31/2011 18:30,7\nNA,1/2/2012 0:00,N/A\n';
      const loaded = await engine.loadTable('marked', await fixtures.file('marked.csv', text), { nullstr: ['NA', 'N/A'], timestampformat: '%m/%d/%Y %H:%M' });
      expect(loaded.columns.map((c) => c.type)).toEqual(['BIGINT', 'TIMESTAMP', 'BIGINT']);
      expect(await rows('SELECT id, strftime(seen, \'%Y-%m-%d %H:%M\'), score FROM marked ORDER BY seen')).toEqual([
        [1, '2011-03-01 09:05', null],
        [2, '2011-12-31 18:30', 7],
        [null, '2012-01-02 00:00', null],
      ]);
    });

    it('reads white-space-aligned columns given a single space as the delimiter as runs of spaces, not empty columns', async () => {
      const aligned = ' id  date      cds  dollars\r\n 00001 19970101  1   11.77\r\n 00002 19970112  12  12.00\r\n';
      const loaded = await engine.loadTable('spaced', await fixtures.file('spaced.txt', aligned), { delimiter: ' ' });
      expect(loaded.columns.map((c) => c.name)).toEqual(['id', 'date', 'cds', 'dollars']);
      expect(await rows('SELECT cds, dollars FROM spaced ORDER BY id')).toEqual([[1, 11.77], [12, 12]]);
    });

    it('loads under any table name and replaces an earlier table of that name', async () => {
      const name = 'my "weird" table; DROP TABLE people --';
      await engine.loadTable(name, await fixtures.file('v1.csv', 'x\n1\n'));
      const loaded = await engine.loadTable(name, await fixtures.file('v2.csv', 'y,z\n2,3\n4,5\n'));
      expect(loaded).toMatchObject({ name, rowCount: 2 });
      expect(await rows(`SELECT * FROM "my ""weird"" table; DROP TABLE people --" ORDER BY y`)).toEqual([[2, 3], [4, 5]]);
      expect(await rows('SELECT count(*) FROM people')).toEqual([[3]]);
    });

    it('names the file and line of a row with too many fields', async () => {
      const lines = ['order_id,customer_id,order_date,amount,channel,category'];
      for (let i = 1; i <= 30; i++) lines.push(i === 16 ? '16,3,2024-01-16,9.99,web,toys,extra' : `${i},3,2024-01-${String(i).padStart(2, '0')},9.99,web,toys`);
      const error = await loadError(engine.loadTable('orders_bad', await fixtures.file('orders.csv', lines.join('\n') + '\n')));
      expect(error.message).toBe('orders.csv, line 17: expected 6 columns, found 7');
      expect(error).toMatchObject({ file: 'orders.csv', line: 17 });
    });

    it('names the line of a quote never closed, rather than keeping the rows after it without the header', async () => {
      // DuckDB's sniffer skips the lines above the broken one and reads "3,4,5,6" as a headerless table.
      const error = await loadError(engine.loadTable('quoted', await fixtures.file('quoted.csv', 'id,x\n1,2\n2,"unterminated\n3,4,5,6\n')));
      expect(error.message).toBe('quoted.csv, line 3: a quote (") opened here is never closed');
      const titled = await engine.loadTable('titled', await fixtures.file('titled.csv', 'Sales report 2024\ngenerated by the till\nid,x\n1,2\n2,3\n'));
      expect(titled.columns.map((c) => c.name)).toEqual(['id', 'x']);
      expect(await rows('SELECT * FROM titled ORDER BY id')).toEqual([[1, 2], [2, 3]]);
    });

    it('names the file, line and column of a value that does not fit its type', async () => {
      const source = await fixtures.file('typed.csv', 'a,b\n1,2\nx,5\n');
      const error = await loadError(engine.loadTable('typed', source, { types: { a: 'INTEGER' } }));
      expect(error.message).toBe('typed.csv, line 3: column "a": cannot read "x" as INTEGER');
    });

    it('keeps an earlier table when a new load of it fails', async () => {
      await engine.loadTable('kept', await fixtures.file('good.csv', 'x\n1\n'));
      await loadError(engine.loadTable('kept', await fixtures.file('bad.csv', 'a,b\n1,2\n3,4,5\n6,7\n')));
      expect(await rows('SELECT * FROM kept')).toEqual([[1]]);
    });

    it('reads a file whose name has glob characters', async () => {
      const loaded = await engine.loadTable('bracketed', await fixtures.file('sales [2024] *final*.csv', 'a,b\n1,2\n'));
      expect(loaded.rowCount).toBe(1);
    });

    it('says "file not found" with the path as given', async () => {
      const { source, label } = fixtures.missing('nowhere.csv');
      const error = await loadError(engine.loadTable('nowhere', source));
      expect(error.message).toBe(`file not found: ${label}`);
    });

    it('reads text in the encoding given, and UTF-16 with a byte-order mark by itself', async () => {
      // Windows-1252, as Excel writes it: é, curly quotes and € (which strict Latin-1 lacks).
      const cp1252 = new Uint8Array([...ascii('name,price\nCaf'), 0xe9, 0x20, 0x93, ...ascii('Bon'), 0x94, 0x2c, 0x80, ...ascii('10\n')]);
      const refused = await loadError(engine.loadTable('cafe', await fixtures.file('cafe.csv', cp1252)));
      expect(refused.message).toMatch(/^cafe\.csv(, line \d+)?: the file is not UTF-8 text: give its encoding as a reader option \(Excel on Windows writes 'windows-1252'\), or save it as UTF-8$/);
      await engine.loadTable('cafe', await fixtures.file('cafe.csv', cp1252), { encoding: 'windows-1252' });
      expect(await rows('SELECT * FROM cafe')).toEqual([['Café “Bon”', '€10']]);
      await engine.loadTable('cafe_gz', await fixtures.file('cafe.csv.gz', gzipSync(cp1252)), { encoding: 'latin1' });
      expect(await rows('SELECT name FROM cafe_gz')).toEqual([['Café “Bon”']]);

      const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array(Array.from('id;city\r\n1;Zürich\r\n', (c) => c.charCodeAt(0))).buffer)]);
      const loaded = await engine.loadTable('cities', await fixtures.file('cities.csv', utf16));
      expect(loaded.columns.map((c) => c.name)).toEqual(['id', 'city']);
      expect(await rows('SELECT * FROM cities')).toEqual([[1, 'Zürich']]);

      const notShiftJis = await loadError(engine.loadTable('jp', await fixtures.file('jp.csv', new Uint8Array([...ascii('a\n'), 0x81, 0x0a])), { encoding: 'shift_jis' }));
      expect(notShiftJis.message).toBe('jp.csv: the file is not shift_jis text: check its encoding');
      const unknown = await loadError(engine.loadTable('jp', await fixtures.file('jp.csv', 'a\n1\n'), { encoding: 'klingon' }));
      expect(unknown.message).toBe("jp.csv: unknown encoding 'klingon': give one such as windows-1252, iso-8859-2, shift_jis or utf-16");
    });

    it('refuses a file type it cannot read, naming the file', async () => {
      const error = await loadError(engine.loadTable('sheet', await fixtures.file('budget.xlsx', 'PK')));
      expect(error.message).toBe('budget.xlsx: unknown file type; expected .csv, .tsv, .txt, .parquet, .json or .jsonl');
    });
  });

  describe('loadTable: Parquet', () => {
    const SQL = `SELECT range::INTEGER AS id, range::BIGINT * 1000000000000 AS big, (range * 1.25)::DECIMAL(10,2) AS price,
      'name ' || range AS name, IF(range % 2 = 0, NULL, range) AS odd, DATE '2024-01-01' + range::INTEGER AS day,
      TIMESTAMP '2024-01-01 10:00:00.123456' + to_seconds(range) AS at, range % 2 = 0 AS even, 12::TINYINT AS tiny,
      [range, range + 1] AS pair, {'k': range} AS rec, 1.5::FLOAT AS f
      FROM range(5)`;

    it('loads every common column type', async () => {
      const loaded = await engine.loadTable('pq', await fixtures.parquet('typed.parquet', SQL));
      expect(loaded.rowCount).toBe(5);
      expect(loaded.columns).toEqual([
        { name: 'id', type: 'INTEGER' },
        { name: 'big', type: 'BIGINT' },
        { name: 'price', type: 'DOUBLE' },
        { name: 'name', type: 'VARCHAR' },
        { name: 'odd', type: 'BIGINT' },
        { name: 'day', type: 'DATE' },
        { name: 'at', type: 'TIMESTAMP' },
        { name: 'even', type: 'BOOLEAN' },
        { name: 'tiny', type: 'TINYINT' },
        { name: 'pair', type: 'VARCHAR' },
        { name: 'rec', type: 'VARCHAR' },
        { name: 'f', type: 'FLOAT' },
      ]);
      expect(await rows('SELECT * FROM pq WHERE id = 1')).toEqual([
        [1, 1000000000000, 1.25, 'name 1', 1, '2024-01-02', '2024-01-01T10:00:01.123456', false, 12, '[1,2]', '{"k":1}', 1.5],
      ]);
      expect(await rows('SELECT count(*) FROM pq WHERE odd IS NULL')).toEqual([[3]]);
    });

    it('reads GZIP and uncompressed files and refuses ZSTD with a way out', async () => {
      for (const codec of ['gzip', 'uncompressed'] as const) {
        const loaded = await engine.loadTable(`pq_${codec}`, await fixtures.parquet(`${codec}.parquet`, SQL, codec));
        expect(loaded.rowCount).toBe(5);
      }
      const error = await loadError(engine.loadTable('pq_zstd', await fixtures.parquet('packed.parquet', SQL, 'zstd')));
      expect(error.message).toBe('packed.parquet: ZSTD compression is not supported; save the file with Snappy, GZIP or no compression');
    });

    it('says which file is not Parquet', async () => {
      const error = await loadError(engine.loadTable('fake', await fixtures.file('fake.parquet', 'id,name\n1,a\n')));
      expect(error.message).toMatch(/^fake\.parquet: not a Parquet file/);
    });
  });

  describe('loadTable: JSON and JSON Lines', () => {
    const records = [
      { id: 1, name: 'Ann', score: 3.5, member: true, joined: '2024-01-31', seen: '2024-02-01T10:00:00', tags: ['a'], code: 7 },
      { id: 2, name: null, score: 4, member: false, joined: '2023-12-01', seen: '2024-02-02T11:30:00', tags: [], code: 'x7' },
      { id: 3, score: null, extra: 'only here' },
    ];
    const expectedColumns = [
      { name: 'id', type: 'BIGINT' },
      { name: 'name', type: 'VARCHAR' },
      { name: 'score', type: 'DOUBLE' },
      { name: 'member', type: 'BOOLEAN' },
      { name: 'joined', type: 'DATE' },
      { name: 'seen', type: 'TIMESTAMP' },
      { name: 'tags', type: 'VARCHAR' },
      { name: 'code', type: 'VARCHAR' },
      { name: 'extra', type: 'VARCHAR' },
    ];
    const expectedRows = [
      [1, 'Ann', 3.5, true, '2024-01-31', '2024-02-01T10:00:00', '["a"]', '7', null],
      [2, null, 4, false, '2023-12-01', '2024-02-02T11:30:00', '[]', 'x7', null],
      [3, null, null, null, null, null, null, null, 'only here'],
    ];

    it('loads an array of objects with a type per field', async () => {
      const loaded = await engine.loadTable('js', await fixtures.file('people.json', JSON.stringify(records, null, 2)));
      expect(loaded).toEqual({ name: 'js', rowCount: 3, columns: expectedColumns });
      expect(await rows('SELECT * FROM js ORDER BY id')).toEqual(expectedRows);
    });

    it('loads JSON Lines the same way', async () => {
      const loaded = await engine.loadTable('jl', await fixtures.file('people.jsonl', records.map((r) => JSON.stringify(r)).join('\n') + '\n'));
      expect(loaded).toEqual({ name: 'jl', rowCount: 3, columns: expectedColumns });
      expect(await rows('SELECT * FROM jl ORDER BY id')).toEqual(expectedRows);
    });

    it('names the file and line of broken JSON', async () => {
      const broken = await loadError(engine.loadTable('broken', await fixtures.file('broken.json', '[\n  {"a": 1},\n  {"a": 2,,}\n]')));
      expect(broken.message).toBe('broken.json, line 3: not valid JSON');
      const lines = await loadError(engine.loadTable('lines', await fixtures.file('events.jsonl', '{"a": 1}\n{"a": 2}\n{"a": \n')));
      expect(lines.message).toBe('events.jsonl, line 3: not valid JSON');
      const shape = await loadError(engine.loadTable('shape', await fixtures.file('shape.json', '{"rows": 1}')));
      expect(shape.message).toBe('shape.json: expected an array of objects ([{...}, {...}])');
    });
  });
}
