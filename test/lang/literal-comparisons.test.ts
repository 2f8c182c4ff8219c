// The text in quotes a segment's membership hangs on, which the runner looks for in the data when
// the segment comes out empty ('us' where the data says 'US').
import { describe, expect, it } from 'vitest';
import { analyze, buildProgram, literalProbes } from '../../src/lang/index.ts';
import { literalComparisons } from '../../src/lang/check/literal-comparisons.ts';
import { ASOF, retailCatalog } from './fixtures.ts';

const POPULATION = 'population customers key customer_id\nlink orders on customer_id time order_date\n';

function comparisons(definitions: string, name: string) {
  const analysis = analyze(buildProgram([{ index: 0, source: POPULATION + definitions }]), retailCatalog);
  return literalComparisons(analysis, name).map((v) => ({ view: v.view, comparisons: v.comparisons.map((c) => [c.column, c.value, c.span.line, c.span.column]) }));
}

describe('literalComparisons', () => {
  it('lists = and in (…) of a text column with text in quotes, either way round, at the text', () => {
    expect(comparisons("segment s = country = 'us' or 'lisbon ' = city_size and Country in ('ca', 'mx')", 's')).toEqual([
      { view: 's', comparisons: [['country', 'us', 3, 23], ['city_size', 'lisbon ', 3, 31], ['country', 'ca', 3, 69], ['country', 'mx', 3, 75]] },
    ]);
  });

  it('gives each partition part its own, and leaves otherwise out', () => {
    expect(comparisons("partition p {\n  a: gender = 'f'\n  b: age > 30\n  c: otherwise\n}", 'p')).toEqual([{ view: 'p.a', comparisons: [['gender', 'f', 4, 15]] }]);
  });

  it('leaves out what an exact miss does not empty, what is no text column of the table, and aggregates', () => {
    const none = [
      "segment s = not (country = 'us')",
      "segment s = country != 'us'",
      "segment s = country not in ('us')",
      "segment s = lower(country) = 'us'",
      "segment s = country like 'us'",
      "segment s = case when country = 'us' then true else false end",
      "segment s = count(orders where channel = 'web') > 0",
      "let home = country\nsegment s = home = 'us'",
      'segment s = age = 30',
      "segment s = country = city_size",
    ];
    for (const source of none) expect(comparisons(source, 's'), source).toEqual([]);
  });

  it('gives nothing for a definition with an error', () => {
    expect(comparisons("segment s = country = 'us' and nope > 1", 's')).toEqual([]);
  });
});

describe('literalProbes', () => {
  it("compiles a probe for the cell's empty views only, with every name and text quoted", () => {
    const catalog = { tables: [{ name: 'we"ird `t`', columns: [{ name: 'id', type: 'BIGINT' }, { name: 'c"o`l ü', type: 'VARCHAR' }] }] };
    const source = "population p = `we\"ird ``t``` key id\nsegment a = `c\"o``l ü` = 'O''Brien \"Ü\"'\nsegment b = `c\"o``l ü` = 'x'";
    const probes = literalProbes(buildProgram([{ index: 0, source }]), 0, catalog, { asof: ASOF, views: ['A'] });
    expect(probes.map((p) => [p.view, p.population, p.comparisons.map((c) => c.written)])).toEqual([['a', 'p', ['`c"o``l ü`']]]);
    expect(probes[0]!.sql).toContain('FROM "we""ird `t`"');
    expect(probes[0]!.sql).toContain(`lower(trim("c""o\`l ü")) IN (lower(trim('O''Brien "Ü"')))`);
  });
});
