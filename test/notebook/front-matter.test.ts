import { describe, expect, it } from 'vitest';
import { readFrontMatter, updateFrontMatter } from '../../src/notebook/front-matter.ts';

describe('the front matter', () => {
  it('reads title, asof and data entries as paths or reader options', () => {
    const { meta, problems } = readFrontMatter(
      'title: RFM\nasof: 2024-06-30\ndata:\n  customers: data/customers.csv\n  orders:\n    path: data/orders.txt\n    delimiter: ";"\n    header: false\n    names: [id, customer_id, amount]\n    skip: 1\n    dateformat: "%d/%m/%Y"\n    types: {amount: DOUBLE}\n',
    );
    expect(problems).toEqual([]);
    expect(meta).toEqual({
      title: 'RFM',
      asof: '2024-06-30',
      data: [
        { name: 'customers', path: 'data/customers.csv', options: {} },
        {
          name: 'orders',
          path: 'data/orders.txt',
          options: { delimiter: ';', header: false, names: ['id', 'customer_id', 'amount'], skip: 1, dateformat: '%d/%m/%Y', types: { amount: 'DOUBLE' } },
        },
      ],
    });
  });

  it('says what is wrong, in words, without throwing', () => {
    expect(readFrontMatter('title: x\nasof: [oops\n').problems[0]).toMatch(/^the front matter is not valid YAML \(line 4 of the file\): \w/);
    expect(readFrontMatter('asof: 2024-02-30\n').problems).toEqual(["asof '2024-02-30' in the front matter is not a date like 2024-06-30"]);
    expect(readFrontMatter('data:\n  t: {path: a.csv, delim: ";"}\n').problems).toEqual([
      "data entry 't' has unknown option delim (known: path, format, encoding, delimiter, header, names, skip, dateformat, timestampformat, nullstr, types)",
    ]);
    expect(readFrontMatter('data:\n  t: {header: true}\n').problems).toEqual(["data entry 't' needs a path"]);
    expect(readFrontMatter('data:\n  t: {path: a.csv, skip: -1}\n').problems).toEqual(["data entry 't': skip must be a number of lines"]);
    expect(readFrontMatter('data:\n  t: {path: a.csv, encoding: ebcdic}\n').problems).toEqual([
      "data entry 't': encoding must be the name of a text encoding, such as windows-1252, iso-8859-2, shift_jis or utf-16",
    ]);
    expect(readFrontMatter('data:\n  t: {path: a.csv, encoding: Latin1}\n').meta.data[0]!.options).toEqual({ encoding: 'Latin1' });
    expect(readFrontMatter('data:\n  t: {path: a.csv, nullstr: [NA, "", "N/A"], timestampformat: "%m/%d/%Y %H:%M"}\n').meta.data[0]!.options).toEqual({
      nullstr: ['NA', '', 'N/A'],
      timestampformat: '%m/%d/%Y %H:%M',
    });
    expect(readFrontMatter('data:\n  t: {path: a.csv, nullstr: null}\n').problems).toEqual([
      "data entry 't': nullstr must be the text that stands for a missing value, such as \"NA\", or a list of such texts (in quotes)",
    ]);
    expect(readFrontMatter('data:\n  Customers: c.csv\n  customers: o.csv\n')).toMatchObject({
      meta: { data: [{ name: 'Customers', path: 'c.csv' }] },
      problems: ["data entries 'Customers' and 'customers' name the same table (table names ignore case): rename one"],
    });
    expect(readFrontMatter('- a\n').problems).toEqual(['the front matter must be a mapping of fields (title, asof, data)']);
  });

  it('changes fields and keeps comments and order', () => {
    const yaml = '# shared with the team\ntitle: Old\ndata:\n  customers: c.csv # the CRM export\n';
    expect(updateFrontMatter(yaml, { title: 'New', asof: '2024-01-01' })).toBe(
      '# shared with the team\ntitle: New\ndata:\n  customers: c.csv # the CRM export\nasof: 2024-01-01\n',
    );
    expect(updateFrontMatter(undefined, { title: 'T' })).toBe('title: T\n');
  });
});
