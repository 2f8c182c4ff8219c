import { describe, expect, it } from 'vitest';
import { inferColumn } from '../../src/engine/load/json-types.ts';

const typeOf = (values: unknown[]) => inferColumn(values).type;

describe('inferColumn', () => {
  it('gives each field the narrowest DuckDB type its values fit', () => {
    expect(typeOf([1, 2, null, undefined])).toBe('BIGINT');
    expect(typeOf([1, 2.5])).toBe('DOUBLE');
    expect(typeOf([true, null, false])).toBe('BOOLEAN');
    expect(typeOf(['2024-02-29', null])).toBe('DATE');
    expect(typeOf(['2024-02-29', '2024-03-01T10:00:00Z'])).toBe('TIMESTAMP');
    expect(typeOf([null, undefined])).toBe('VARCHAR');
  });

  it('keeps text that only looks like dates or numbers as text', () => {
    expect(typeOf(['2024-02-30'])).toBe('VARCHAR');
    expect(typeOf(['2024-01-01', 'soon'])).toBe('VARCHAR');
    expect(typeOf(['7', '8'])).toBe('VARCHAR');
    expect(typeOf([2 ** 60])).toBe('DOUBLE');
  });

  it('writes mixed and nested values as text, nested ones as JSON', () => {
    const column = inferColumn([1, 'a', { b: [1, 2] }, true, null]);
    expect(column.type).toBe('VARCHAR');
    expect(column.prepare([1, 'a', { b: [1, 2] }, true, null])).toEqual(['1', 'a', '{"b":[1,2]}', 'true', null]);
  });
});
