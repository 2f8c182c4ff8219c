import { describe, expect, it } from 'vitest';
import type { CellResult } from '../../src/notebook/outcome.ts';
import { sqlChangeInWords } from '../../src/notebook/sql-change.ts';

const count = (n?: number): CellResult => ({ statement: 'sql', columns: ['Count'], types: ['BIGINT'], rows: n === undefined ? [] : [[n]] });

describe('a SQL cell that changes the database, in words', () => {
  it.each([
    ['create table top as select * from customers limit 5', count(5), 'Created table top with 5 rows'],
    ['CREATE OR REPLACE TEMP TABLE "big ones" AS SELECT 1', count(1), 'Created table big ones with 1 row'],
    ['create table main.t as select 1', count(1), 'Created table t with 1 row'],
    ['create view v as select 1', count(), 'Created view v'],
    ['create table t (a int)', count(), 'Created table t'],
    ['insert into t select * from customers', count(1200), 'Inserted 1,200 rows'],
    ['update t set a = 1', count(0), 'Updated 0 rows'],
    ['delete from t where a = 1', count(3), 'Deleted 3 rows'],
    ['create table t2 (a int); insert into t2 values (1), (2);', count(2), 'Inserted 2 rows'],
    ["-- make it\ninsert into t values ('a;b')", count(1), 'Inserted 1 row'],
  ])('%s', (sql, result, words) => {
    expect(sqlChangeInWords(sql, result)).toBe(words);
  });

  it('leaves data alone: a query, or a column that only happens to be called Count', () => {
    expect(sqlChangeInWords('select count(*) as "Count" from t', count(3))).toBeUndefined();
    expect(sqlChangeInWords('select 1 as Count union all select 2', { ...count(1), rows: [[1], [2]] })).toBeUndefined();
    expect(sqlChangeInWords('create table t as select 1', { ...count(1), columns: ['n'] })).toBeUndefined();
    expect(sqlChangeInWords('create schema s', count())).toBeUndefined();
  });
});
