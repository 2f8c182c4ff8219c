import { describe, expect, test } from 'vitest';
import { completeSql, hoverSql } from '../../src/editor/sql-names.ts';
import { buildProgram, type Catalog } from '../../src/lang/index.ts';

const catalog: Catalog = {
  tables: [
    { name: 'customers', rowCount: 1200, columns: [{ name: 'customer_id', type: 'INTEGER' }, { name: 'country', type: 'VARCHAR' }] },
    { name: 'orders', columns: [{ name: 'customer_id', type: 'INTEGER' }, { name: 'amount', type: 'DOUBLE' }] },
    { name: 'Big Table', columns: [{ name: 'x y', type: 'INTEGER' }] },
  ],
};

const at = (sql: string) => completeSql(sql, sql.length, catalog);
const labels = (sql: string) => at(sql).items.map((i) => `${i.kind}:${i.label}`);

describe('completeSql', () => {
  test('nothing inside text in quotes or a comment; names again after them', () => {
    for (const sql of ["select * from customers where country = 'Lis", "select * from customers where country = 'it''", 'select 1 -- from cu', 'select /* cu']) {
      expect(at(sql).items, sql).toEqual([]);
    }
    for (const sql of ["select * from customers where country = 'PT' and ", "select 'it''s' from cu", 'select 1 -- note\nfrom cu', 'select /* note */ cu', 'select * from "cu']) {
      expect(at(sql).items.length, sql).toBeGreaterThan(0);
    }
  });

  test('tables by name, with their sizes, quoted when they need it', () => {
    const result = at('select * from cu');
    expect(result.items.filter((i) => i.kind === 'table').map((i) => [i.label, i.insertText, i.detail])).toEqual([
      ['customers', 'customers', '2 columns, 1,200 rows'],
      ['orders', 'orders', '2 columns'],
      ['Big Table', '"Big Table"', '1 column'],
    ]);
    expect([result.from, result.to]).toEqual([14, 16]);
  });

  test("a column named with one of DuckDB's reserved words goes in quoted", () => {
    const lines: Catalog = { tables: [{ name: 'lines', columns: [{ name: 'order', type: 'INTEGER' }, { name: 'ordinal', type: 'INTEGER' }] }] };
    const items = completeSql('select o from lines', 8, lines).items;
    expect(items.filter((i) => i.kind === 'column').map((i) => i.insertText)).toEqual(['"order"', 'ordinal']);
  });

  test('columns of the tables the cell mentions, not of the others', () => {
    expect(labels('select co from customers')).toContain('column:country');
    expect(labels('select co from customers')).not.toContain('column:amount');
  });

  test('after a dot: the columns of that table or alias only', () => {
    const later = 'select o. from orders o';
    expect(completeSql(later, 'select o.'.length, catalog).items.map((i) => i.label)).toEqual(['customer_id', 'amount']);
    const sql = 'select * from orders as o join customers c on c.customer_id = o.';
    expect(labels(sql)).toEqual(['column:customer_id', 'column:amount']);
    expect(labels('select customers.')).toEqual(['column:customer_id', 'column:country']);
    expect(at('select "Big Table".').items.map((i) => i.insertText)).toEqual(['"x y"']);
  });

  test('a typed double quote is part of the replaced prefix', () => {
    const sql = 'select * from "Bi';
    expect(at(sql).from).toBe(sql.indexOf('"'));
  });

  test("the notebook's segments, parts and arms as views", () => {
    const program = buildProgram([
      { index: 0, source: 'population customers key customer_id' },
      { index: 1, source: "segment us = country = 'US'\npartition tier { gold: customer_id < 10  other: otherwise }" },
    ]);
    const items = completeSql('select * from ', 14, catalog, program).items.filter((i) => i.kind === 'segment' || i.kind === 'part');
    expect(items.map((i) => [i.label, i.insertText])).toEqual([
      ['us', 'us'],
      ['tier.gold', '"tier.gold"'],
      ['tier.other', '"tier.other"'],
    ]);
    // After `tier.` the parts replace the name typed, quoted as one view name.
    const sql = 'select * from tier.';
    const parts = completeSql(sql, sql.length, catalog, program);
    expect(parts.items.map((i) => i.insertText)).toEqual(['"tier.gold"', '"tier.other"']);
    expect([parts.from, parts.to]).toEqual([sql.indexOf('tier'), sql.length]);
  });

  test('an alias written in a comment or a string is none', () => {
    const sql = "select * from customers -- or: from orders c\nwhere country <> 'from orders c' and c.";
    expect(at(sql).items.map((i) => i.label)).toEqual([]);
    expect(labels('select * from customers c where c.')).toContain('column:country');
  });

  test('names a WITH clause defines are offered as tables', () => {
    const names = labels('with recent as (select 1), "Big ones" as materialized (select 2) select * from re');
    expect(names).toEqual(expect.arrayContaining(['table:recent', 'table:Big ones']));
  });
});

describe('hoverSql', () => {
  const program = buildProgram([
    { index: 0, source: 'population customers key customer_id' },
    { index: 1, source: "segment us = country = 'US'\npartition tier { gold: customer_id < 10  other: otherwise }" },
  ]);
  /** The hover's text where `|` stands. */
  const hover = (text: string) => hoverSql(text.replace('|', ''), text.indexOf('|'), catalog, program)?.contents;

  test('a table with its size, a column of a table the cell reads with its type, through an alias too', () => {
    expect(hover('select * from cust|omers')).toBe('**table customers** — 2 columns, 1,200 rows');
    expect(hover('select coun|try from customers')).toBe('**country** — VARCHAR, a column of customers');
    expect(hover('select o.amo|unt from orders o')).toBe('**orders.amount** — DOUBLE');
    expect(hover('select * from "Big Ta|ble"')).toBe('**table Big Table** — 1 column');
  });

  test("the notebook's segment and part views", () => {
    expect(hover('select * from u|s')).toBe('**us** — segment members');
    expect(hover('select * from "tier.go|ld"')).toBe('**tier\\.gold** — partition tier members');
  });

  test('nothing in strings, comments, or for names it does not know', () => {
    expect(hover("select 'custo|mers' from orders")).toBeUndefined();
    expect(hover('select 1 -- custo|mers')).toBeUndefined();
    expect(hover('select nob|ody from customers')).toBeUndefined();
  });
});
