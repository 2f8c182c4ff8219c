import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine } from '../../src/engine/types.ts';
import type { SegCompiler } from '../../src/notebook/compiler.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { NotebookRunner, type RunReport } from '../../src/notebook/runner.ts';
import { segql } from '../../src/notebook/segql.ts';

let engine: Engine;

beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);
afterAll(async () => {
  await engine?.close();
});

const seg = (code: string) => '```seg\n' + code + '\n```';
const sql = (code: string, name: string) => '```sql ' + name + '\n' + code + '\n```';

/** Four rows, two of them without a key; one order each for keys 1 and 2, and one order whose key is null. */
const NOTEBOOK = [
  '---\nasof: 2024-06-30\n---',
  sql("select * from (values (1, 'a'), (2, 'b'), (null, 'c'), (null, 'd')) t(id, grp)", 'people'),
  sql('select * from (values (1, 10.0), (2, 5.0), (null, 7.0)) t(id, amount)', 'buys'),
  seg(
    [
      'population people key id',
      'link buys on id',
      'let spend = sum(buys.amount)',
      'segment named = grp is not null',
      'split test = named into a 50%, b 50%',
      'compare everyone, named, test.a, test.b on sum(spend)',
      'expect size(everyone) = 2',
    ].join('\n'),
  ),
].join('\n\n');

const fullPipelines: SegCompiler<unknown> = {
  ...(segql as SegCompiler<unknown>),
  compileCell: (program, cell, catalog, options) => (segql as SegCompiler<unknown>).compileCell(program, cell, catalog, { ...options, values: false }),
};

async function run(compiler: SegCompiler<unknown>): Promise<RunReport> {
  const runner = new NotebookRunner({ engine, compiler, resolveData: () => ({ kind: 'path', path: '' }), today: () => '2030-01-01' });
  runner.update({ notebook: parseNotebook(NOTEBOOK + '\n') });
  return runner.run();
}

describe('rows whose key is null', () => {
  for (const [mode, compiler] of [['read from the values table', segql as SegCompiler<unknown>], ['computed in each statement', fullPipelines]] as const) {
    it(`are no entity: not in everyone, in no split's arm (${mode})`, async () => {
      const report = await run(compiler);
      expect(report.cells.flatMap((c) => c.errors)).toEqual([]);
      const [split, compare, expectation] = report.cells[2]!.results;
      expect(split!.rows.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(2);
      const bySegment = Object.fromEntries(compare!.rows.map((row) => [row[0], row.slice(1).map(Number)]));
      // segment, size, share, sum(spend)
      expect(bySegment['everyone']).toEqual([2, 1, 15]);
      expect(bySegment['named']).toEqual([2, 1, 15]);
      expect(bySegment['test.a']![0]! + bySegment['test.b']![0]!).toBe(2);
      expect(expectation!.rows[0]![1]).toBe(true);
    });
  }
});
