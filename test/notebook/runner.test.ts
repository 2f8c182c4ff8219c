import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine } from '../../src/engine/types.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { readFrontMatter } from '../../src/notebook/front-matter.ts';
import type { CellStatus, RunnerEvent } from '../../src/notebook/outcome.ts';
import { NotebookRunner } from '../../src/notebook/runner.ts';
import { segql } from '../../src/notebook/segql.ts';
import { withCatalogReads, withQuery } from './engine-spy.ts';

// The real reader, watched: a keystroke in a cell must not parse the front matter again.
vi.mock('../../src/notebook/front-matter.ts', async (original) => {
  const actual = await original<typeof import('../../src/notebook/front-matter.ts')>();
  return { ...actual, readFrontMatter: vi.fn(actual.readFrontMatter) };
});

const FIXTURES = join(import.meta.dirname, 'fixtures');
let engine: Engine;

beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);
afterAll(async () => {
  await engine?.close();
});

function notebook(...cells: string[]): string {
  const front = '---\ntitle: Test\nasof: 2024-06-30\ndata:\n  customers: customers.csv\n  orders: orders.csv\n---\n\n';
  return front + cells.join('\n\n') + '\n';
}
const seg = (code: string) => '```seg\n' + code + '\n```';
const sql = (code: string, name?: string) => '```sql' + (name ? ` ${name}` : '') + '\n' + code + '\n```';

function runnerFor(text: string, options: { today?: string; asof?: string; engine?: Engine } = {}) {
  const runner = new NotebookRunner({
    engine: options.engine ?? engine,
    compiler: segql,
    resolveData: (path) => ({ kind: 'path', path: join(FIXTURES, path) }),
    today: () => options.today ?? '2030-01-01',
  });
  runner.update({ notebook: parseNotebook(text), ...(options.asof ? { asof: options.asof } : {}) });
  const events: RunnerEvent[] = [];
  runner.on((e) => events.push(e));
  const ran = () => events.flatMap((e) => (e.type === 'cell' && e.status === 'running' ? [e.index] : []));
  return { runner, events, ran, clear: () => events.splice(0) };
}

describe('the notebook runner', () => {
  it('runs cells in dependency order: a query may come before the view it reads', async () => {
    const { runner } = runnerFor(
      notebook('# Intro', sql('select country, n from by_country order by n desc, country'), sql('select country, count(*) as n from customers group by country', 'by_country')),
    );
    const report = await runner.run();
    expect(report.ok).toBe(true);
    expect(report.cells.map((c) => [c.index, c.kind, c.status])).toEqual([
      [0, 'markdown', 'done'],
      [1, 'sql', 'done'],
      [2, 'sql', 'done'],
    ]);
    expect(report.cells[1]!.results).toEqual([
      { statement: 'sql', columns: ['country', 'n'], types: [expect.any(String), 'BIGINT'], rows: [['US', 3], ['DE', 2], ['FR', 1]] },
    ]);
    expect(report.cells[2]!.results).toEqual([]);
  });

  it('compiles SegQL against the tables and views that exist, and lets SQL read segment views', async () => {
    const { runner } = runnerFor(
      notebook(
        seg('population customers key customer_id\nlink orders on customer_id time order_date\nlet spend = sum(orders.amount)\nsegment big = spend >= 100'),
        sql('select customer_id, spend from big order by customer_id'),
        seg('compare big, everyone on sum(spend) as total\nexpect size(big) = 3'),
      ),
    );
    const report = await runner.run();
    expect(report.cells.flatMap((c) => c.errors)).toEqual([]);
    expect(report.cells[1]!.results[0]!.rows).toEqual([[1, 200.5], [2, 1800.25], [5, 1044.99]]);
    const [compare, expectation] = report.cells[2]!.results;
    expect(compare!.statement).toBe('compare');
    expect(compare!.columns).toEqual(['segment', 'size', 'share', 'total']);
    expect(compare!.rows[0]!.slice(0, 2)).toEqual(['big', 3]);
    expect(expectation!.statement).toBe('expect');
    expect(report.failedExpectations).toBe(0);
    expect(report.ok).toBe(true);
  });

  it('reads the catalog once for a run whose views only SQL reads, and again for a population over a view made since', async () => {
    const own = await startNodeEngine();
    try {
      const spied = withCatalogReads(own);
      const population = seg('population customers key customer_id\nlink orders on customer_id time order_date\nlet spend = sum(orders.amount)');
      const segments = seg('segment big = spend >= 100\nsegment small = not big\ncompare big, small on avg(spend)');
      const { runner } = runnerFor(notebook(population, segments, seg('expect size(small) = 3'), sql('select count(*) as n from big')), { engine: spied.engine });
      const report = await runner.run();
      expect(report.ok).toBe(true);
      expect(spied.reads()).toBe(1);

      // A population over a segment's view (two populations: each definition says whose it is):
      // the view is made after the catalog was read, and the compile that reads it finds it.
      const over = runnerFor(
        notebook(
          seg('population customers key customer_id\nlink orders to customers on customer_id time order_date\nlet spend of customers = sum(orders.amount)'),
          seg('segment rich of customers = spend >= 100'),
          seg('population vips = rich key customer_id\nsegment old of vips = age > 40\nexpect size(old) = 2'),
        ),
        { engine: spied.engine },
      );
      const report2 = await over.runner.run();
      expect(report2.cells.flatMap((c) => c.errors)).toEqual([]);
      expect(report2.failedExpectations).toBe(0);
      expect(spied.reads()).toBe(3);
    } finally {
      await own.close();
    }
  });

  it('reads the catalog again once a view it listed is dropped and its name is taken by a let', async () => {
    const own = await startNodeEngine();
    try {
      const population = seg('population customers key customer_id\nlink orders on customer_id time order_date\nlet spend = sum(orders.amount)');
      const { runner } = runnerFor(notebook(population, seg('segment big = spend >= 100'), sql('select count(*) as n from big'), seg('expect size(big) = 3')), { engine: own });
      expect((await runner.run()).ok).toBe(true);
      // The view 'big' is in the catalog the SQL cell's run left; as a let's name it is no table any more.
      runner.update({ notebook: parseNotebook(notebook(population, seg('let big = spend >= 100'), seg('segment spenders = big\nexpect size(spenders) = 3'))) });
      const report = await runner.run();
      expect(report.cells.flatMap((c) => c.errors)).toEqual([]);
      expect(report.failedExpectations).toBe(0);
    } finally {
      await own.close();
    }
  });

  it("shows a cell's results before making the views nothing after them reads, and makes them before the next cell runs", async () => {
    const order: string[] = [];
    const watched = withQuery(engine, async (text, options) => {
      order.push(`asked ${text.split('\n')[0]!}`);
      const result = await engine.query(text, options);
      order.push(text.split('\n')[0]!);
      return result;
    });
    const { runner, events } = runnerFor(
      notebook(
        seg('population customers key customer_id\nlink orders on customer_id time order_date\nlet spend = sum(orders.amount)'),
        seg('segment big = spend >= 100\nsegment small = not big\ncompare big, small on avg(spend)'),
        sql('select count(*) as n from small'),
      ),
      { engine: watched },
    );
    runner.on((e) => e.type === 'cell' && order.push(`${e.status} ${e.index}`));
    const report = await runner.run();
    expect(report.ok).toBe(true);
    const at = (line: string) => order.indexOf(line);
    expect(at('done 1')).toBeGreaterThan(order.findIndex((l) => l.startsWith('WITH')));
    expect(at('done 1')).toBeLessThan(at('CREATE OR REPLACE VIEW "big" AS'));
    // Both views are asked for before the page hears of the results: what it asks next comes after them.
    expect(at('asked CREATE OR REPLACE VIEW "small" AS')).toBeLessThan(at('done 1'));
    expect(at('CREATE OR REPLACE VIEW "big" AS')).toBeLessThan(at('CREATE OR REPLACE VIEW "small" AS'));
    expect(at('CREATE OR REPLACE VIEW "small" AS')).toBeLessThan(at('running 2'));
    expect(events.filter((e) => e.type === 'cell' && e.index === 1 && e.status === 'done')).toHaveLength(1);
    // The cell's SQL reads in its order: the values table, the views, then the compare.
    expect(report.cells[1]!.sql.map((s) => s.split('\n')[0])).toEqual([
      'CREATE OR REPLACE TEMP TABLE "customers values" AS',
      'CREATE OR REPLACE VIEW "big" AS',
      'CREATE OR REPLACE VIEW "small" AS',
      'WITH',
    ]);
    expect(report.cells[2]!.results[0]!.rows).toEqual([[3]]);
  });

  it('reports a view that fails after the results came as the cell\'s error, without the results after it', async () => {
    const own = await startNodeEngine();
    try {
      // A table of the name made behind the notebook's back once the cell compiled: DuckDB refuses the view, not the compare.
      const meddled = withQuery(own, async (text, options) => {
        if (text.startsWith('CREATE OR REPLACE VIEW "small"')) await own.query('create table small as select 1 as x');
        return own.query(text, options);
      });
      const { runner, events } = runnerFor(
        notebook(
          seg('population customers key customer_id\nlink orders on customer_id time order_date\nlet spend = sum(orders.amount)\nsegment big = spend >= 100\nsegment small = not big\ncompare big on avg(spend)'),
        ),
        { engine: meddled },
      );
      const report = await runner.run();
      const cell = report.cells[0]!;
      expect(cell.status).toBe('error');
      expect(cell.errors).toEqual([{ message: expect.stringMatching(/small/), line: 1, column: 1 }]);
      expect(cell.results).toEqual([]);
      expect(cell.sql.map((s) => s.split('\n')[0])).toEqual([
        `SELECT 'the key customer_id is not unique: ' || "key" || ' is on ' || CAST("rows" AS VARCHAR) || ' rows of customers'`,
        'CREATE OR REPLACE TEMP TABLE "customers values" AS', 'CREATE OR REPLACE VIEW "big" AS', 'CREATE OR REPLACE VIEW "small" AS']);
      expect(events.filter((e) => e.type === 'cell' && e.index === 0).map((e) => e.type === 'cell' && e.status)).toEqual(['queued', 'running', 'done', 'error']);
    } finally {
      await own.close();
    }
  });

  it('counts rows whose time a SQL cell set to NULL, though the time column had none when compiled first', async () => {
    const own = await startNodeEngine();
    try {
      const count = seg('population customers key customer_id\nlink orders on customer_id time order_date\nsegment flo_bought = customer_id = 6 and count(orders) > 0\nexpect size(flo_bought) = 0');
      const first = await runnerFor(notebook(count), { engine: own }).runner.run();
      expect(first.cells[0]!.sql.join('\n')).not.toContain('IS NULL');
      expect(first.failedExpectations).toBe(0);
      // Flo's one order is dated after asof; with its date gone it counts (spec §4).
      // The first cell reads the catalog before the update runs.
      const { runner } = runnerFor(
        notebook(
          seg('population customers key customer_id\nlink orders on customer_id time order_date'),
          sql('update orders set order_date = null where order_id = 107'),
          seg('segment flo_bought = customer_id = 6 and count(orders) > 0\nexpect size(flo_bought) = 1'),
        ),
        { engine: own },
      );
      const report = await runner.run();
      expect(report.cells.flatMap((c) => c.errors)).toEqual([]);
      expect(report.cells[2]!.sql.join('\n')).toContain('IS NULL');
      expect(report.failedExpectations).toBe(0);
    } finally {
      await own.close();
    }
  }, 60_000);

  it('re-runs an edited cell and what depends on it, and reuses everything else', async () => {
    const cells = [
      sql("select * from customers where country = 'US'", 'us'),
      sql('select count(*) as n from us'),
      sql('select count(*) as n from orders'),
    ];
    const { runner, ran, clear, events } = runnerFor(notebook(...cells));
    await runner.run();
    expect(ran().sort()).toEqual([0, 1, 2]);

    clear();
    await runner.run();
    expect(ran()).toEqual([]);

    clear();
    runner.update({ notebook: parseNotebook(notebook(cells[0]!.replace("'US'", "'DE'"), cells[1]!, cells[2]!)) });
    const staled = events.flatMap((e) => (e.type === 'cell' && e.status === 'stale' ? [e.index] : []));
    expect(staled).toEqual([0, 1]);
    const report = await runner.run({ cell: 0 });
    expect(ran()).toEqual([0, 1]);
    expect(report.cells[1]!.results[0]!.rows).toEqual([[2]]);
    expect(report.cells[2]!.status).toBe('done');
  });

  it('re-runs a SegQL cell only when its own SQL or the data it reads changed, not for another definition of a cell it uses', async () => {
    const cells = [
      seg('population customers key customer_id\nlink orders on customer_id time order_date\nlet spend = sum(orders.amount)'),
      seg("segment us = country = 'US'\nsegment big = spend > 100"),
      seg('compare us'),
      seg('compare big'),
      sql('select count(*) as n from us'),
    ];
    const { runner, ran, clear } = runnerFor(notebook(...cells));
    await runner.run();
    clear();
    runner.update({ notebook: parseNotebook(notebook(cells[0]!, cells[1]!.replace('spend > 100', 'spend > 150'), cells[2]!, cells[3]!, cells[4]!)) });
    const edited = await runner.run();
    // SQL reads the views the edited cell made again, so it runs again; `compare us` has nothing new to run.
    expect(ran()).toEqual([1, 3, 4]);
    expect(edited.cells[2]!.status).toBe('done');
    expect(edited.cells[2]!.results[0]!.rows.map((r) => r[0])).toEqual(['us']);

    clear();
    runner.update({ notebook: parseNotebook(notebook(cells[0]!.replace('sum(orders.amount)', 'max(orders.amount)'), cells[1]!, cells[2]!, cells[3]!, cells[4]!)) });
    const relet = await runner.run();
    // A let changed: the population's values are computed again, and every cell reading them runs.
    // The population's own cell has only its key check, over data that did not change.
    expect(ran().sort()).toEqual([1, 2, 3, 4]);
    expect(relet.cells.flatMap((c) => c.errors)).toEqual([]);
  });

  it('runs a query after the SQL cell that creates its table, and again when that cell changes', async () => {
    const cells = [sql('select count(*) as n from us_customers'), sql("create or replace table us_customers as select * from customers where country = 'US'"), sql('select count(*) as n from orders')];
    const { runner, events } = runnerFor(notebook(...cells));
    const first = await runner.run();
    expect(first.cells.flatMap((c) => c.errors)).toEqual([]);
    expect(first.cells[0]!.results[0]!.rows).toEqual([[3]]);

    runner.update({ notebook: parseNotebook(notebook(cells[0]!, cells[1]!.replace("'US'", "'DE'"), cells[2]!)) });
    const staled = events.flatMap((e) => (e.type === 'cell' && e.status === 'stale' ? [e.index] : []));
    expect(staled.slice(-2).sort()).toEqual([0, 1]);
    const report = await runner.run({ cell: 1 });
    expect(report.cells[0]!.results[0]!.rows).toEqual([[2]]);
  });

  it('owns the tables a SQL cell makes: it can run again, and they go with the cell', async () => {
    const reader = sql('select count(*) as n from top');
    const maker = (n: number) => sql(`create table top as select * from customers limit ${n}`);
    const { runner } = runnerFor(notebook(reader, maker(2)));
    expect((await runner.run()).cells[0]!.results[0]!.rows).toEqual([[2]]);

    runner.update({ notebook: parseNotebook(notebook(reader, maker(3))) });
    const again = await runner.run();
    expect(again.cells.flatMap((c) => c.errors)).toEqual([]);
    expect(again.cells[0]!.results[0]!.rows).toEqual([[3]]);
    expect((await runner.run({ cell: 1 })).cells[1]!.errors).toEqual([]);

    runner.update({ notebook: parseNotebook(notebook(reader)) });
    const gone = await runner.run();
    expect(gone.cells[0]!.errors.map((e) => e.message)).toEqual(["there is no table or view named 'top'"]);
  });

  it('leaves a table the cell did not make alone, though its text creates one of that name', async () => {
    const { runner } = runnerFor(notebook(sql('create or replace table orders as select * from orders where amount > 100'), sql('select count(*) as n from orders')));
    const first = await runner.run();
    // The cell ran, and says that the cells reading orders do not wait for it.
    expect(first.cells[0]!.errors).toEqual([]);
    expect(first.cells[0]!.warnings).toEqual([
      { line: 1, column: 25, message: "'orders' is a loaded table: the cells that read it wait for its file to load, not for this cell, so what they show depends on which ran last: give what this cell makes a name of its own" },
    ]);
    expect(first.cells[1]!.warnings).toBeUndefined();
    runner.update({ notebook: parseNotebook(notebook(sql('select count(*) as n from orders'))) });
    const report = await runner.run();
    expect(report.cells[0]!.errors).toEqual([]);
  });

  it('follows cells that move: adding, deleting or moving a cell makes nothing else stale or run again', async () => {
    const cells = [
      sql("select * from customers where country = 'US'", 'us'),
      sql('select count(*) as n from us'),
      sql('select count(*) as n from orders'),
    ];
    const { runner, ran, clear, events } = runnerFor(notebook(...cells));
    const first = await runner.run();
    const staled = () => events.flatMap((e) => (e.type === 'cell' && e.status === 'stale' ? [e.index] : []));
    for (const moved of [['# A note', ...cells], [cells[2]!, cells[0]!, cells[1]!], [cells[0]!, cells[1]!]]) {
      clear();
      runner.update({ notebook: parseNotebook(notebook(...moved)) });
      expect(staled()).toEqual([]);
      const report = await runner.run();
      expect(ran()).toEqual([]);
      expect(report.cells[moved.indexOf(cells[1]!)]!.results).toEqual(first.cells[1]!.results);
    }
  });

  it('runs again the cells a move gives another meaning: the later of two definitions of a name is the one in error', async () => {
    const [first, second] = [sql('select 1 as one', 'same'), sql('select 2 as two', 'same')];
    const { runner, events, clear } = runnerFor(notebook(first, second));
    const before = await runner.run();
    expect(before.cells.map((c) => c.status)).toEqual(['done', 'error']);
    clear();
    runner.update({ notebook: parseNotebook(notebook(second, first)) });
    expect(events.flatMap((e) => (e.type === 'cell' && e.status === 'stale' ? [e.index] : [])).sort()).toEqual([0, 1]);
    const after = await runner.run();
    expect(after.cells.map((c) => c.status)).toEqual(['done', 'error']);
    expect(after.cells[0]!.results).toEqual([]);
  });

  it('runs a split of one arm: every member of the segment is in it', async () => {
    const { runner } = runnerFor(notebook(seg('population customers key customer_id\nsegment older = age > 40\nsplit everybody = older into all 100%'), sql('select count(*) as n from "everybody.all"')));
    const report = await runner.run();
    expect(report.cells.flatMap((c) => c.errors)).toEqual([]);
    const [byHand] = (await engine.query("select count(*) from read_csv('" + join(FIXTURES, 'customers.csv') + "') where age > 40")).rows;
    expect(report.cells[0]!.results[0]!.rows.map((r) => [r[0], Number(r[1])])).toEqual([['all', Number(byHand![0])]]);
    expect(report.cells[1]!.results[0]!.rows.map((r) => Number(r[0]))).toEqual([Number(byHand![0])]);
  });

  it('runs SegQL cells that use each other\'s definitions, in any order; a cycle of names across cells is reported at each definition', async () => {
    const { runner, ran, clear } = runnerFor(
      notebook(
        seg('population customers key customer_id\nsegment older = age > 40\nsegment older_de = older and german'),
        seg("segment german = country = 'DE'\nsegment older_us = older and country = 'US'\ncompare older_de, older_us"),
      ),
    );
    const report = await runner.run();
    expect(report.cells.flatMap((c) => c.errors)).toEqual([]);
    const [byHand] = (await engine.query(`select count(*) filter (where country = 'DE'), count(*) filter (where country = 'US') from read_csv('${join(FIXTURES, 'customers.csv')}') where age > 40`)).rows;
    expect(report.cells[1]!.results[0]!.rows.map((r) => Number(r[1]))).toEqual(byHand!.map(Number));
    clear();
    expect((await runner.run()).ok).toBe(true);
    expect(ran()).toEqual([]);

    // A mistake in either cell's own statement leaves the other cell running, whichever runs first.
    for (const broken of [0, 1]) {
      const cells = [seg('population customers key customer_id\nsegment older = age > 40\ncompare older, german'), seg("segment german = country = 'DE'\ncompare german, older")];
      cells[broken] = cells[broken]!.replace('compare', 'compare nosuch,');
      const peers = await runnerFor(notebook(...cells)).runner.run();
      expect(peers.cells.map((c) => c.status)).toEqual(broken === 0 ? ['error', 'done'] : ['done', 'error']);
    }

    const cycle = runnerFor(notebook(seg('population customers key customer_id\nsegment a = b'), seg('segment b = a')));
    const cycled = await cycle.runner.run();
    expect(cycled.cells.map((c) => c.errors.map((e) => `${e.line}:${e.column} ${e.message}`))).toEqual([
      ["2:9 'a' depends on itself: a → b → a", "2:13 'b' cannot be used: its definition in cell 1 has an error"],
      ["1:9 'b' depends on itself: b → a → b", "1:13 'a' cannot be used: its definition in cell 0 has an error"],
    ]);
  });

  it('refuses a population whose key is on several rows, naming the key, and runs nothing that needs it', async () => {
    const { runner } = runnerFor(
      notebook(
        sql('select * from customers union all select * from customers where customer_id in (3, 5) union all select * from customers where customer_id = 5', 'doubled'),
        seg('population doubled key customer_id'),
        seg('segment everyone_again of doubled = true\ncompare everyone_again'),
      ),
    );
    const report = await runner.run();
    expect(report.cells[1]!.errors).toEqual([
      {
        message:
          'the key customer_id is not unique: 5 is on 3 rows of doubled (2 keys are on more than one row), and a population has one row per entity: remove the repeats (in a SQL view, with GROUP BY or DISTINCT) or choose another key',
        line: 1,
        column: 24,
      },
    ]);
    expect(report.cells[2]!.status).toBe('error');
    expect(report.cells[2]!.results).toEqual([]);

    runner.update({ notebook: parseNotebook(notebook(sql('select distinct * from customers', 'doubled'), seg('population doubled key customer_id'), seg('segment everyone_again of doubled = true\ncompare everyone_again'))) });
    const fixed = await runner.run();
    expect(fixed.cells.flatMap((c) => c.errors)).toEqual([]);
    expect(fixed.cells[2]!.results[0]!.rows[0]).toEqual(['everyone_again', 6, 1]);
  });

  it('checks a population\'s key once per version of its data, not on every edit of its cell', async () => {
    const own = await startNodeEngine();
    try {
      let checks = 0;
      const counting = withQuery(own, (text, options) => {
        if (text.startsWith("SELECT 'the key")) checks++;
        return own.query(text, options);
      });
      const cell = (age: number) => seg(`population customers key customer_id\nsegment older = age > ${age}\ncompare older`);
      const { runner } = runnerFor(notebook(cell(30)), { engine: counting });
      await runner.run();
      runner.update({ notebook: parseNotebook(notebook(cell(31))) });
      const edited = await runner.run();
      expect(edited.cells[0]!.errors).toEqual([]);
      expect(checks).toBe(1);
      runner.update({ notebook: parseNotebook(notebook(sql('insert into customers select * from customers where customer_id = 2'), cell(31))) });
      const repeated = await runner.run();
      expect(checks).toBe(2);
      expect(repeated.cells[1]!.errors[0]!.message).toMatch(/^the key customer_id is not unique: 2 is on 2 rows of customers/);
    } finally {
      await own.close();
    }
  }, 60_000);

  it('places a SQL error DuckDB gives no position for at the name it quotes, in a view too', async () => {
    const { runner } = runnerFor(notebook(sql('select country,\n  age,\n  agee + 1 as x from customers'), sql('select 1 as one,\n  nope from customers', 'v')));
    const report = await runner.run();
    expect(report.cells.map((c) => c.errors.map((e) => [e.line, e.column]))).toEqual([[[3, 3]], [[2, 3]]]);
  });

  it("words DuckDB's missing table and column in the analyst's terms, with a suggestion only when it is near", async () => {
    const { runner } = runnerFor(
      notebook(
        sql('select * from custmers'), sql('select * from nothing_like_it'), sql('select contry from customers'), sql('select zzzzzz from customers'),
        seg('population customers key customer_id\npartition tier { old: age > 60  young: otherwise }'), sql('select count(*) from tier.old'), sql('select * from main.nothing'),
      ),
    );
    const report = await runner.run();
    expect(report.cells.map((c) => c.errors.map((e) => e.message))).toEqual([
      ["there is no table or view named 'custmers' — did you mean 'customers'?"],
      ["there is no table or view named 'nothing_like_it'"],
      ["no table in FROM has a column 'contry' — did you mean 'country'?"],
      ["no table in FROM has a column 'zzzzzz'"],
      [],
      ['there is no table or view named \'old\': a part\'s or arm\'s view is one name in double quotes, "tier.old"'],
      ["there is no table or view named 'nothing'"],
    ]);
  });

  it('makes every SegQL cell stale when a population or the as-of date changes, though none names it', async () => {
    const cells = [seg('population customers key customer_id'), seg('segment adults = age >= 18\ncompare adults'), sql('select 1 as one')];
    const { runner, events, clear } = runnerFor(notebook(...cells));
    await runner.run();
    const staled = () => events.flatMap((e) => (e.type === 'cell' && e.status === 'stale' ? [e.index] : []));

    clear();
    runner.update({ notebook: parseNotebook(notebook(...cells, seg('population buyers = customers key customer_id'))) });
    expect(staled()).toEqual([0, 1, 3]);
    const report = await runner.run();
    expect(report.cells[1]!.errors[0]!.message).toMatch(/several populations/);

    clear();
    runner.update({ notebook: parseNotebook(notebook(...cells, seg('asof 2020-01-01'))) });
    expect(staled()).toEqual([0, 1, 3]);

    clear();
    runner.update({ notebook: parseNotebook(notebook(...cells, seg('asof 2020-01-01'), sql('select 2 as two'))) });
    expect(staled()).toEqual([4]);
  });

  it('on an edit reads only the edited cell again, and the front matter only when its text changed', () => {
    const read: number[] = [];
    const sqlRead: string[] = [];
    const compiler: typeof segql = {
      ...segql,
      cellDefinitions: (program, cell) => (read.push(cell), segql.cellDefinitions(program, cell)),
      sqlReferences: (text) => (sqlRead.push(text), segql.sqlReferences(text)),
    };
    const parsed = vi.mocked(readFrontMatter);
    const runner = new NotebookRunner({ engine, compiler, resolveData: (path) => ({ kind: 'path', path: join(FIXTURES, path) }) });
    const cells = ['# Intro', seg('population customers key customer_id\nsegment adults = age >= 18'), sql('select count(*) as n from adults'), seg('segment seniors = age >= 65')];
    const update = (...edited: string[]) => {
      [read, sqlRead].forEach((list) => list.splice(0));
      parsed.mockClear();
      runner.update({ notebook: parseNotebook(notebook(...edited)) });
    };
    update(...cells);
    expect([read, sqlRead.length, parsed.mock.calls.length]).toEqual([[1, 3], 1, 1]);

    update(cells[0]!, cells[1]!, cells[2]!, cells[3]!.replace('65', '70'));
    expect([read, sqlRead, parsed.mock.calls.length]).toEqual([[3], [], 0]);
    const graph = runner.graph;

    update('# Introduction', cells[1]!, cells[2]!, cells[3]!.replace('65', '70'));
    expect([read, sqlRead, parsed.mock.calls.length]).toEqual([[], [], 0]);
    expect(runner.graph).toBe(graph);

    // Moved cells keep their symbols; the graph follows them.
    update(cells[0]!, cells[1]!, cells[3]!.replace('65', '70'), cells[2]!);
    expect([read, sqlRead, parsed.mock.calls.length]).toEqual([[], [], 0]);
    expect(runner.graph.upstream).toEqual([[], [], [], [1]]);

    parsed.mockClear();
    runner.update({ notebook: { ...parseNotebook(notebook(...cells)), frontMatter: 'title: Renamed\ndata:\n  customers: customers.csv\n' } });
    expect(parsed.mock.calls.length).toBe(1);
    expect(runner.graph.tables[1]).toEqual(['customers']);
  });

  it('reads a data file added after the notebook opened, though the front matter did not change', async () => {
    const added = new Map<string, string>();
    const runner = new NotebookRunner({
      engine,
      compiler: segql,
      resolveData: (path) => ({ kind: 'path', path: added.get(path) ?? join(FIXTURES, 'nowhere', path) }),
    });
    const text = '---\ndata:\n  customers: customers.csv\n---\n\n';
    runner.update({ notebook: parseNotebook(text + sql('select count(*) as n from customers') + '\n') });
    expect((await runner.run()).cells[0]!.status).toBe('error');
    added.set('customers.csv', join(FIXTURES, 'customers.csv'));
    runner.update({ notebook: parseNotebook(text + sql('select count(*) as rows from customers') + '\n') });
    const report = await runner.run();
    expect(report.cells[0]!.errors).toEqual([]);
    expect(report.cells[0]!.results[0]!.rows).toEqual([[6]]);
  });

  it('keeps results when cells move, and drops the view of a renamed SQL cell', async () => {
    const view = sql('select customer_id from customers where age > 60', 'seniors');
    const query = sql('select count(*) as n from seniors');
    const { runner, ran, clear } = runnerFor(notebook(view, query));
    await runner.run();
    clear();
    runner.update({ notebook: parseNotebook(notebook('# A new first cell', query, view)) });
    const moved = await runner.run();
    expect(ran()).toEqual([]);
    expect(moved.cells[1]!.results[0]!.rows).toEqual([[2]]);

    runner.update({ notebook: parseNotebook(notebook(view.replace('seniors', 'elders'), query)) });
    const renamed = await runner.run();
    expect(renamed.cells[1]!.errors[0]!.message).toMatch(/seniors/);
    expect((await engine.catalog()).tables.map((t) => t.name)).not.toContain('seniors');
  });

  it('stops at a cancel and leaves the cells it did not finish stale', async () => {
    const { runner } = runnerFor(notebook(sql('select 1 as a'), sql('select 2 as b'), sql('select 3 as c')));
    const controller = new AbortController();
    runner.on((e) => {
      if (e.type === 'cell' && e.index === 0 && e.status === 'done') controller.abort();
    });
    const report = await runner.run({ signal: controller.signal });
    expect(report.cancelled).toBe(true);
    expect(report.ok).toBe(false);
    expect(report.cells.map((c) => c.status)).toEqual<CellStatus[]>(['done', 'stale', 'stale']);
  });

  it('reports SegQL errors at their place and keeps dependents from running', async () => {
    const { runner } = runnerFor(
      notebook(seg('population customers key customer_id\nsegment old = agee > 60'), sql('select count(*) from old'), sql('select 1 as fine')),
    );
    const report = await runner.run();
    expect(report.cells[0]!.errors).toEqual([{ message: expect.stringContaining("did you mean 'age'"), line: 2, column: 15 }]);
    expect(report.cells[1]!.errors).toEqual([{ message: "'old' comes from cell 0, which has errors", line: 1, column: 22 }]);
    expect(report.cells[2]!.status).toBe('done');
    expect(report.ok).toBe(false);
  });

  it('a let refused for taking a column\'s name blocks no cell that reads the column, and a cell that uses a broken let still waits', async () => {
    const { runner } = runnerFor(
      notebook(
        seg('population customers key customer_id\nsegment old = age > 60\ncompare old on avg(age)'),
        seg('let age = 1\nlet spend = 2 + agee'),
        seg('segment rich = spend > 1\ncompare rich'),
      ),
    );
    const report = await runner.run();
    expect(report.cells[0]!.status).toBe('done');
    expect(report.cells[0]!.results).toHaveLength(1);
    expect(report.cells[1]!.errors.map((e) => e.message)).toEqual(["'age' is already a column of customers: choose another name", expect.stringContaining("unknown column 'agee'")]);
    expect(report.cells[2]!.errors).toEqual([{ message: "'spend' comes from cell 1, which has errors", line: 1, column: 16 }]);
  });

  it('reports a SQL view named like an existing name, and a cycle between cells', async () => {
    const { runner } = runnerFor(
      notebook(sql('select 1 as x', 'orders'), sql('select * from b', 'a'), sql('select * from a', 'b')),
    );
    const report = await runner.run();
    expect(report.cells[0]!.errors[0]!.message).toBe("'orders' is already a table loaded by the notebook");
    // Each at the name that closes the cycle, once: not again as "which has errors".
    expect(report.cells[1]!.errors).toEqual([{ message: "'b' comes from cell 2, which depends on this cell: a cycle between cells 1 and 2", line: 1, column: 15 }]);
    expect(report.cells[2]!.errors).toEqual([{ message: "'a' comes from cell 1, which depends on this cell: a cycle between cells 1 and 2", line: 1, column: 15 }]);
  });

  it('takes the reference date from --asof, then the asof statement, then the front matter, then today', async () => {
    const text = notebook(seg('asof 2024-03-31\npopulation customers key customer_id'));
    expect((await runnerFor(text, { asof: '2023-01-01' }).runner.run()).asof).toBe('2023-01-01');
    expect((await runnerFor(text).runner.run()).asof).toBe('2024-03-31');
    expect((await runnerFor(notebook(sql('select 1 as x'))).runner.run()).asof).toBe('2024-06-30');
    expect((await runnerFor('```sql\nselect 1 as x\n```\n', { today: '2031-05-06' }).runner.run()).asof).toBe('2031-05-06');
  });

  it('sets no date from an asof statement whose date is not on the calendar: the front matter holds, and only that cell has an error', async () => {
    const report = await runnerFor(notebook(seg('population customers key customer_id\nlet d = days_since(2024-06-01)\ncompare everyone on avg(d)'), seg('asof 2024-02-30'))).runner.run();
    expect(report.asof).toBe('2024-06-30');
    expect(report.cells[0]!.errors).toEqual([]);
    expect(report.cells[0]!.results[0]!.rows[0]![3]).toBe(29);
    expect(report.cells[1]!.errors.map((e) => e.message)).toEqual(["'2024-02-30' is not a date on the calendar"]);
  });

  it("reaches the population's column inside an aggregate as POPULATION.column where the link has a column of that name", async () => {
    const { runner } = runnerFor(
      notebook(
        sql("select *, case when amount > 200 then 'US' else 'DE' end as country from orders", 'shipped'),
        seg('population customers key customer_id\nlink shipped on customer_id time order_date\nlet home = count(shipped where country = customers.country)\nlet de = count(shipped where country = \'DE\')\nshow everyone'),
        sql('select c.customer_id, count(s.order_id) filter (where s.country = c.country) as home from customers c left join shipped s using (customer_id) group by 1 order by 1', 'by_hand'),
      ),
    );
    const report = await runner.run();
    expect(report.cells.flatMap((c) => c.errors)).toEqual([]);
    const shown = report.cells[1]!.results[0]!;
    const [key, home] = [shown.columns.indexOf('customer_id'), shown.columns.indexOf('home')];
    const byHand = await engine.query('select customer_id, home from by_hand order by 1');
    expect(shown.rows.map((r) => [r[key], r[home]]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(byHand.rows);
    expect(byHand.rows.some((r) => Number(r[1]) > 0)).toBe(true);
  });

  it("runs a SQL cell whose column alias is a let's name, though that let's cell has an error", async () => {
    const { runner } = runnerFor(notebook(seg('population customers key customer_id\nlet score = 1\nsegment bad = nosuchcol > 1'), sql('select 42 as score')));
    const report = await runner.run();
    expect(report.cells[0]!.status).toBe('error');
    expect(report.cells[1]!.status).toBe('done');
    expect(report.cells[1]!.results[0]!.rows).toEqual([[42]]);
  });

  it("runs a SQL cell whose column alias is a segment's name, though that segment's cell has an error", async () => {
    const { runner } = runnerFor(notebook(seg('population customers key customer_id\nsegment vip = nosuchcol > 1'), sql('select 42 as vip')));
    const report = await runner.run();
    expect(report.cells[0]!.status).toBe('error');
    expect(report.cells[1]!.status).toBe('done');
    expect(report.cells[1]!.results[0]!.rows).toEqual([[42]]);
  });

  it('says when the front matter is never closed, and says no more once it is', async () => {
    const text = '---\ntitle: Test\ndata:\n  customers: customers.csv\n\n' + sql('select 1 as ok') + '\n';
    const { runner } = runnerFor(text);
    const report = await runner.run();
    expect(report.problems).toEqual([
      "the front matter has no closing '---' line, so it is shown as text and its settings (title, asof, data) are not used: add a line '---' after it",
    ]);
    expect(report.cells[1]!.status).toBe('done');
    runner.update({ notebook: parseNotebook(text.replace('customers.csv\n', 'customers.csv\n---\n')) });
    expect((await runner.run()).problems).toEqual([]);
  });

  it('takes a rule at the top of the text, with no key after it, for text', async () => {
    const { runner } = runnerFor('---\n\nJust a rule, then words.\n\n' + sql('select 1 as ok') + '\n');
    expect((await runner.run()).problems).toEqual([]);
  });

  it('names a missing or malformed data file in the error of every cell that reads it', async () => {
    const text = '---\ndata:\n  customers: broken.csv\n  orders: nowhere.csv\n---\n\n' + [sql('select * from customers'), sql('select * from orders'), sql('select 1 as ok')].join('\n\n') + '\n';
    const { runner } = runnerFor(text);
    const report = await runner.run();
    expect(report.problems).toHaveLength(2);
    expect(report.problems[0]).toBe('cannot read broken.csv: line 3: expected 3 columns, found 5');
    expect(report.problems[1]).toMatch(/^cannot read nowhere\.csv: /);
    expect(report.cells[0]!.errors[0]!.message).toMatch(/table 'customers' is not available: cannot read broken\.csv/);
    expect(report.cells[1]!.errors[0]!.message).toMatch(/cannot read nowhere\.csv/);
    expect(report.cells[2]!.status).toBe('done');
  });

  it('reads delimited text with reader options from the front matter', async () => {
    const text =
      '---\ndata:\n  events:\n    path: semicolons.txt\n    delimiter: ";"\n    skip: 1\n    header: false\n    names: [id, label, happened]\n    dateformat: "%d/%m/%Y"\n---\n\n' +
      sql('select id, label, happened from events order by id') +
      '\n';
    const report = await runnerFor(text).runner.run();
    expect(report.cells[0]!.errors).toEqual([]);
    expect(report.cells[0]!.results[0]!.rows).toEqual([
      [1, 'first', '2024-01-03'],
      [2, 'second', '2024-02-15'],
    ]);
  });

  it('loads JSON lines by the file extension', async () => {
    const text = '---\ndata:\n  events: events.jsonl\n---\n\n' + sql('select id, kind from events order by id') + '\n';
    const report = await runnerFor(text).runner.run();
    expect(report.cells[0]!.results[0]!.rows).toEqual([
      [1, 'click'],
      [2, 'view'],
    ]);
  });
});
