import { describe, expect, it } from 'vitest';
import { locateSqlError } from '../../src/notebook/sql-error-place.ts';
import { runtimeErrorInWords, sqlErrorInWords } from '../../src/notebook/sql-error-words.ts';

/** A DuckDB message for `sql` as a SQL cell shows it: placed as the runner places it, then in words. */
const shown = (sql: string, message: string) => sqlErrorInWords(locateSqlError(sql, { message, line: 1, column: 1 }), sql);

describe('sqlErrorInWords: syntax errors', () => {
  it('drops "Parser Error:" and offers the keyword a mistyped word is near, keeping the error at the word', () => {
    expect(shown('selec 1', 'Parser Error: syntax error at or near "selec"')).toEqual({
      message: `syntax error at or near "selec" — did you mean 'select'?`,
      line: 1,
      column: 1,
    });
    expect(shown('with t as (select 1)\nslect * from t', 'Parser Error: syntax error at or near "slect"')).toEqual({
      message: `syntax error at or near "slect" — did you mean 'select'?`,
      line: 2,
      column: 1,
    });
  });

  it('offers the keyword in the case it was typed', () => {
    expect(shown('SELEC * FROM t', 'Parser Error: syntax error at or near "SELEC"').message).toBe(`syntax error at or near "SELEC" — did you mean 'SELECT'?`);
  });

  it('looks at the word before when DuckDB read the typo as a name and stopped after it', () => {
    expect(shown('select *\nfrm range(3)', 'Parser Error: syntax error at or near "range"')).toEqual({
      message: `syntax error at or near "range" — did you mean 'from' for 'frm'?`,
      line: 2,
      column: 5,
    });
    expect(shown('select * from t wher x > 1', 'Parser Error: syntax error at or near "x"').message).toBe(
      `syntax error at or near "x" — did you mean 'where' for 'wher'?`,
    );
    expect(shown('select * from t limt 3', 'Parser Error: syntax error at or near "3"').message).toBe(`syntax error at or near "3" — did you mean 'limit' for 'limt'?`);
  });

  it('finds the typo before the right one of two same words', () => {
    expect(shown("select channel, count(*) as n from orders wher channel = 'web' group by channel", 'Parser Error: syntax error at or near "channel"')).toEqual({
      message: `syntax error at or near "channel" — did you mean 'where' for 'wher'?`,
      line: 1,
      column: 48,
    });
  });

  it('blames the word before even when the word DuckDB stopped at is near a keyword too', () => {
    expect(shown('select * form orders', 'Parser Error: syntax error at or near "orders"').message).toBe(
      `syntax error at or near "orders" — did you mean 'from' for 'form'?`,
    );
  });

  it('offers nothing when no word there is near a keyword, or the word is a keyword itself', () => {
    expect(shown('select 1 2', 'Parser Error: syntax error at or near "2"').message).toBe('syntax error at or near "2"');
    expect(shown('select from from t', 'Parser Error: syntax error at or near "from"').message).toBe('syntax error at or near "from"');
    expect(shown('select customer_id zebra 1', 'Parser Error: syntax error at or near "1"').message).toBe('syntax error at or near "1"');
  });

  it('drops the prefix from other parser errors and keeps their place', () => {
    expect(shown('select *\nfrom t\nlimit', 'Parser Error: syntax error at end of input')).toEqual({ message: 'syntax error at end of input', line: 3, column: 5 });
    expect(shown('select "oops', 'Parser Error: unterminated quoted identifier at or near ""oops"').message).toBe('unterminated quoted identifier at or near ""oops"');
  });

  it('leaves messages it does not know as DuckDB words them', () => {
    expect(shown("select 'a'::int", "Conversion Error: Could not convert string 'a' to INT32").message).toBe("Conversion Error: Could not convert string 'a' to INT32");
  });
});

describe('sqlErrorInWords: names already taken', () => {
  it('says a created table needs a name of its own, whatever DuckDB calls the object in the way', () => {
    const taken = `the name 'big' is taken by a table or view (loaded data, a segment, part or arm, or another cell's): give the new one another name`;
    expect(shown('create table big as select 1', 'Catalog Error: View with name "big" already exists!').message).toBe(taken);
    expect(shown('create table big as select 1', 'Catalog Error: Table with name big already exists!').message).toBe(taken);
  });

  it('says a view cannot be replaced by a table, nor a table by a view', () => {
    expect(shown('create or replace table big as select 1', 'Catalog Error: Existing object big is of type View, trying to replace with type Table').message).toBe(
      `'big' is a view, which create or replace table cannot replace: give the new table another name`,
    );
  });
});

describe('sqlErrorInWords: a column neither grouped nor aggregated', () => {
  const words = (sql: string, message: string) => sqlErrorInWords({ message, line: 1, column: 1 }, sql).message;

  it('asks for group by when the query has none', () => {
    expect(
      words(
        'select country, count(*) from customers',
        'Binder Error: column "country" must appear in the GROUP BY clause or must be part of an aggregate function. Either add it to the GROUP BY list, or use "ANY_VALUE(country)" if the exact value of "country" is not important.',
      ),
    ).toBe("'country' is selected beside an aggregate: add group by country, or aggregate it (any_value(country) takes one of its values)");
  });

  it('asks to add it to the group by the query has, in select or in having', () => {
    expect(
      words(
        'select country, region, count(*) from customers group by country',
        'Binder Error: column "region" must appear in the GROUP BY clause or must be part of an aggregate function. Either add it to the GROUP BY list, or use "ANY_VALUE(region)" if the exact value of "region" is not important.',
      ),
    ).toBe("'region' is neither in group by nor inside an aggregate: add it to group by, or aggregate it (any_value(region) takes one of its values)");
    expect(words('select country, count(*) from customers GROUP  BY 1 having age > 3', 'Binder Error: column age must appear in the GROUP BY clause or be used in an aggregate function')).toBe(
      "'age' is neither in group by nor inside an aggregate: add it to group by, or aggregate it (any_value(age) takes one of its values)",
    );
  });

  it('reads no group by in a comment or a string', () => {
    expect(
      words(
        "-- group by later\nselect country, 'group by' as note, count(*) from customers",
        'Binder Error: column "country" must appear in the GROUP BY clause or must be part of an aggregate function. Either add it to the GROUP BY list, or use "ANY_VALUE(country)" if the exact value of "country" is not important.',
      ),
    ).toMatch(/^'country' is selected beside an aggregate: add group by country/);
  });
});

describe('runtimeErrorInWords: what fails while a SegQL cell computes', () => {
  it('says a whole number outgrew its type, in SQL type names, and how to compute with decimals', () => {
    expect(runtimeErrorInWords('Out of Range Error: Overflow in multiplication of INT32 (2147483647 * 2147483647)!')).toBe(
      'the multiplication 2147483647 × 2147483647 is too large for whole numbers of type INTEGER: multiply by 1.0 first to compute with decimals',
    );
  });

  it('names a text that cannot be read as a number, and leaves other messages as they are', () => {
    expect(runtimeErrorInWords("Conversion Error: Could not convert string 'x' to INT32")).toBe("the text 'x' cannot be read as INTEGER: a value meets values of another kind here");
    expect(runtimeErrorInWords('Invalid Input Error: something else')).toBe('Invalid Input Error: something else');
  });
});
