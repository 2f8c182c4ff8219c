import { describe, expect, test } from 'vitest';
import { programWithCell } from '../../src/editor/context.ts';
import { buildProgram, compileCell, type Catalog } from '../../src/lang/index.ts';

const catalog: Catalog = {
  tables: [{ name: 'customers', columns: [{ name: 'customer_id', type: 'INTEGER' }, { name: 'country', type: 'VARCHAR' }] }],
};
const population = 'population customers key customer_id';

describe('programWithCell', () => {
  test('returns the notebook program itself when the cell is current', () => {
    const program = buildProgram([{ index: 0, source: population }, { index: 2, source: "segment us = country = 'US'" }]);
    expect(programWithCell(program, 2, "segment us = country = 'US'")).toBe(program);
  });

  test('substitutes the text the editor holds now, once per text', () => {
    const program = buildProgram([{ index: 0, source: population }, { index: 2, source: 'segment us = ' }]);
    const typed = "segment us = contry = 'US'";
    const current = programWithCell(program, 2, typed);
    expect(current.cells.map((c) => c.index)).toEqual([0, 2]);
    expect(programWithCell(program, 2, typed)).toBe(current);
    expect(compileCell(current, 2, catalog, { asof: '2024-06-30' }).diagnostics.map((d) => d.message)).toEqual([
      "unknown column 'contry' — did you mean 'country'?",
    ]);
  });

  test('adds a cell the notebook program does not have yet', () => {
    const program = buildProgram([{ index: 0, source: population }]);
    const current = programWithCell(program, 1, 'segment all_of_them = everyone');
    expect(current.definitions.map((d) => [d.name, d.cell])).toEqual([['customers', 0], ['all_of_them', 1]]);
  });
});
