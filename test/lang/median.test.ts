// Spec §10: median interpolates, the mean of the two middle values for an even count, whatever
// the kind of number: DuckDB's own median of a DECIMAL keeps its scale and cuts the mean to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine } from '../../src/engine/types.ts';
import { buildProgram, compileCell } from '../../src/lang/index.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
  await engine.query('CREATE TABLE people AS SELECT * FROM (VALUES (1, 1), (2, 2), (3, 3), (4, 4)) t(id, v)');
  await engine.query("CREATE TABLE visits AS SELECT * FROM (VALUES (1, DATE '2024-01-01', 1.01), (1, DATE '2024-01-02', 1.02), (2, DATE '2024-01-01', 7)) t(id, day, amount)");
});
afterAll(async () => {
  await engine?.close();
});

async function rows(statements: string): Promise<unknown[][]> {
  const source = `population people key id\nlink visits on id time day\n${statements}`;
  const compiled = compileCell(buildProgram([{ index: 0, source }]), 0, await engine.catalog(), { asof: '2024-06-30' });
  expect(compiled.diagnostics).toEqual([]);
  return (await engine.query(compiled.statements.at(-1)!.sql)).rows;
}

describe('median', () => {
  it('of DECIMAL values, as a metric, is the mean of the two middle values', async () => {
    const [row] = await rows('compare everyone on median(v * 0.5), median(v)');
    expect(row!.slice(-2)).toEqual([1.25, 2.5]);
  });

  it('of a link\'s DECIMAL values per entity is the mean of the two middle values', async () => {
    const shown = await rows('let middle = median(visits.amount)\nshow everyone');
    // A double: (1.01 + 1.02) / 2 is 1.0150000000000001 there.
    expect(shown[0]![2]).toBeCloseTo(1.015, 12);
    expect(shown.map((row) => row[2])).toEqual([shown[0]![2], 7, null, null]);
  });
});
