import { describe, expect, it } from 'vitest';
import { buildProgram, compileCell } from '../../src/lang/index.ts';
import { ASOF, retailCatalog } from './fixtures.ts';

const HEAD = 'population customers key customer_id\nlink orders on customer_id time order_date\nsegment big = count(orders) > 2\n';

function sharesOf(source: string): (string[] | undefined)[] {
  const compiled = compileCell(buildProgram([{ index: 0, source: HEAD + source }]), 0, retailCatalog, { asof: ASOF });
  expect(compiled.diagnostics).toEqual([]);
  return compiled.statements.flatMap((s) => (s.kind === 'result' ? [s.shares] : []));
}

describe('the columns a result holds shares in', () => {
  it("are compare's pct() metrics, under the name the analyst gave or the one they get", () => {
    expect(sharesOf("compare big on pct(age > 40) as older, avg(age), pct(country = 'DE')")).toEqual([['older', "pct(country='DE')"]]);
  });

  it('are none beyond spec §5 share columns elsewhere', () => {
    expect(sharesOf('compare big on avg(age)\noverlap big, everyone\nshow big')).toEqual([undefined, undefined, undefined]);
  });
});
