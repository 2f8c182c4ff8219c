// `segbook sql --dialect postgres` prints SQL that gives the answers DuckDB's gives: every kind of
// statement, compiled both ways over the sample data, run on DuckDB (the project's Node engine)
// and on a real PostgreSQL (PGlite), compared value by value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine, Value } from '../../src/engine/types.ts';
import type { Catalog } from '../../src/lang/catalog.ts';
import { buildProgram, compileCell, duckdb, postgres, type CompiledStatement, type Program } from '../../src/lang/index.ts';

const SAMPLES = join(import.meta.dirname, '../../public/samples');
const TABLES = ['customers', 'orders'];
const ASOF = '2024-06-30';

/** DuckDB's types (as the catalog reads them) in PostgreSQL. */
const PG_TYPES: Record<string, string> = { BIGINT: 'bigint', INTEGER: 'integer', DOUBLE: 'double precision', VARCHAR: 'text', DATE: 'date', BOOLEAN: 'boolean', TIMESTAMP: 'timestamp' };

const CELLS = [
  `population customers key customer_id where age >= 18
link orders on customer_id time order_date
let spend = sum(orders.amount)
let orders_90d = count(orders within 90 days)
let web_orders = count(orders where channel = 'web' within 1 year)
let recency = days_since(max(orders.order_date))
let frequency = count(orders within 1 year)
let monetary = sum(orders.amount within 1 year)
let first_order = first(orders.order_date)
let first_amount = first(orders.amount)
let last_channel = last(orders.channel within 6 months)
let median_basket = median(orders.amount where discount > 0)
let categories = count_distinct(orders.category)
let tenure = days_between(signup_date, asof)
let signup_year = year(signup_date)
let renewal_month = month(signup_date + 1 month)
let age_digit = age % 7
let avg_basket = spend / count(orders)
let third = round(spend / 3, 1)
let r = quantile(5, recency desc)
let f = quantile(5, frequency)
let m = quantile(5, monetary)`,
  `segment big = spend > 2000
segment active = orders_90d > 0
segment young = age < 30
segment lapsed = max(orders.order_date) < asof - 6 months
segment uk_like = country ilike 'g%' or lower(city) like '%on'
partition tier {
  champions: r >= 4 and f >= 4 and m >= 4
  loyal: f >= 4 and m >= 3
  promising: r >= 4
  at_risk: r <= 2 and f >= 3
  hibernating: otherwise
}
split test = active into a 30%, b 30%, c 40% seed 'pg'`,
  `compare tier on avg(monetary) as spend_12m, avg(frequency), median(recency), sum(spend), min(first_order), max(tenure), pct(email_opt_in) as opted
compare big, active, young, lapsed, uk_like, everyone on count_distinct(country), median(spend), avg(avg_basket) by gender
compare tier.champions, big on pct(web_orders > 0), avg(third) by region
compare big, active, everyone on avg(spend), min(age), max(signup_date), sum(categories)
overlap big, active, young, lapsed
profile tier.champions
profile big vs active
trend tier.champions, big, lapsed every 6 months from 2023-06-30 to 2024-06-30
show lapsed limit 25
expect size(big) > 10 and share(active) < 0.9
expect size(test.a) > 0 and share(test.c) > 0.1`,
];

/** A cell value both engines agree on: numbers as numbers, dates as YYYY-MM-DD. */
function normal(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(value)) return Number(value);
  return value as Value;
}

function same(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

interface Table {
  columns: string[];
  rows: Value[][];
}

// Starting PGlite (a PostgreSQL in WebAssembly) takes a few seconds, many on a busy machine.
describe('the PostgreSQL dialect', { timeout: 120_000 }, () => {
  let engine: Engine;
  let pg: PGlite;
  let catalog: Catalog;
  let program: Program;

  beforeAll(async () => {
    [engine, pg] = await Promise.all([startNodeEngine(), PGlite.create()]);
    for (const table of TABLES) await engine.loadTable(table, { kind: 'path', path: join(SAMPLES, `${table}.csv`) });
    catalog = await engine.catalog();
    for (const table of TABLES) {
      const columns = catalog.tables.find((t) => t.name === table)!.columns;
      await pg.exec(`CREATE TABLE ${table} (${columns.map((c) => `"${c.name}" ${PG_TYPES[c.type]}`).join(', ')})`);
      const csv = readFileSync(join(SAMPLES, `${table}.csv`));
      await pg.query(`COPY ${table} FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob: new Blob([csv]) });
    }
    program = buildProgram(CELLS.map((source, index) => ({ index, source })));
  }, 120_000);

  afterAll(async () => {
    await Promise.all([engine?.close(), pg?.close()]);
  });

  async function onDuckDB(sql: string): Promise<Table> {
    const { columns, rows } = await engine.query(sql);
    return { columns, rows: rows.map((row) => row.map(normal)) };
  }

  async function onPostgres(sql: string): Promise<Table> {
    const result = await pg.query<unknown[]>(sql, [], { rowMode: 'array' });
    return { columns: result.fields.map((f) => f.name), rows: result.rows.map((row) => row.map(normal)) };
  }

  function compiled(cell: number): { duck: CompiledStatement[]; pg: CompiledStatement[] } {
    const duck = compileCell(program, cell, catalog, { asof: ASOF, dialect: duckdb, values: false });
    const pgCell = compileCell(program, cell, catalog, { asof: ASOF, dialect: postgres, values: false });
    expect(duck.diagnostics, `cell ${cell} on DuckDB`).toEqual([]);
    expect(pgCell.diagnostics, `cell ${cell} on PostgreSQL`).toEqual([]);
    expect(pgCell.statements.map((s) => s.kind)).toEqual(duck.statements.map((s) => s.kind));
    return { duck: duck.statements, pg: pgCell.statements };
  }

  it('gives every statement the same table, row by row', async () => {
    const kinds = new Set<string>();
    for (const cell of CELLS.keys()) {
      const { duck, pg: pgStatements } = compiled(cell);
      for (const [i, statement] of duck.entries()) {
        const label = `cell ${cell}: ${statement.kind === 'result' ? statement.statement : statement.kind} #${i + 1}`;
        kinds.add(statement.kind === 'result' ? statement.statement : statement.kind);
        const [want, got] = await Promise.all([onDuckDB(statement.sql), onPostgres(pgStatements[i]!.sql)]);
        // A view is made, not shown: its members are compared below.
        if (statement.kind === 'view') continue;
        expect(got.columns, label).toEqual(want.columns);
        expect(got.rows.length, label).toBe(want.rows.length);
        want.rows.forEach((row, r) => {
          row.forEach((value, c) => {
            if (!same(value, got.rows[r]![c]!)) expect.fail(`${label}, row ${r + 1}, ${want.columns[c]}: DuckDB ${JSON.stringify(value)}, PostgreSQL ${JSON.stringify(got.rows[r]![c])}`);
          });
        });
        if (statement.kind === 'result') expect(want.rows.length, `${label} has rows`).toBeGreaterThan(0);
      }
    }
    expect([...kinds].sort()).toEqual(['check', 'compare', 'expect', 'overlap', 'profile', 'show', 'split', 'trend', 'view']);
  });

  it('gives the views the same members', async () => {
    for (const view of ['big', 'tier.champions', 'test.a', 'test.c']) {
      const sql = `SELECT count(*) AS n, sum(customer_id) AS s FROM "${view}"`;
      expect((await onPostgres(sql)).rows, view).toEqual((await onDuckDB(sql)).rows);
    }
  });

  it('refuses a split whose key PostgreSQL writes as other text, at the statement', () => {
    const fractional: Catalog = { tables: [{ name: 'people', columns: [{ name: 'id', type: 'DOUBLE' }, { name: 'age', type: 'BIGINT' }] }] };
    const split = buildProgram([{ index: 0, source: 'population people key id\nsegment adults = age >= 18\nsplit test = adults into a 50%, b 50%' }]);
    const pgCell = compileCell(split, 0, fractional, { asof: ASOF, dialect: postgres, values: false });
    expect(pgCell.diagnostics.map((d) => [d.span.line, d.message])).toEqual([[3, expect.stringMatching(/^PostgreSQL writes a DOUBLE key as other text than DuckDB/)]]);
    expect(compileCell(split, 0, fractional, { asof: ASOF, dialect: duckdb, values: false }).diagnostics).toEqual([]);
  });
});
