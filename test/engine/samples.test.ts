// The committed sample data: it is what the generator writes, and it loads fast and joins cleanly.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine } from '../../src/engine/types.ts';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLES = join(ROOT, 'public/samples');
const TABLES = ['customers', 'orders', 'accounts', 'deals'];

describe('sample data', () => {
  it('is exactly what scripts/generate-sample-data.mjs writes', () => {
    const out = mkdtempSync(join(tmpdir(), 'segbook-samples-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'scripts/generate-sample-data.mjs'), '--out', out]);
      for (const table of TABLES) {
        expect(readFileSync(join(out, `${table}.csv`)).equals(readFileSync(join(SAMPLES, `${table}.csv`))), `${table}.csv is stale: run npm run samples`).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  describe('in the engine', () => {
    let engine: Engine;
    const loads = new Map<string, { rowCount: number; ms: number }>();
    beforeAll(async () => {
      engine = await startNodeEngine();
      for (const table of TABLES) {
        const started = performance.now();
        const { rowCount } = await engine.loadTable(table, { kind: 'path', path: join(SAMPLES, `${table}.csv`) });
        loads.set(table, { rowCount, ms: performance.now() - started });
      }
      console.log(`sample loads: ${[...loads].map(([table, { ms }]) => `${table} ${ms.toFixed(0)} ms`).join(', ')}`);
    });
    afterAll(async () => {
      await engine?.close();
    });

    // Well under a second each on a quiet machine (see the log line); the bound leaves room
    // for a busy 2-core machine running other test files at the same time.
    it('loads each file quickly, with the documented columns', async () => {
      for (const [table, { ms }] of loads) expect(ms, `${table} load`).toBeLessThan(5000);
      expect(loads.get('customers')?.rowCount).toBe(3000);
      expect(loads.get('accounts')?.rowCount).toBe(400);
      expect(loads.get('orders')?.rowCount).toBeGreaterThan(25_000);
      expect(loads.get('deals')?.rowCount).toBeGreaterThan(2_500);
      const types = Object.fromEntries((await engine.catalog()).tables.map((t) => [t.name, Object.fromEntries(t.columns.map((c) => [c.name, c.type]))]));
      expect(types.customers).toMatchObject({ customer_id: 'BIGINT', age: 'BIGINT', signup_date: 'DATE', email_opt_in: 'BOOLEAN', income: 'BIGINT', interest: 'VARCHAR' });
      expect(types.orders).toEqual({ order_id: 'BIGINT', customer_id: 'BIGINT', order_date: 'DATE', amount: 'DOUBLE', channel: 'VARCHAR', category: 'VARCHAR', discount: 'DOUBLE' });
      expect(types.accounts).toMatchObject({ account_id: 'BIGINT', employees: 'BIGINT', is_customer: 'BOOLEAN', created_on: 'DATE' });
      expect(types.deals).toMatchObject({ deal_id: 'BIGINT', created_on: 'DATE', closed_on: 'DATE', value: 'BIGINT', stage: 'VARCHAR' });
    });

    it('joins and aggregates: every order has its customer, spend is skewed', async () => {
      const started = performance.now();
      const { rows } = await engine.query(`
        WITH spend AS (
          SELECT c.customer_id, c.lifestyle, count(o.order_id) AS n, coalesce(sum(o.amount), 0) AS total
          FROM customers c LEFT JOIN orders o USING (customer_id)
          GROUP BY ALL
        )
        SELECT
          (SELECT count(*) FROM orders WHERE customer_id NOT IN (SELECT customer_id FROM customers)) AS orphans,
          count(*) FILTER (WHERE n = 0) AS without_orders,
          sum(total) FILTER (WHERE total >= (SELECT quantile_cont(total, 0.8) FROM spend)) / sum(total) AS top_fifth_share,
          count(DISTINCT lifestyle) AS lifestyles
        FROM spend`);
      console.log(`join + aggregate over the samples: ${(performance.now() - started).toFixed(0)} ms`);
      const [[orphans, withoutOrders, topFifthShare, lifestyles]] = rows as [[number, number, number, number]];
      expect(orphans).toBe(0);
      expect(withoutOrders).toBeGreaterThan(300);
      expect(topFifthShare).toBeGreaterThan(0.6);
      expect(lifestyles).toBe(5);
    });
  });
});
