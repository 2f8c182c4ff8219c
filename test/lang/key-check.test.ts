// A population's key must be on one row each (spec §3): the compiled cell checks it over the data,
// unless the catalog knows the column repeats no value (a prebuilt table's facts).
import { describe, expect, it } from 'vitest';
import { buildProgram, compileCell, type Catalog } from '../../src/lang/index.ts';
import { ASOF, retailCatalog } from './fixtures.ts';

function checks(source: string, catalog: Catalog): string[] {
  const program = buildProgram([{ index: 0, source }]);
  return compileCell(program, 0, catalog, { asof: ASOF }).statements.filter((s) => s.kind === 'check').map((s) => s.sql);
}

function withUnique(table: string, column: string): Catalog {
  return {
    tables: retailCatalog.tables.map((t) => (t.name === table ? { ...t, columns: t.columns.map((c) => (c.name === column ? { ...c, unique: true } : c)) } : t)),
  };
}

describe("the check that a population's key is on one row each", () => {
  it('is compiled when the catalog does not know the key is unique', () => {
    expect(checks('population customers key customer_id', retailCatalog)).toEqual([expect.stringContaining('is not unique')]);
  });

  it('is left out when the catalog knows the key column repeats no value, with or without a where', () => {
    const catalog = withUnique('customers', 'customer_id');
    expect(checks('population customers key customer_id', catalog)).toEqual([]);
    expect(checks("population customers key customer_id where country = 'DE'", catalog)).toEqual([]);
  });

  it('is compiled when another column of the table is the unique one', () => {
    expect(checks('population orders key customer_id', withUnique('orders', 'order_id'))).toHaveLength(1);
  });
});
