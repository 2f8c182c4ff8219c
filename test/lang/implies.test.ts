import { describe, expect, it } from 'vitest';
import { implies } from '../../src/lang/check/implies.ts';
import type { IR } from '../../src/lang/check/model.ts';

const spend: IR = { k: 'column', name: 'spend', row: 'entity' };
const age: IR = { k: 'column', name: 'age', row: 'entity' };
const country: IR = { k: 'column', name: 'country', row: 'entity' };
const n = (value: number): IR => ({ k: 'number', value });
const minus = (value: number): IR => ({ k: 'unary', op: '-', operand: n(value) });
const day = (value: string): IR => ({ k: 'date', value });
const signup: IR = { k: 'column', name: 'signup_date', row: 'entity' };
const s = (value: string): IR => ({ k: 'string', value });
const cmp = (left: IR, op: string, right: IR): IR => ({ k: 'binary', op, left, right });
const and = (left: IR, right: IR): IR => ({ k: 'binary', op: 'and', left, right });
const or = (left: IR, right: IR): IR => ({ k: 'binary', op: 'or', left, right });

describe('implies: a condition that can only be true where another is', () => {
  it.each<[string, IR, IR]>([
    ['the same condition', cmp(spend, '>', n(10)), cmp(spend, '>', n(10))],
    ['a higher lower bound', cmp(spend, '>=', n(2000)), cmp(spend, '>', n(1000))],
    ['> n within >= n', cmp(spend, '>', n(5)), cmp(spend, '>=', n(5))],
    ['a lower upper bound', cmp(age, '<', n(25)), cmp(age, '<=', n(30))],
    ['the number on the left', cmp(n(100), '<', spend), cmp(spend, '>', n(50))],
    ['an equality within a range', cmp(age, '=', n(40)), cmp(age, '>', n(30))],
    ['between within a bound', { k: 'between', value: age, low: n(30), high: n(40), negated: false }, cmp(age, '>=', n(18))],
    ['a conjunction within one of its sides', and(cmp(age, '>', n(30)), { k: 'segment', name: 'big' }), { k: 'segment', name: 'big' }],
    ['either side of an or within the same bound', or(cmp(age, '>', n(60)), cmp(age, '>', n(70))), cmp(age, '>', n(50))],
    ['a value within a list holding it', cmp(country, '=', s('US')), { k: 'in', value: country, list: [s('GB'), s('US')], negated: false }],
    ['a higher negative bound', cmp(spend, '>', minus(5)), cmp(spend, '>', minus(100))],
    ['zero above a negative bound', cmp(spend, '>', n(0)), cmp(spend, '>', minus(5))],
    ['a later date', cmp(signup, '>', day('2024-06-01')), cmp(signup, '>', day('2024-01-01'))],
    ['a list within a longer list', { k: 'in', value: country, list: [s('US')], negated: false }, { k: 'in', value: country, list: [s('US'), s('GB')], negated: false }],
  ])('%s', (_, a, b) => expect(implies(a, b)).toBe(true));

  it.each<[string, IR, IR]>([
    ['a looser bound', cmp(spend, '>', n(1000)), cmp(spend, '>', n(2000))],
    ['>= n is not > n', cmp(spend, '>=', n(5)), cmp(spend, '>', n(5))],
    ['opposite directions', cmp(age, '<', n(30)), cmp(age, '>', n(10))],
    ['another column', cmp(age, '>', n(30)), cmp(spend, '>', n(10))],
    ['one side of an or alone', or(cmp(age, '>', n(60)), { k: 'segment', name: 'big' }), cmp(age, '>', n(50))],
    ['a lower negative bound', cmp(spend, '>', minus(100)), cmp(spend, '>', minus(5))],
    ['an earlier date', cmp(signup, '>', day('2024-01-01')), cmp(signup, '>', day('2024-06-01'))],
    ['a date against a number', cmp(signup, '>', day('2024-01-01')), cmp(signup, '>', n(0))],
    ['a negated list', { k: 'in', value: country, list: [s('US')], negated: true }, { k: 'in', value: country, list: [s('US'), s('GB')], negated: false }],
    ['a value missing from the list', cmp(country, '=', s('FR')), { k: 'in', value: country, list: [s('GB'), s('US')], negated: false }],
    ['a range only partly inside', { k: 'between', value: age, low: n(10), high: n(40), negated: false }, cmp(age, '>=', n(18))],
  ])('not: %s', (_, a, b) => expect(implies(a, b)).toBe(false));
});
