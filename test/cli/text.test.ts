import { describe, expect, it } from 'vitest';
import { table } from '../../src/cli/text.ts';
import type { CellResult } from '../../src/notebook/outcome.ts';

const rows = (n: number) => Array.from({ length: n }, (_, i) => [i + 1]);

describe('a long table as text', () => {
  it('says how many rows a result has in all', () => {
    const result: CellResult = { statement: 'sql', columns: ['n'], types: ['INTEGER'], rows: rows(60) };
    expect(table(result).at(-1)).toBe('… 10 more rows (60 in all)');
  });

  it("says show's rows are what it listed, never the segment's size: show stops at its limit", () => {
    const result: CellResult = { statement: 'show', columns: ['customer_id'], types: ['INTEGER'], rows: rows(1000) };
    expect(table(result).at(-1)).toBe('… 950 more rows (1000 listed)');
  });
});
