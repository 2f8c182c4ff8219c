import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine } from '../../src/engine/types.ts';
import type { SegCompiler } from '../../src/notebook/compiler.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import type { RunReport } from '../../src/notebook/runner.ts';
import { NotebookRunner } from '../../src/notebook/runner.ts';
import { segql } from '../../src/notebook/segql.ts';
import { withQuery } from './engine-spy.ts';
import { mayChangeData } from '../../src/notebook/value-cache.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const BUILD = /^CREATE OR REPLACE TEMP TABLE "customers values"/;
let shared: Engine;

beforeAll(async () => {
  shared = await startNodeEngine();
}, 60_000);
afterAll(async () => {
  await shared?.close();
});

const front = '---\ntitle: Values\nasof: 2024-06-30\ndata:\n  customers: customers.csv\n  orders: orders.csv\n---\n\n';
const seg = (code: string) => '```seg\n' + code + '\n```';
const sql = (code: string, name?: string) => '```sql' + (name ? ` ${name}` : '') + '\n' + code + '\n```';
const notebook = (...cells: string[]) => parseNotebook(front + cells.join('\n\n') + '\n');

const POPULATION = seg('population customers key customer_id\nlink orders on customer_id time order_date\nlet spend = sum(orders.amount)\nlet bought = count(orders)');

/** The same compiler with every population's values computed in each statement, as before values tables. */
const fullPipelines: SegCompiler<unknown> = {
  ...(segql as SegCompiler<unknown>),
  compileCell: (program, cell, catalog, options) => (segql as SegCompiler<unknown>).compileCell(program, cell, catalog, { ...options, values: false }),
};

/** The engine, with every statement it is asked to run written down. */
function recording(engine: Engine): { engine: Engine; queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    engine: withQuery(engine, (text, options) => {
      queries.push(text);
      return engine.query(text, options);
    }),
  };
}

function runnerOn(engine: Engine, compiler: SegCompiler<unknown> = segql as SegCompiler<unknown>) {
  return new NotebookRunner({ engine, compiler, resolveData: (path) => ({ kind: 'path', path: join(FIXTURES, path) }), today: () => '2030-01-01' });
}

const rows = (report: RunReport, cell: number, result = 0) => report.cells[cell]!.results[result]!.rows;
const errors = (report: RunReport) => report.cells.flatMap((c) => c.errors.map((e) => `cell ${c.index}: ${e.message}`));

describe("the notebook's values tables", () => {
  it('are built once and read by statements and views while only segments change', async () => {
    const { engine, queries } = recording(shared);
    const runner = runnerOn(engine);
    const segments = (threshold: number) => seg(`segment big = spend > ${threshold}\ncompare big, everyone on avg(spend), sum(bought) as orders`);
    runner.update({ notebook: notebook(POPULATION, segments(100), sql('select count(*) as n, sum(spend) as spend from big')) });
    let report = await runner.run();
    expect(errors(report)).toEqual([]);
    expect(queries.filter((q) => BUILD.test(q))).toHaveLength(1);
    const shown = report.cells[1]!.sql;
    expect(shown.findIndex((s) => BUILD.test(s))).toBe(0);
    expect(shown.slice(1).every((s) => s.includes('FROM "customers values"'))).toBe(true);

    const full = runnerOn(shared, fullPipelines);
    for (const threshold of [1000, 50]) {
      full.update({ notebook: notebook(POPULATION, segments(threshold), sql('select count(*) as n, sum(spend) as spend from big')) });
      const expected = await full.run();
      runner.update({ notebook: notebook(POPULATION, segments(threshold), sql('select count(*) as n, sum(spend) as spend from big')) });
      report = await runner.run({ cell: 1 });
      expect(errors(report)).toEqual([]);
      expect(rows(report, 1)).toEqual(rows(expected, 1));
      expect(rows(report, 2)).toEqual(rows(expected, 2));
    }
    expect(queries.filter((q) => BUILD.test(q))).toHaveLength(1);
  });

  it("say why one failed to build, not that the views put off after the results miss it", async () => {
    const runner = runnerOn(shared);
    const cell = seg('let huge = customer_id * 9223372036854775807\nsegment big = huge > 0\nsegment some = spend > 0\ncompare some');
    runner.update({ notebook: notebook(POPULATION, cell, sql('select count(*) as n from some')) });
    const report = await runner.run();
    expect(report.cells[1]!.errors).toEqual([{ message: expect.stringMatching(/^'huge' cannot be computed: the multiplication .* is too large for whole numbers of type BIGINT/), line: 1, column: 5 }]);
    expect(errors(report)).toEqual([expect.any(String), "cell 2: 'some' comes from cell 1, which has errors"]);
  });

  it('name the let of another cell that fails to be computed, where a statement reads it', async () => {
    const runner = runnerOn(shared);
    runner.update({ notebook: notebook(POPULATION, seg('let huge = customer_id * 9223372036854775807'), seg('segment some = spend > 0\ncompare some')) });
    const report = await runner.run();
    expect(report.cells[1]!.errors).toEqual([]);
    expect(report.cells[2]!.errors).toEqual([{ message: expect.stringMatching(/^'huge' \(cell 1, line 1\) cannot be computed: the multiplication/), line: 1, column: 1 }]);
  });

  it('give new values after a let is edited or the as-of date moves', async () => {
    const { engine, queries } = recording(shared);
    const runner = runnerOn(engine);
    const compare = seg('compare everyone on sum(spend) as spend, sum(bought) as orders');
    runner.update({ notebook: notebook(POPULATION, compare) });
    const before = await runner.run();
    expect(rows(before, 1)).toEqual([['everyone', 6, 1, 3065.74, 7]]);

    runner.update({ notebook: notebook(POPULATION.replace('sum(orders.amount)', 'sum(orders.amount) * 2'), compare) });
    const doubled = await runner.run();
    expect(rows(doubled, 1)).toEqual([['everyone', 6, 1, 6131.48, 7]]);

    runner.update({ notebook: notebook(POPULATION, compare), asof: '2024-01-31' });
    const earlier = await runner.run();
    const full = runnerOn(shared, fullPipelines);
    full.update({ notebook: notebook(POPULATION, compare), asof: '2024-01-31' });
    expect(rows(earlier, 1)).toEqual(rows(await full.run(), 1));
    expect(rows(earlier, 1)).not.toEqual(rows(before, 1));
    expect(queries.filter((q) => BUILD.test(q))).toHaveLength(3);
  });

  it('are never read stale after a SQL cell writes to a table they read, by statements or through views', async () => {
    const own = await startNodeEngine();
    try {
      const { engine, queries } = recording(own);
      const runner = runnerOn(engine);
      const cells = (amount: number) => [
        POPULATION,
        seg('segment buyers = bought > 0\ncompare everyone on sum(spend) as spend'),
        sql(`insert into orders values (${amount}, 3, DATE '2024-02-01', ${amount})`),
        seg('compare everyone on sum(spend) as spend, sum(bought) as orders'),
        sql('select sum(spend) as spend from buyers'),
      ];
      runner.update({ notebook: notebook(...cells(1000)) });
      let report = await runner.run();
      expect(errors(report)).toEqual([]);
      const spendOf = (cell: number) => Number(rows(report, cell)[0]![cell === 4 ? 0 : 3]);
      expect(spendOf(1)).toBeCloseTo(3065.74, 6);
      expect(spendOf(3)).toBeCloseTo(4065.74, 6);
      expect(spendOf(4)).toBeCloseTo(4065.74, 6);

      // Run again: the insert runs again only because the whole notebook is asked for; reads follow it.
      runner.update({ notebook: notebook(...cells(2000)) });
      report = await runner.run();
      expect(errors(report)).toEqual([]);
      expect(spendOf(1)).toBeCloseTo(4065.74, 6);
      expect(spendOf(3)).toBeCloseTo(6065.74, 6);
      expect(spendOf(4)).toBeCloseTo(6065.74, 6);

      // A run of the insert alone: no statement reads the table afterwards, the view still must not lag.
      runner.update({ notebook: notebook(...cells(3000)) });
      report = await runner.run({ cell: 2 });
      expect(errors(report)).toEqual([]);
      const view = await own.query('select sum(spend) from buyers');
      expect(Number(view.rows[0]![0])).toBeCloseTo(9065.74, 6);
      expect(queries.filter((q) => BUILD.test(q)).length).toBeGreaterThanOrEqual(3);
    } finally {
      await own.close();
    }
  }, 60_000);

  it('leave trend to compute each date, and give every statement the results of the full pipeline', async () => {
    const cells = [
      seg(
        'population customers key customer_id where age > 20\nlink orders to customers on customer_id time order_date\nlet spend of customers = sum(orders.amount)\n' +
          'let recent of customers = count(orders within 6 months)\nlet older of customers = age >= 60\nlet value of customers = case when recent > 0 then spend / recent end',
      ),
      seg('population shipments = orders key order_id\nlet large of shipments = amount > 200'),
      seg(
        'segment big of customers = spend > 100\nsegment busy of customers = big and recent >= 1\npartition tier of customers { gold: spend > 1000  base: otherwise }\n' +
          "split test = big into a 50%, b 50% seed 's'\nlet spend_rank of customers = quantile(2, spend)\nsegment large_shipments of shipments = large",
      ),
      seg('compare big, busy, customers on avg(spend), sum(value) as value, max(spend_rank) as rank by country'),
      seg('overlap big, busy, tier.gold\nprofile big\nshow busy limit 5'),
      seg('compare large_shipments, shipments on sum(amount)\nexpect size(big) >= 1 and size(large_shipments) >= 1'),
      seg('trend big, busy every 1 month from 2024-01-31 to 2024-06-30'),
      // Statements after the table's first use may add aggregates and quantiles of their own.
      seg('compare big, busy on avg(count(orders where amount > 50)) as big_orders, max(quantile(3, recent)) as recent_rank'),
    ];
    const on = runnerOn(shared);
    on.update({ notebook: notebook(...cells) });
    const withValues = await on.run();
    expect(errors(withValues)).toEqual([]);
    const off = runnerOn(shared, fullPipelines);
    off.update({ notebook: notebook(...cells) });
    const without = await off.run();
    expect(errors(without)).toEqual([]);
    for (const cell of [2, 3, 4, 5, 6, 7]) expect(withValues.cells[cell]!.results).toEqual(without.cells[cell]!.results);
    expect(withValues.cells[3]!.sql.join('\n')).toContain('FROM "customers values"');
    expect(withValues.cells[5]!.sql.join('\n')).toContain('FROM "shipments values"');
    expect(withValues.cells[6]!.sql.join('\n')).not.toContain('values"');
    // The quantile ranks the whole population the table holds: it is kept there, not ranked again per statement.
    const built = withValues.cells.flatMap((c) => c.sql).find((s) => s.startsWith('CREATE OR REPLACE TEMP TABLE "customers values"'));
    expect(built).toContain('AS "spend_rank"');
    expect(withValues.cells[3]!.sql.filter((s) => !s.startsWith('CREATE OR REPLACE TEMP TABLE')).join('\n')).not.toContain(' OVER ');
  }, 30_000);
});

describe('SQL that may change data', () => {
  it('is anything but statements that only read', () => {
    expect(mayChangeData('select * from orders')).toBe(false);
    expect(mayChangeData("with t as (select 1) select * from t where note = 'insert into x'")).toBe(false);
    expect(mayChangeData('-- update the figures\nsummarize orders;\n from "delete"')).toBe(false);
    expect(mayChangeData('insert into orders values (1)')).toBe(true);
    expect(mayChangeData('select 1; update orders set amount = 0')).toBe(true);
    expect(mayChangeData('with t as (select 1) insert into orders select * from t')).toBe(true);
    expect(mayChangeData('create or replace table orders as select * from orders limit 1')).toBe(true);
    expect(mayChangeData('set threads = 1')).toBe(true);
  });
});

describe('rows whose key is null', () => {
  /** Four rows, two of them without a key; an order each for keys 1 and 2, and one whose key is null. */
  const people = [
    '---\nasof: 2024-06-30\n---',
    sql("select * from (values (1, 'a'), (2, 'b'), (null, 'c'), (null, 'd')) t(id, grp)", 'people'),
    sql('select * from (values (1, 10.0), (2, 5.0), (null, 7.0)) t(id, amount)', 'buys'),
    seg('population people key id\nlink buys on id\nlet spend = sum(buys.amount)\nsegment named = grp is not null\nsplit test = named into a 50%, b 50%\ncompare everyone, named on sum(spend)\nexpect size(everyone) = 2'),
  ].join('\n\n');

  for (const [mode, compiler] of [['read from the values table', segql as SegCompiler<unknown>], ['computed in each statement', fullPipelines]] as const) {
    it(`are no entity: not in everyone, in no split's arm (${mode})`, async () => {
      const runner = runnerOn(shared, compiler);
      runner.update({ notebook: parseNotebook(people + '\n') });
      const report = await runner.run();
      expect(errors(report)).toEqual([]);
      const [split, compare, expectation] = report.cells[2]!.results;
      expect(split!.rows.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(2);
      // segment, size, share, sum(spend)
      expect(compare!.rows.map((row) => row.map((v) => (typeof v === 'string' ? v : Number(v))))).toEqual([['everyone', 2, 1, 15], ['named', 2, 1, 15]]);
      expect(expectation!.rows[0]![1]).toBe(true);
    });
  }
});
