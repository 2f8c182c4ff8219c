import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine, QueryResult } from '../../src/engine/types.ts';
import { buildProgram, compileCell } from '../../src/lang/index.ts';

/**
 * `compare` is written two ways: grouped by membership when every metric can be added up over
 * groups, one filtered aggregate per segment and metric otherwise (median, count_distinct). Both
 * must give the same rows, including for empty segments, NULL values, a `by`, and segments whose
 * names are the ones the grouped SQL makes up for its own columns.
 */
let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
  await engine.query(`
    CREATE TABLE people AS SELECT * FROM (VALUES
      (1, 'NL', 10.5, 3, 'a', TRUE),
      (2, 'NL', NULL, 7, 'b', FALSE),
      (3, 'SE', 2.25, NULL, 'c', TRUE),
      (4, 'SE', 8.0, 1, NULL, NULL),
      (5, NULL, 4.0, 2, 'a', TRUE),
      (6, 'DE', 1.0, 9, 'z', FALSE)
    ) AS t(id, country, amount, visits, code, opted_in)`);
});
afterAll(async () => {
  await engine?.close();
});

const DEFINITIONS = `population people key id
segment big = amount >= 4
segment \`group members\` = visits > 2
segment \`by value\` = code = 'a'
segment nobody = amount > 1000
segment \`In Big\` = opted_in`;

const METRICS = 'count, avg(amount), sum(visits), min(code), max(amount), pct(opted_in), avg(visits) as mean_visits';

async function compare(statement: string): Promise<{ sql: string; result: QueryResult }> {
  const source = `${DEFINITIONS}\n${statement}`;
  const compiled = compileCell(buildProgram([{ index: 0, source }]), 0, await engine.catalog(), { asof: '2024-06-30' });
  expect(compiled.diagnostics).toEqual([]);
  const sql = compiled.statements.at(-1)!.sql;
  return { sql, result: await engine.query(sql) };
}

function rows(result: QueryResult, columns: string[]): unknown[][] {
  return result.rows.map((row) => columns.map((c) => row[result.columns.indexOf(c)]));
}

function expectSameRows(a: QueryResult, b: QueryResult, columns: string[]): void {
  const [left, right] = [rows(a, columns), rows(b, columns)];
  expect(left.length).toBe(right.length);
  left.forEach((row, i) =>
    row.forEach((value, j) => {
      const other = right[i]![j];
      if (typeof value === 'number' && typeof other === 'number') expect(value).toBeCloseTo(other, 9);
      else expect(value).toEqual(other);
    }),
  );
}

describe('compare, grouped by membership or filtered per segment', () => {
  const segments = 'everyone, big, `group members`, `by value`, nobody, `In Big`';
  const columns = ['segment', 'size', 'share', 'count', 'avg(amount)', 'sum(visits)', 'min(code)', 'max(amount)', 'pct(opted_in)', 'mean_visits'];

  it('gives the same rows both ways', async () => {
    const grouped = await compare(`compare ${segments} on ${METRICS}`);
    const filtered = await compare(`compare ${segments} on ${METRICS}, median(amount)`);
    expect(grouped.sql).toContain('"membership groups"');
    expect(filtered.sql).not.toContain('"membership groups"');
    expectSameRows(grouped.result, filtered.result, columns);
    expect(rows(grouped.result, ['segment', 'size', 'avg(amount)', 'min(code)', 'pct(opted_in)']).slice(0, 2)).toEqual([
      ['everyone', 6, (10.5 + 2.25 + 8 + 4 + 1) / 5, 'a', 3 / 6],
      ['big', 3, (10.5 + 8 + 4) / 3, 'a', 2 / 3],
    ]);
  });

  it('gives an empty segment size 0 and no other metric', async () => {
    const { result } = await compare(`compare nobody on ${METRICS}`);
    expect(rows(result, columns)).toEqual([['nobody', 0, 0, 0, null, null, null, null, null, null]]);
  });

  it('gives the same rows both ways with by, one row per segment and value', async () => {
    const grouped = await compare(`compare ${segments} on ${METRICS} by country`);
    const filtered = await compare(`compare ${segments} on ${METRICS}, median(amount) by country`);
    expect(grouped.result.rows).toHaveLength(6 * 4);
    expectSameRows(grouped.result, filtered.result, ['country', ...columns]);
  });

  it('counts a population with no entity', async () => {
    await engine.query('CREATE TABLE nobody_here AS SELECT * FROM people WHERE false');
    const source = 'population nobody_here key id\nsegment big = amount >= 4\ncompare everyone, big on count, avg(amount)';
    const compiled = compileCell(buildProgram([{ index: 0, source }]), 0, await engine.catalog(), { asof: '2024-06-30' });
    const result = await engine.query(compiled.statements.at(-1)!.sql);
    expect(rows(result, ['segment', 'size', 'share', 'avg(amount)'])).toEqual([
      ['everyone', 0, null, null],
      ['big', 0, null, null],
    ]);
  });
});
