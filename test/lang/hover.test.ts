import { describe, expect, it } from 'vitest';
import { buildProgram, hoverAt } from '../../src/lang/index.ts';
import { retailCatalog } from './fixtures.ts';

const HEAD = 'population customers key customer_id\nlink orders on customer_id time order_date\nlet spend = sum(orders.amount)\nsegment big = spend > 1000\n';

/** The hover's text where `|` stands in the cell's text. */
function hover(cellText: string): string | undefined {
  const at = cellText.indexOf('|');
  const program = buildProgram([{ index: 0, source: HEAD }, { index: 1, source: cellText.replace('|', '') }]);
  return hoverAt(program, 1, at, retailCatalog)?.contents;
}

describe('hover', () => {
  it('gives a column its type, a definition its text, a function its signature', () => {
    expect(hover('segment x = coun|try = "PT"')).toMatch(/^\*\*country\*\* — VARCHAR, a column of customers/);
    expect(hover('segment x = bi|g')).toMatch(/^\*\*segment big\*\*[\s\S]*segment big = spend > 1000/);
    expect(hover('let n = cou|nt(orders)')).toMatch(/count\(/);
    expect(hover('let n = sum(orders.amo|unt)')).toMatch(/^\*\*orders\.amount\*\* — DOUBLE/);
  });

  it("gives a bare name inside an aggregate over a link the link's column, also inside a call there", () => {
    expect(hover('let n = count(orders where amo|unt > 5)')).toMatch(/^\*\*orders\.amount\*\* — DOUBLE/);
    expect(hover("let n = count(orders where lower(chan|nel) = 'web')")).toMatch(/^\*\*orders\.channel\*\*/);
    expect(hover('segment x = coun|try = "PT" and count(orders) > 1')).toMatch(/a column of customers/);
    // A parenthesis an earlier statement left open is no call around this name.
    expect(hover('let n = count(orders\nsegment x = customer|_id > 5')).toMatch(/^\*\*customer\\_id\*\* — \w+, a column of customers/);
  });

  it('says what everyone is', () => {
    expect(hover('compare every|one, big')).toBe('**everyone** — every member of the population (customers)');
  });
});
