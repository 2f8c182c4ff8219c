import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine } from '../../src/engine/types.ts';
import { buildProgram, compileCell } from '../../src/lang/index.ts';

/** `expect`'s detail is read by people: a share is rounded there, never in the test itself. */
let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
  await engine.query('CREATE TABLE people AS SELECT range AS id, range % 3 = 0 AS third FROM range(1, 31)');
});
afterAll(async () => {
  await engine?.close();
});

async function expectRow(condition: string, definitions = 'population people key id\nsegment thirds = third'): Promise<{ passed: unknown; detail: unknown }> {
  const source = `${definitions}\nexpect ${condition}`;
  const compiled = compileCell(buildProgram([{ index: 0, source }]), 0, await engine.catalog(), { asof: '2024-06-30' });
  expect(compiled.diagnostics).toEqual([]);
  const result = await engine.query(compiled.statements.at(-1)!.sql);
  const row = result.rows[0]!;
  return { passed: row[result.columns.indexOf('passed')], detail: row[result.columns.indexOf('detail')] };
}

describe('expect detail', () => {
  it('shows a share to four decimals and a size whole', async () => {
    expect(await expectRow('share(thirds) > 0.3 and size(thirds) = 10')).toEqual({ passed: true, detail: 'share(thirds) = 0.3333, size(thirds) = 10' });
  });

  it('says a share of an empty population is null, rather than leaving the term out', async () => {
    expect(await expectRow('share(none) = 0 and size(none) = 0', 'population people key id where id < 0\nsegment none = id > 100')).toEqual({ passed: false, detail: 'share(none) = null, size(none) = 0' });
  });

  it('compares the exact share, not the rounded one shown', async () => {
    expect(await expectRow('share(thirds) > 0.33333')).toEqual({ passed: true, detail: 'share(thirds) = 0.3333' });
    expect(await expectRow('share(thirds) <= 0.3333')).toEqual({ passed: false, detail: 'share(thirds) = 0.3333' });
  });
});
