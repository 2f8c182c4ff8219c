import { describe, expect, it } from 'vitest';
import { entryValue, removeDataEntry, renameDataEntry, setDataEntry } from '../../src/data/data-entries.ts';
import { readFrontMatter } from '../../src/notebook/front-matter.ts';

describe('data entries in the front matter', () => {
  it('adds a bare path, and a mapping when there are reader options, which the front matter reads back', () => {
    let yaml = setDataEntry('title: Shop # the shop\n', 'customers', 'customers.csv', {});
    yaml = setDataEntry(yaml, 'orders', 'orders.txt', { encoding: 'windows-1252', delimiter: ';', header: false, names: ['id', 'amount'], skip: 2, dateformat: '%d/%m/%Y', timestampformat: '%d/%m/%Y %H:%M', nullstr: ['NA', ''] });
    expect(yaml).toBe(
      'title: Shop # the shop\ndata:\n  customers: customers.csv\n  orders:\n    path: orders.txt\n    encoding: windows-1252\n    delimiter: ;\n    header: false\n    names:\n      - id\n      - amount\n    skip: 2\n    dateformat: "%d/%m/%Y"\n    timestampformat: "%d/%m/%Y %H:%M"\n    nullstr:\n      - NA\n      - ""\n',
    );
    const { meta, problems } = readFrontMatter(yaml);
    expect(problems).toEqual([]);
    expect(meta.data).toEqual([
      { name: 'customers', path: 'customers.csv', options: {} },
      { name: 'orders', path: 'orders.txt', options: { encoding: 'windows-1252', delimiter: ';', header: false, names: ['id', 'amount'], skip: 2, dateformat: '%d/%m/%Y', timestampformat: '%d/%m/%Y %H:%M', nullstr: ['NA', ''] } },
    ]);
  });

  it('replaces an entry of the same name (ignoring case) where it stands', () => {
    const yaml = 'data:\n  Customers: old.csv\n  orders: orders.csv\n';
    expect(setDataEntry(yaml, 'customers', 'new.csv', { header: true })).toBe('data:\n  Customers:\n    path: new.csv\n    header: true\n  orders: orders.csv\n');
  });

  it('renames and removes, dropping an empty data mapping', () => {
    const yaml = 'title: T\ndata:\n  a: a.csv\n  b: b.csv\n';
    expect(renameDataEntry(yaml, 'A', 'alpha')).toBe('title: T\ndata:\n  alpha: a.csv\n  b: b.csv\n');
    expect(removeDataEntry(removeDataEntry(yaml, 'a'), 'b')).toBe('title: T\n');
  });

  it('starts a front matter when there is none', () => {
    expect(setDataEntry(undefined, 't', 't.parquet', {})).toBe('data:\n  t: t.parquet\n');
    expect(setDataEntry('', 't', 't.parquet', {})).toBe('data:\n  t: t.parquet\n');
  });

  it('never rewrites front matter that is not a valid mapping', () => {
    expect(setDataEntry('title: [unclosed', 't', 't.csv', {})).toBeUndefined();
    expect(setDataEntry('- a list', 't', 't.csv', {})).toBeUndefined();
    expect(removeDataEntry('data: a string', 't')).toBeUndefined();
  });

  it('writes an entry value with the options in the spec order', () => {
    expect(entryValue('x.csv', {})).toBe('x.csv');
    expect(Object.keys(entryValue('x.csv', { skip: 1, delimiter: '|' }) as object)).toEqual(['path', 'delimiter', 'skip']);
  });
});
