import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { buildProgram } from '../../src/lang/index.ts';
import { memberLists, membersCsv, membersSql } from '../../src/share/members.ts';

const program = (...cells: string[]) => buildProgram(cells.map((source, index) => ({ index, source })));

describe('segment member lists', () => {
  test('segments, partition parts and split arms, each with its population key', () => {
    const lists = memberLists(
      program(
        'population customers key customer_id\nsegment big = spend > 1\nsegment `odd name` = true',
        'partition tier { gold: spend > 10  rest: otherwise }\nsplit test = big into a 50%, b 50%\nsplit all_test = everyone into x 10%, y 90%',
      ),
    );
    expect(lists.map((l) => l.name)).toEqual(['big', 'odd name', 'tier.gold', 'tier.rest', 'test.a', 'test.b', 'all_test.x', 'all_test.y']);
    expect(new Set(lists.map((l) => l.key))).toEqual(new Set(['customer_id']));
  });

  test('with two populations each segment takes the key of the one it is of', () => {
    const lists = memberLists(program('population customers key customer_id\npopulation accounts key account_id\nsegment a of accounts = true\nsegment c of customers = true\nsegment bare = true'));
    expect(lists).toEqual([
      { name: 'a', key: 'account_id' },
      { name: 'c', key: 'customer_id' },
    ]);
  });

  test('the SQL quotes the view and the key, whatever their names', () => {
    expect(membersSql({ name: 'tier.gold', key: 'customer id' })).toBe('SELECT DISTINCT "customer id" FROM "tier.gold" ORDER BY 1');
    expect(membersSql({ name: 'we"ird', key: 'k' })).toBe('SELECT DISTINCT "k" FROM "we""ird" ORDER BY 1');
  });

  test('the CSV holds the keys, or their SHA-256 in hex', async () => {
    const list = { name: 'big', key: 'customer_id' };
    expect(await membersCsv(list, [1, 22, 'a,b'], false)).toBe('customer_id\r\n1\r\n22\r\n"a,b"\r\n');
    const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
    expect(await membersCsv(list, [1, 'ü'], true)).toBe(`sha256(customer_id)\r\n${sha('1')}\r\n${sha('ü')}\r\n`);
  });
});
