/**
 * The engine's promises to people who open notebooks strangers wrote and files nobody checked
 * (issue #7), written once for Node (safety.test.ts) and Chromium (test/e2e/pages/engine-page.ts):
 * SQL in a sandboxed engine reaches no file, URL, extension, database or setting, and says why;
 * files too large for the tab are refused before reading; memory failures and queries that will
 * not stop get clear messages, and the engine restarts by itself with its tables.
 */
import { DataLoadError, QueryCancelledError, ResourceError, SandboxError } from '../../src/engine/errors.ts';
import type { Engine, RestartReport } from '../../src/engine/types.ts';
import { ENDLESS, type Fixtures, type StartEngine } from './engine-suite.ts';
import type { SuiteApi } from './suite-api.ts';

const READ_REFUSAL = "): load data with the data panel or the notebook's front matter.";
/** Allocates 3.2 GB at once: more than WebAssembly's 4 GB address space has left; DuckDB-WASM faults. */
const WASM_FAULT = "SELECT length(repeat('abcdefgh', 400000000)) AS n";
/** One function call of tens of seconds, which DuckDB does not interrupt when cancelled. */
const DEAF = "SELECT length(repeat('x', 1500000000)) AS n";
/** Sorting 30M rows takes far more than 64 MB. */
const MEMORY_HOG = 'SELECT sum(x) AS s FROM (SELECT range AS x FROM range(30000000) ORDER BY random())';

export function safetySuite({ describe, it, expect, beforeAll, afterAll }: SuiteApi, startEngine: StartEngine, fixtures: Fixtures): void {
  const refusal = async (engine: Engine, sql: string): Promise<SandboxError> => {
    const error = await engine.query(sql).then(() => undefined, (e: unknown) => e);
    expect(error, sql).toBeInstanceOf(SandboxError);
    return error as SandboxError;
  };
  const failure = async (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, (e: unknown) => e);
  /** An engine with a table loaded from a file, and the restarts it reports. */
  const withTable = async (options: Parameters<StartEngine>[0] = {}) => {
    const restarts: RestartReport[] = [];
    const engine = await startEngine({ ...options, onRestart: (report) => restarts.push(report) });
    await engine.loadTable('people', await fixtures.file('people.csv', 'id,name\n1,Ann\n2,Bo\n'));
    return { engine, restarts };
  };

  describe('sandbox', () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await startEngine({ sandbox: true });
    });
    afterAll(async () => {
      await engine?.close();
    });

    it('refuses to read local files, in words that say why', async () => {
      for (const sql of [
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/passwd')",
        "SELECT * FROM read_blob('/etc/passwd')",
        "SELECT * FROM read_csv_auto('/etc/passwd')",
        "SELECT * FROM sniff_csv('/etc/passwd')",
      ]) {
        const error = await refusal(engine, sql);
        expect(error.message).toBe(`SQL cells cannot read files or URLs ("/etc/passwd"${READ_REFUSAL}`);
        expect(error.duckdb).toMatch(/^Permission Error: Cannot access file/);
      }
      expect((await refusal(engine, "SELECT * FROM glob('/etc/*')")).message).toBe(`SQL cells cannot read files or URLs ("/etc/*"${READ_REFUSAL}`);
      await expect(engine.query("SELECT * FROM '/etc/passwd'")).rejects.toThrow(/Table with name \/etc\/passwd does not exist/);
    });

    it('refuses to fetch URLs', async () => {
      for (const url of ['http://example.com/x.csv', 'https://example.com/data.parquet']) {
        const error = await refusal(engine, `SELECT * FROM read_csv('${url}')`);
        expect(error.message).toBe(`SQL cells cannot read files or URLs ("${url}"${READ_REFUSAL}`);
      }
    });

    it('refuses to install or load extensions', async () => {
      for (const sql of ['INSTALL httpfs', 'FORCE INSTALL json', 'LOAD httpfs', "LOAD '/tmp/evil.duckdb_extension'", 'SELECT 1; install httpfs', 'UPDATE EXTENSIONS']) {
        const error = await refusal(engine, sql);
        expect(error.message).toBe("SQL cells cannot install or load DuckDB extensions: Segbook works offline with DuckDB's built-in functions.");
      }
    });

    it('refuses to attach databases', async () => {
      for (const sql of ["ATTACH '/tmp/other.duckdb' AS other", "ATTACH ':memory:' AS scratch", 'DETACH scratch']) {
        const error = await refusal(engine, sql);
        expect(error.message).toBe(
          "SQL cells cannot attach other databases: they see the tables loaded into this notebook; load data with the data panel or the notebook's front matter.",
        );
      }
    });

    it('refuses to write files: COPY … TO and EXPORT DATABASE', async () => {
      await engine.query('CREATE OR REPLACE TABLE secret AS SELECT 42 AS answer');
      for (const [sql, file] of [
        ["COPY secret TO '/tmp/out.csv'", '/tmp/out.csv'],
        ["COPY (SELECT * FROM secret) TO 'out.csv' (HEADER)", 'out.csv'],
        ["EXPORT DATABASE '/tmp/dump'", '/tmp/dump/secret.csv'],
      ] as const) {
        const error = await refusal(engine, sql);
        expect(error.message).toBe(`SQL cells cannot write files: results stay in this notebook ("${file}").`);
      }
      expect((await refusal(engine, "COPY secret FROM '/etc/hosts'")).message).toBe(`SQL cells cannot read files or URLs ("/etc/hosts"${READ_REFUSAL}`);
    });

    it('refuses to change the settings back, or any other', async () => {
      for (const [sql, setting] of [
        ['SET enable_external_access = true', 'enable_external_access'],
        ['SET lock_configuration = false', 'lock_configuration'],
        ['RESET enable_external_access', 'enable_external_access'],
        ["SET allowed_directories = ['/']", 'allowed_directories'],
        ['SET autoload_known_extensions = true', 'autoload_known_extensions'],
        ["SET memory_limit = '8GB'", 'memory_limit'],
      ] as const) {
        const error = await refusal(engine, sql);
        expect(error.message).toBe(`SQL cells cannot change DuckDB settings: they are locked so that SQL can never reach files or the network ("${setting}").`);
      }
      expect(
        await engine.query("SELECT current_setting('enable_external_access') AS e, current_setting('lock_configuration') AS l, current_setting('autoload_known_extensions') AS a"),
      ).toMatchObject({ rows: [[false, true, false]] });
    });

    it('accepts a request for the seal it already has', async () => {
      expect(await engine.query('SET enable_external_access = false; SET lock_configuration = true;')).toEqual({ columns: [], types: [], rows: [] });
      expect(await engine.query('set global enable_external_access to false')).toEqual({ columns: [], types: [], rows: [] });
    });

    it('still does everything in memory: tables, views, variables, scripts', async () => {
      const result = await engine.query(`CREATE OR REPLACE TABLE t AS SELECT range AS x FROM range(5);
        CREATE OR REPLACE VIEW v AS SELECT sum(x) AS total FROM t; SET VARIABLE factor = 2;
        SELECT total * getvariable('factor') AS doubled, 'INSTALL httpfs; LOAD x' AS text FROM v`);
      expect(result.rows).toEqual([[20, 'INSTALL httpfs; LOAD x']]);
    });

    it('loads CSV, TSV, Parquet and JSON files, each column keeping its DuckDB type', async () => {
      const csv = 'id,price,big,when_at,day,tag,note\n1,12.34,170141183460469231731687303715884105727,2024-01-02 03:04:05.123456,2024-02-29,550e8400-e29b-41d4-a716-446655440000,"a, b"\n2,0.5,-1,2024-06-30 23:59:59,2024-03-01,,\n';
      const loaded = await engine.loadTable('typed', await fixtures.file('typed.csv', csv), {
        types: { price: 'DECIMAL(10,2)', big: 'HUGEINT', tag: 'UUID' },
      });
      expect(loaded.columns).toEqual([
        { name: 'id', type: 'BIGINT' },
        { name: 'price', type: 'DECIMAL(10,2)' },
        { name: 'big', type: 'HUGEINT' },
        { name: 'when_at', type: 'TIMESTAMP' },
        { name: 'day', type: 'DATE' },
        { name: 'tag', type: 'UUID' },
        { name: 'note', type: 'VARCHAR' },
      ]);
      expect(await engine.query("SELECT id, price, big::VARCHAR AS big, when_at, day, tag::VARCHAR AS tag, note FROM typed ORDER BY id")).toMatchObject({
        rows: [
          [1, 12.34, '170141183460469231731687303715884105727', '2024-01-02T03:04:05.123456', '2024-02-29', '550e8400-e29b-41d4-a716-446655440000', 'a, b'],
          [2, 0.5, '-1', '2024-06-30T23:59:59', '2024-03-01', null, null],
        ],
      });
      expect((await engine.loadTable('tabbed', await fixtures.file('tabbed.tsv', 'a\tb\n1\tx\n'))).rowCount).toBe(1);
      expect((await engine.loadTable('empty', await fixtures.file('empty.csv', 'a,b\n'))).rowCount).toBe(0);
      expect((await engine.loadTable('pq', await fixtures.parquet('five.parquet', 'SELECT range AS id FROM range(5)'))).rowCount).toBe(5);
      expect((await engine.loadTable('js', await fixtures.file('rows.json', '[{"a": 1}, {"a": 2}]'))).rowCount).toBe(2);
      const catalog = await engine.catalog();
      expect(catalog.tables.filter((t) => ['typed', 'tabbed', 'empty', 'pq', 'js'].includes(t.name)).map((t) => [t.name, t.rowCount])).toEqual([
        ['empty', 0],
        ['js', 2],
        ['pq', 5],
        ['tabbed', 1],
        ['typed', 2],
      ]);
      expect(catalog.tables.some((t) => /^(segbook_|load_)/.test(t.name))).toBe(false);
    });

    it('loads no file from another site, and asks it nothing', async () => {
      const error = await failure(engine.loadTable('remote', { kind: 'url', url: 'https://example.com/customers.csv' }));
      expect(error).toBeInstanceOf(DataLoadError);
      expect((error as Error).message).toMatch(/^https:\/\/example\.com\/customers\.csv: only (local files|files from this site) can be/);
    });

    it('reports a bad file by name and line, and keeps the earlier table', async () => {
      await engine.loadTable('kept', await fixtures.file('good.csv', 'x\n1\n'));
      const error = await failure(engine.loadTable('kept', await fixtures.file('bad.csv', 'a,b\n1,2\n3,4,5\n6,7\n')));
      expect(error).toBeInstanceOf(DataLoadError);
      expect((error as Error).message).toBe('bad.csv, line 3: expected 2 columns, found 3');
      expect((await engine.query('SELECT * FROM kept')).rows).toEqual([[1]]);
    });
  });

  describe('resources', () => {
    it('refuses a file larger than the tab can load before reading it, in words', async () => {
      const engine = await startEngine({ maxFileBytes: 1000 });
      try {
        const error = await failure(engine.loadTable('big', await fixtures.file('big.csv', `a\n${'1\n'.repeat(1000)}`)));
        expect(error).toBeInstanceOf(DataLoadError);
        expect((error as Error).message).toBe('big.csv: too large for this tab (2 KB; text files up to 1 KB can be loaded here): load a smaller extract or a sample');
        expect((await engine.catalog()).tables).toEqual([]);
        expect((await engine.loadTable('small', await fixtures.file('small.csv', 'a\n1\n'))).rowCount).toBe(1);
      } finally {
        await engine.close();
      }
    });

    it('sizes the file budget from the memory limit, tighter for formats that grow on loading', async () => {
      const engine = await startEngine({ memoryLimit: '64MB' });
      try {
        const rows = (n: number) => `${'x'.repeat(70)}\n`.repeat(n);
        expect((await engine.loadTable('fits', await fixtures.file('fits.csv', `a\n${rows(140_000)}`))).rowCount).toBe(140_000);
        const csv = await failure(engine.loadTable('huge', await fixtures.file('huge.csv', `a\n${rows(350_000)}`)));
        expect((csv as Error).message).toMatch(/^huge\.csv: too large for this tab \(25 MB; text files up to 21 MB can be loaded here\)/);
        const json = await failure(engine.loadTable('doc', await fixtures.file('doc.json', `[${'{"a": 1},'.repeat(500_000)}{"a": 1}]`)));
        expect((json as Error).message).toMatch(/^doc\.json: too large for this tab \(4\.5 MB; JSON files up to 4 MB can be loaded here\)/);
      } finally {
        await engine.close();
      }
    });

    it('says a query needs more memory than the engine may use, and the engine still answers', async () => {
      const { engine, restarts } = await withTable({ memoryLimit: '64MB' });
      try {
        const error = await failure(engine.query(MEMORY_HOG));
        expect(error).toBeInstanceOf(ResourceError);
        expect((error as Error).message).toBe(
          'This query needs more memory than the engine may use in this tab (64 MB): filter or aggregate the data earlier, or work on a sample.',
        );
        expect((error as ResourceError).restarting).toBe(false);
        expect((await engine.query('SELECT count(*) AS n FROM people')).rows).toEqual([[2]]);
        expect(restarts).toEqual([]);
      } finally {
        await engine.close();
      }
    });

    it('restarts by itself when a query breaks WebAssembly’s memory, and reloads the tables', async () => {
      const { engine, restarts } = await withTable({ sandbox: true });
      try {
        await engine.query('CREATE TABLE scratch AS SELECT 1 AS x');
        const error = await failure(engine.query(WASM_FAULT));
        expect(error).toBeInstanceOf(ResourceError);
        expect((error as Error).message).toMatch(/^This query used up the memory of the database engine and stopped it; the engine is restarting and reloading your tables\./);
        expect((error as ResourceError).restarting).toBe(true);
        expect((await engine.query('SELECT name FROM people ORDER BY id')).rows).toEqual([['Ann'], ['Bo']]);
        expect(restarts).toEqual([{ reason: 'crashed', reloaded: ['people'], failed: [] }]);
        expect((await engine.catalog()).tables.map((t) => t.name)).toEqual(['people']);
        await expect(engine.query("SELECT * FROM read_text('/etc/passwd')")).rejects.toBeInstanceOf(SandboxError);
      } finally {
        await engine.close();
      }
    }, 60_000);

    it('cancels a runaway query within a second', async () => {
      const { engine } = await withTable();
      try {
        const running = failure(engine.query(ENDLESS));
        await new Promise((resolve) => setTimeout(resolve, 300));
        const asked = Date.now();
        await engine.cancel();
        expect(await running).toBeInstanceOf(QueryCancelledError);
        expect(Date.now() - asked).toBeLessThan(1000);
        expect((await engine.query('SELECT count(*) AS n FROM people')).rows).toEqual([[2]]);
        expect(Date.now() - asked).toBeLessThan(1000);
      } finally {
        await engine.close();
      }
    });

    it('stops a query that ignores cancel within a second by restarting, with the tables back', async () => {
      const { engine, restarts } = await withTable({ sandbox: true });
      try {
        const controller = new AbortController();
        const running = failure(engine.query(DEAF, { signal: controller.signal }));
        const waiting = engine.query('SELECT count(*) AS n FROM people');
        await new Promise((resolve) => setTimeout(resolve, 300));
        const asked = Date.now();
        controller.abort();
        expect(await running).toBeInstanceOf(QueryCancelledError);
        expect(Date.now() - asked).toBeLessThan(1000);
        expect((await waiting).rows).toEqual([[2]]);
        expect(restarts).toEqual([{ reason: 'stuck', reloaded: ['people'], failed: [] }]);
        expect(Date.now() - asked).toBeLessThan(15_000);
      } finally {
        await engine.close();
      }
    }, 60_000);

    it('restart() rebuilds the engine with the loaded tables, newest version of each, not what SQL made', async () => {
      const { engine, restarts } = await withTable({ sandbox: true });
      try {
        await engine.loadTable('People', await fixtures.file('people2.csv', 'id,name\n3,Cy\n'));
        await engine.loadTable('events', await fixtures.file('events.jsonl', '{"e": "click"}\n'));
        await engine.query('CREATE VIEW named AS SELECT name FROM people');
        const report = await engine.restart!();
        expect(report).toEqual({ reason: 'requested', reloaded: ['People', 'events'], failed: [] });
        expect((await engine.query('SELECT name FROM people')).rows).toEqual([['Cy']]);
        expect((await engine.catalog()).tables.map((t) => t.name).sort()).toEqual(['People', 'events']);
        expect(restarts).toEqual([report]);
      } finally {
        await engine.close();
      }
    }, 60_000);
  });
}
