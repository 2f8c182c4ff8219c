import { describe, expect, it } from 'vitest';
import { buildProgram, completeAt } from '../../src/lang/index.ts';
import { retailCatalog } from './fixtures.ts';

const HEAD = 'population customers key customer_id\nlink orders on customer_id time order_date\nlet spend = sum(orders.amount)\nsegment big = spend > 1000\n';

/** Completion where `|` stands in the cell's text. */
function complete(cellText: string) {
  const at = cellText.indexOf('|');
  const source = cellText.replace('|', '');
  const program = buildProgram([{ index: 0, source: HEAD }, { index: 1, source }]);
  const result = completeAt(program, 1, at, retailCatalog);
  return { ...result, labels: result.items.map((i) => i.label), replaced: source.slice(result.from, result.to) };
}

describe('completion', () => {
  it('offers the statement keywords after a whole statement, on the lines after the first', () => {
    expect(complete('segment x = big\nse|').labels).toEqual(expect.arrayContaining(['segment']));
    expect(complete('show big\nco|').labels).toEqual(expect.arrayContaining(['compare']));
    expect(complete('segment x = spend > 1\n|').labels).toEqual(expect.arrayContaining(['show', 'compare', 'let', 'trend']));
  });

  it('does not offer a new statement where this one is not finished', () => {
    expect(complete('segment x = spend >\n|').labels).not.toContain('show');
  });

  it('offers asc and desc only inside quantile, where and within only inside an aggregate', () => {
    const inCount = complete('segment x = count(orders |').labels;
    expect(inCount).not.toContain('asc');
    expect(inCount).not.toContain('desc');
    expect(inCount).toEqual(expect.arrayContaining(['where', 'within']));
    expect(complete('let q = quantile(4, spend |').labels).toEqual(expect.arrayContaining(['asc', 'desc']));
    const inScalar = complete('segment x = lower(country |').labels;
    expect(inScalar).not.toContain('where');
    expect(inScalar).not.toContain('asc');
  });

  it('offers nothing while a number or date is typed, so the Enter that ends the line keeps it', () => {
    expect(complete('segment x = spend > 1|').labels).toEqual([]);
    expect(complete('segment x = `spend` > 100|').labels).toEqual([]);
    expect(complete('segment x = spend > 2.5|').labels).toEqual([]);
    expect(complete('segment x = first(orders.order_date) > 2024-01-0|').labels).toEqual([]);
    expect(complete('segment x = spend > 100 |').labels).toEqual(expect.arrayContaining(['and', 'or']));
  });

  it('offers nothing inside text in quotes or a comment', () => {
    expect(complete("segment x = country = 'Lis|'").labels).toEqual([]);
    expect(complete("segment x = country = 'Lis|").labels).toEqual([]);
    expect(complete('segment x = big -- the big on|').labels).toEqual([]);
    expect(complete('segment x = big /* the | */').labels).toEqual([]);
    expect(complete('segment x = big /* the |').labels).toEqual([]);
    expect(complete("segment x = country = 'PT' |").labels).toEqual(expect.arrayContaining(['and', 'or']));
    expect(complete('segment x = big -- note\n|').labels).toEqual(expect.arrayContaining(['segment']));
  });

  it('offers and / or after a condition', () => {
    expect(complete('segment x = spend > 1 o|').labels).toContain('or');
    expect(complete('segment x = big |').labels).toEqual(expect.arrayContaining(['and', 'or']));
  });

  it('replaces the whole word under the cursor, filtered by what comes before the cursor', () => {
    const result = complete('segment q = spe|nd');
    expect(result.replaced).toBe('spend');
    expect(result.labels).toContain('spend');
    expect(result.labels.every((l) => l.toLowerCase().startsWith('spe'))).toBe(true);
  });

  it('replaces a word typed up to the cursor', () => {
    expect(complete('segment q = spe|').replaced).toBe('spe');
  });

  it("offers the linked table's columns inside its aggregate, before the population's", () => {
    const labels = complete('segment x = count(orders where |').labels;
    expect(labels).toEqual(expect.arrayContaining(['amount', 'channel', 'country']));
    expect(labels.indexOf('amount')).toBeLessThan(labels.indexOf('age'));
    expect(complete('segment x = count(orders where am|').labels).toContain('amount');
    expect(complete("segment x = count(orders where lower(ch|").labels[0]).toBe('channel');
    expect(complete('segment x = count(|').labels).not.toContain('amount');
  });

  it('inserts populations and linked tables whose names need backticks with them', () => {
    const program = buildProgram([{ index: 0, source: 'population `my people` = customers key customer_id\nlink orders as `web hits` on customer_id time order_date\nsegment x of |' }]);
    const source = program.cells[0]!.parsed.source;
    const at = source.indexOf('|');
    const fixed = buildProgram([{ index: 0, source: source.replace('|', '') }]);
    const insert = (offset: number) => completeAt(fixed, 0, offset, retailCatalog).items.map((i) => i.insertText ?? i.label);
    expect(insert(at)).toContain('`my people`');
    const withCall = buildProgram([{ index: 0, source: `${source.replace('segment x of |', 'segment y = count(')}` }]);
    expect(completeAt(withCall, 0, withCall.cells[0]!.parsed.source.length, retailCatalog).items.map((i) => i.insertText ?? i.label)).toContain('`web hits`');
  });

  it('offers size and share in expect, with segments inside them, and pct among compare metrics', () => {
    expect(complete('expect sh|').labels).toContain('share');
    expect(complete('expect size(|').labels).toEqual(['everyone', 'big']);
    expect(complete('compare big on p|').labels).toContain('pct');
    expect(complete('segment y = p|').labels).not.toContain('pct');
  });

  it('offers units after within N and every N, and never the definition being written', () => {
    expect(complete('let r = sum(orders.amount within 30 |').labels).toEqual(['days', 'weeks', 'months', 'years']);
    expect(complete('trend big every 1 m|').labels).toEqual(['months']);
    expect(complete('segment bigger = b|').labels).toContain('big');
    expect(complete('segment bigger = b|').labels).not.toContain('bigger');
  });

  it('offers the parts of a partition where one segment goes (show, profile), the partition itself where several may', () => {
    const program = buildProgram([{ index: 0, source: `${HEAD}partition tier {\n  gold: spend > 500\n  rest: otherwise\n}\n` }, { index: 1, source: 'show ' }, { index: 2, source: 'compare ' }]);
    const labels = (cell: number) => completeAt(program, cell, program.cells[cell]!.parsed.source.length, retailCatalog).items.map((i) => i.label);
    expect(labels(1)).toEqual(expect.arrayContaining(['big', 'tier.gold', 'tier.rest']));
    expect(labels(1)).not.toContain('tier');
    expect(labels(2)).toEqual(expect.arrayContaining(['big', 'tier']));
  });

  it("gives the linked table's column types as the catalog names them", () => {
    const amount = complete('let s = sum(orders.|').items.find((i) => i.label === 'amount');
    expect(amount?.detail).toMatch(/^(DOUBLE|DECIMAL|FLOAT)/);
  });

  it('leaves everyone out when the notebook has several populations, and offers their names', () => {
    const program = buildProgram([{ index: 0, source: `${HEAD}population buyers = customers key customer_id\ncompare ` }]);
    const labels = completeAt(program, 0, program.cells[0]!.parsed.source.length, retailCatalog).items.map((i) => i.label);
    expect(labels).not.toContain('everyone');
    expect(labels).toEqual(expect.arrayContaining(['customers', 'buyers']));
  });
});
