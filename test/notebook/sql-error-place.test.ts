import { describe, expect, it } from 'vitest';
import { locateSqlError } from '../../src/notebook/sql-error-place.ts';

const at = (source: string, message: string) => {
  const placed = locateSqlError(source, { message, line: 1, column: 1 });
  return [placed.line, placed.column];
};

describe('locateSqlError', () => {
  it('places an error at the name its message quotes', () => {
    expect(at('select contry\nfrom customers', 'Binder Error: Referenced column "contry" not found')).toEqual([1, 8]);
  });

  it('places a syntax error at the word where it follows a plain name, when the word is there twice', () => {
    const query = "select channel, count(*) as n from orders wher channel = 'web' group by channel";
    expect(at(query, 'Parser Error: syntax error at or near "channel"')).toEqual([1, 48]);
    expect(at('select channel from orders', 'Parser Error: syntax error at or near "channel"')).toEqual([1, 8]);
  });

  it('places "at end of input" at the last word of the query, past blank lines and a semicolon', () => {
    expect(at('select *\nfrom retail\nlimit\n\n', 'Parser Error: syntax error at end of input')).toEqual([3, 5]);
    expect(at('select * from retail limit;', 'Parser Error: syntax error at end of input')).toEqual([1, 26]);
  });

  it('leaves an error that already has a place', () => {
    expect(locateSqlError('select 1', { message: 'syntax error at end of input', line: 2, column: 3 })).toMatchObject({ line: 2, column: 3 });
  });
});
