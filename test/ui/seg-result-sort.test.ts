import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Value } from '../../src/engine/types.ts';
import { compareValues, nextSortKey, sortedOrder } from '../../src/ui/seg-result-sort.ts';

const column = (values: Value[]) => values.map((v) => [v]);
const sortColumn = (values: Value[], direction: 'ascending' | 'descending') => sortedOrder(column(values), { column: 0, direction }).map((i) => values[i]);

describe('sorting a result table by a column', () => {
  it('sorts numbers numerically, not as text', () => {
    expect(sortColumn([10, 9, 100, -1, 2.5], 'ascending')).toEqual([-1, 2.5, 9, 10, 100]);
    expect(sortColumn([10, 9, 100, -1, 2.5], 'descending')).toEqual([100, 10, 9, 2.5, -1]);
  });

  it('puts nulls last in both directions', () => {
    expect(sortColumn([3, null, 1, null, 2], 'ascending')).toEqual([1, 2, 3, null, null]);
    expect(sortColumn([3, null, 1, null, 2], 'descending')).toEqual([3, 2, 1, null, null]);
  });

  it('orders huge integers (digit strings) exactly, among ordinary numbers', () => {
    const values: Value[] = ['12345678901234567891', 5, '12345678901234567890', '-99999999999999999999', 7];
    expect(sortColumn(values, 'ascending')).toEqual(['-99999999999999999999', 5, 7, '12345678901234567890', '12345678901234567891']);
  });

  it('sorts text with numbers inside in numeric order, ignoring case', () => {
    expect(sortColumn(['item 10', 'Item 9', 'item 1', 'apple'], 'ascending')).toEqual(['apple', 'item 1', 'Item 9', 'item 10']);
  });

  it('sorts dates and timestamps in time order and false before true', () => {
    expect(sortColumn(['2024-10-01', '2023-12-31', '2024-02-29'], 'ascending')).toEqual(['2023-12-31', '2024-02-29', '2024-10-01']);
    expect(sortColumn([true, false, true, false], 'ascending')).toEqual([false, false, true, true]);
  });

  it('is stable: equal values keep the result’s own order, in both directions', () => {
    const rows: Value[][] = [['b', 1], ['a', 2], ['b', 3], ['a', 4], [null, 5], ['b', 6]];
    expect(sortedOrder(rows, { column: 0, direction: 'ascending' })).toEqual([1, 3, 0, 2, 5, 4]);
    expect(sortedOrder(rows, { column: 0, direction: 'descending' })).toEqual([0, 2, 5, 1, 3, 4]);
  });

  it('keeps the result’s own order without a sort key', () => {
    expect(sortedOrder(column([3, 1, 2]), undefined)).toEqual([0, 1, 2]);
  });

  it('cycles a header: ascending, descending, the result’s order; another header starts ascending', () => {
    const first = nextSortKey(undefined, 2);
    expect(first).toEqual({ column: 2, direction: 'ascending' });
    const second = nextSortKey(first, 2);
    expect(second).toEqual({ column: 2, direction: 'descending' });
    expect(nextSortKey(second, 2)).toBeUndefined();
    expect(nextSortKey(second, 0)).toEqual({ column: 0, direction: 'ascending' });
  });

  it('always yields a permutation, ordered, nulls last, ties in row order (property)', () => {
    const value = fc.oneof(fc.constant(null), fc.integer({ min: -50, max: 50 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), fc.boolean(), (values, ascending) => {
        const order = sortedOrder(column(values), { column: 0, direction: ascending ? 'ascending' : 'descending' });
        expect([...order].sort((a, b) => a - b)).toEqual(values.map((_, i) => i));
        for (let k = 1; k < order.length; k++) {
          const [a, b] = [values[order[k - 1]!]!, values[order[k]!]!];
          if (b === null) continue;
          expect(a).not.toBeNull();
          const c = (ascending ? 1 : -1) * compareValues(a!, b);
          expect(c).toBeLessThanOrEqual(0);
          if (c === 0) expect(order[k - 1]!).toBeLessThan(order[k]!);
        }
      }),
    );
  });

  it('sorts 100,000 rows quickly', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [i % 7 === 0 ? null : `customer ${(i * 48271) % 100_000}`]);
    const start = performance.now();
    const order = sortedOrder(rows, { column: 0, direction: 'ascending' });
    expect(order).toHaveLength(100_000);
    expect(performance.now() - start).toBeLessThan(1500);
  });
});
