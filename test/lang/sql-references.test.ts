import { describe, expect, it } from 'vitest';
import { sqlCreates, sqlReferences as sqlReferenceSpans } from '../../src/lang/index.ts';

const sqlReferences = (sql: string) => sqlReferenceSpans(sql).map((ref) => ref.name);

describe('the names a SQL cell reads', () => {
  it('reads bare words and quoted names, outside strings and comments', () => {
    expect(sqlReferences(`select * from "tier.gold" where city = 'big_spenders' -- vip\n/* lapsed */ and x`)).toEqual(['select', 'from', 'tier.gold', 'where', 'city', 'and', 'x']);
  });

  it('leaves out the names a query gives with AS: column and table aliases', () => {
    expect(sqlReferences('select 42 as big_spenders, n AS "vip" from orders as o')).toEqual(['select', 'n', 'from', 'orders']);
  });

  it('still reads a CTE or a new table that is named before AS, and what it is made of', () => {
    expect(sqlReferences('with vip as (select * from big_spenders) select * from vip')).toEqual(['with', 'vip', 'select', 'from', 'big_spenders']);
    expect(sqlReferences('create table copy as select * from "tier.gold"')).toEqual(['create', 'table', 'copy', 'select', 'from', 'tier.gold']);
  });

  it('skips a comment between AS and its alias as a reader would', () => {
    expect(sqlReferences('select 1 as /* the score */ big_spenders')).toEqual(['select']);
  });

  it('gives each name once, placed at its first mention, lines counted past comments and strings', () => {
    const refs = sqlReferenceSpans("select 'a\nb' as t,\n  /* two\nlines */ x from vb\r\nwhere x > (select max(x) from vb)");
    expect(refs.filter((r) => r.name === 'vb')).toEqual([{ name: 'vb', span: { start: 44, end: 46, line: 4, column: 17, endLine: 4, endColumn: 19 } }]);
    expect(refs.find((r) => r.name === 'where')!.span).toMatchObject({ line: 5, column: 1 });
  });
});

describe('sqlCreates', () => {
  it('finds the tables and views the statements make, in every spelling of create', () => {
    expect(sqlCreates('create table copy as select * from "tier.gold"')).toEqual(['copy']);
    expect(sqlCreates('CREATE OR REPLACE TEMP TABLE scores AS SELECT 1; create view if not exists "Top Ten" as select 2')).toEqual(['scores', 'Top Ten']);
    expect(sqlCreates('create temporary view v as select 1;\ncreate table if not exists t (id int)')).toEqual(['v', 't']);
  });

  it('reads main.t and temp.t as t, the notebook\'s own schemas', () => {
    expect(sqlCreates('create table main.copy as select 1; create temp table temp.scratch as select 2')).toEqual(['copy', 'scratch']);
  });

  it('leaves out what only looks like a create, and names in other schemas', () => {
    expect(sqlCreates("select 'create table x' as note -- create table y\n/* create view z */")).toEqual([]);
    expect(sqlCreates('create table other.copy as select 1')).toEqual([]);
    expect(sqlCreates('select * from orders')).toEqual([]);
    expect(sqlCreates('create index i on orders (id)')).toEqual([]);
  });
});
