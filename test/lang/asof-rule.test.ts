import { describe, expect, it } from 'vitest';
import { buildProgram, compileCell, type Catalog } from '../../src/lang/index.ts';
import { ASOF, retailCatalog } from './fixtures.ts';

const program = buildProgram([{ index: 0, source: 'population customers key customer_id\nlink orders on customer_id time order_date\nsegment buyers = count(orders) > 0' }]);

function viewSql(catalog: Catalog): string {
  return compileCell(program, 0, catalog, { asof: ASOF }).statements.map((s) => s.sql).join('\n');
}

function withNullFreeOrderDates(): Catalog {
  return {
    tables: retailCatalog.tables.map((t) =>
      t.name === 'orders' ? { ...t, columns: t.columns.map((c) => (c.name === 'order_date' ? { ...c, hasNulls: false } : c)) } : t,
    ),
  };
}

describe('the as-of rule in SQL (spec §4)', () => {
  it('keeps rows without a time when the catalog does not know the time column is free of NULLs', () => {
    expect(viewSql(retailCatalog)).toContain(`WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL\n`);
  });

  it('tests only the date when the engine knows the time column holds no NULL', () => {
    const sql = viewSql(withNullFreeOrderDates());
    expect(sql).toContain(`WHERE l."order_date" <= DATE '2024-06-30'\n`);
    expect(sql).not.toContain('IS NULL');
  });
});
