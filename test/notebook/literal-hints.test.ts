// A segment that comes out empty because its text in quotes differs from the data only in case or
// surrounding spaces ('us' where the data says 'US') gets a warning at the text; the cell still runs.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine } from '../../src/engine/types.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { NotebookRunner } from '../../src/notebook/runner.ts';
import { segql } from '../../src/notebook/segql.ts';
import { withQuery } from './engine-spy.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
let engine: Engine;
let queries: string[] = [];

beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);
afterAll(async () => {
  await engine?.close();
});

async function run(code: string) {
  const runner = new NotebookRunner({
    engine: withQuery(engine, (text, options) => (queries.push(text), engine.query(text, options))),
    compiler: segql,
    resolveData: (path) => ({ kind: 'path', path: join(FIXTURES, path) }),
    summaries: true,
  });
  const text = '---\nasof: 2024-06-30\ndata:\n  customers: customers.csv\n---\n\n```seg\n' + code + '\n```\n';
  runner.update({ notebook: parseNotebook(text) });
  queries = [];
  const report = await runner.run();
  const cell = report.cells.at(-1)!;
  expect(cell.errors).toEqual([]);
  expect(cell.status).toBe('done');
  return { cell, runner };
}

const probes = () => queries.filter((q) => q.includes('"found"'));

describe('a hint at text in quotes that leaves a segment empty', () => {
  it("says who holds the text in another case, at the text: country = 'us'", async () => {
    const { cell } = await run("population customers key customer_id\nsegment americans = country = 'us'");
    expect(cell.summary).toEqual([{ name: 'americans', size: 0 }]);
    expect(cell.warnings).toEqual([{ line: 2, column: 31, message: "no one in customers has country 'us'; 3 have 'US' — text comparisons are exact, case included" }]);
  });

  it('gives one for each text of an in (…) list that is there in another case', async () => {
    const { cell } = await run("population customers key customer_id\nsegment abroad = country in ('us', 'ca', 'fr')");
    expect(cell.warnings).toEqual([
      { line: 2, column: 30, message: "no one in customers has country 'us'; 3 have 'US' — text comparisons are exact, case included" },
      { line: 2, column: 42, message: "no one in customers has country 'fr'; 1 has 'FR' — text comparisons are exact, case included" },
    ]);
  });

  it('names spaces around the text, and both case and spaces', async () => {
    const { cell } = await run("population customers key customer_id\nsegment a = country = 'FR '\nsegment b = name = ' ada'");
    expect(cell.warnings).toEqual([
      { line: 2, column: 23, message: "no one in customers has country 'FR '; 1 has 'FR' — text comparisons are exact, spaces included" },
      { line: 3, column: 20, message: "no one in customers has name ' ada'; 1 has 'Ada' — text comparisons are exact, case and spaces included" },
    ]);
  });

  it('is given for a partition part that comes out empty', async () => {
    const { cell } = await run("population customers key customer_id\npartition home {\n  german: country = 'de'\n  other: otherwise\n}");
    expect(cell.summary).toEqual([{ name: 'home.german', size: 0 }, { name: 'home.other', size: 6 }]);
    expect(cell.warnings).toEqual([{ line: 3, column: 21, message: "no one in customers has country 'de'; 2 have 'DE' — text comparisons are exact, case included" }]);
  });

  it('is not given when the text is not there in any case: the segment is just empty', async () => {
    const { cell } = await run("population customers key customer_id\nsegment a = country = 'xx'");
    expect(cell.summary).toEqual([{ name: 'a', size: 0 }]);
    expect(cell.warnings).toBeUndefined();
    expect(probes()).toHaveLength(1);
  });

  it('costs nothing when every segment has members', async () => {
    const { cell } = await run("population customers key customer_id\nsegment a = country = 'US' or country = 'us'\nsegment b = country in ('DE', 'de')");
    expect(cell.warnings).toBeUndefined();
    expect(probes()).toEqual([]);
  });

  it('counts only the population its where leaves', async () => {
    const { cell } = await run("population customers key customer_id where age > 40\nsegment a = country = 'us'");
    expect(cell.warnings).toEqual([{ line: 2, column: 23, message: "no one in customers has country 'us'; 2 have 'US' — text comparisons are exact, case included" }]);
  });

  it('is kept when the cell keeps its results without running again', async () => {
    const { cell, runner } = await run("population customers key customer_id\nsegment americans = country = 'us'");
    queries = [];
    const again = await runner.run();
    expect(again.cells.at(-1)!.warnings).toEqual(cell.warnings);
    expect(probes()).toEqual([]);
  });

  it('reaches SQL with hostile names and text quoted', async () => {
    const table = 'we"ird `t`; ü';
    const column = 'c"o`l -- ü';
    const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
    await engine.query(`CREATE TABLE ${q(table)} AS SELECT * FROM (VALUES (1, 'O''Brien "Ü" 🙂'), (2, 'x')) AS v(id, ${q(column)})`);
    const { cell } = await run("population p = `we\"ird ``t``; ü` key id\nsegment a = `c\"o``l -- ü` = 'o''brien \"ü\" 🙂'");
    expect(cell.warnings).toEqual([
      { line: 2, column: 29, message: "no one in p has `c\"o``l -- ü` 'o''brien \"ü\" 🙂'; 1 has 'O''Brien \"Ü\" 🙂' — text comparisons are exact, case included" },
    ]);
  });
});
