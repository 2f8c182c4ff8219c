import { describe, expect, it } from 'vitest';
import { buildProgram, cellReferences } from '../../src/lang/index.ts';

describe("a cell's references, for the cell graph", () => {
  it('mark the names of tables and views (a population or link reads them); every other name is a definition or a column', () => {
    const program = buildProgram([{ index: 0, source: "population c = recent key id\nlink big_orders as o on id\nsegment us = country = 'US' and count(o) > 1\ncompare us" }]);
    expect(cellReferences(program, 0).map((r) => (r.table ? `table ${r.name}` : r.name))).toEqual(['table recent', 'table big_orders', 'country', 'o', 'us']);
  });
});
