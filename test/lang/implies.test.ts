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
const not = (operand: IR): IR => ({ k: 'unary', op: 'not', operand });
const list = (value: IR, items: IR[], negated = false): IR => ({ k: 'in', value, list: items, negated });
const name: IR = { k: 'column', name: 'first_name', row: 'entity' };
const big: IR = { k: 'segment', name: 'big' };

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
    ['another value within != a value', cmp(country, '=', s('GB')), cmp(country, '!=', s('US'))],
    ['a list without the value within !=', list(country, [s('GB'), s('FR')]), cmp(country, '!=', s('US'))],
    ['a range without the value within !=', cmp(age, '>', n(30)), cmp(age, '!=', n(20))],
    ['a range within not in (…)', cmp(age, '>', n(30)), list(age, [n(10), n(20)], true)],
    ['not in (…) within != one of its values', list(country, [s('US'), s('GB')], true), cmp(country, '!=', s('US'))],
    ['!= within not in (…) of that value', cmp(s('US'), '!=', country), list(country, [s('US')], true)],
    ['one side of an and within !=', and(big, cmp(country, '=', s('GB'))), cmp(country, '!=', s('US'))],
    ['not (=) is !=', not(cmp(country, '=', s('US'))), cmp(country, '!=', s('US'))],
    ['not (<=) is >', not(cmp(age, '<=', n(30))), cmp(age, '>', n(20))],
    ['not (… or …) is both negated', not(or(cmp(age, '<', n(30)), big)), cmp(age, '>=', n(18))],
    ['not within not, the other way round', not(cmp(age, '>', n(40))), not(cmp(age, '>', n(60)))],
    ['not not', not(not(big)), big],
    ['not (x not in …) is in', not(list(country, [s('US')], true)), list(country, [s('US'), s('GB')])],
    ['an earlier text', cmp(name, '<', s('C')), cmp(name, '<', s('M'))],
    ['a text within a text range', cmp(name, '=', s('Bob')), cmp(name, '<', s('M'))],
    ['a text range within its lower bound', { k: 'between', value: name, low: s('a'), high: s('c'), negated: false }, cmp(name, '>=', s('a'))],
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
    ['a range holding the value', cmp(age, '>=', n(20)), cmp(age, '!=', n(20))],
    ['!= another value', cmp(country, '!=', s('US')), cmp(country, '!=', s('GB'))],
    ['a list holding the value', list(country, [s('US'), s('GB')]), cmp(country, '!=', s('US'))],
    ['not in (…) without every value', list(country, [s('US')], true), list(country, [s('US'), s('GB')], true)],
    ['!= on another column', cmp(age, '>', n(30)), cmp(spend, '!=', n(20))],
    ['a number against != a text', cmp(age, '=', n(1)), cmp(age, '!=', s('2'))],
    ['either side of an or, one holding the value', or(cmp(country, '=', s('GB')), cmp(country, '=', s('US'))), cmp(country, '!=', s('US'))],
    ['not (>) is not >', not(cmp(age, '>', n(30))), cmp(age, '>', n(20))],
    ['not (a and b) within not a', not(and(big, cmp(age, '>', n(30)))), not(big)],
    ['a not that cannot move', not(big), big],
    ['a later text', cmp(name, '<', s('M')), cmp(name, '<', s('C'))],
    ['a text against a date', cmp(signup, '>', s('2024-06-01')), cmp(signup, '>', day('2024-01-01'))],
    ['text beyond U+D7FF', cmp(name, '<', s('\u{1F600}')), cmp(name, '<', s('\u{1F601}'))],
  ])('not: %s', (_, a, b) => expect(implies(a, b)).toBe(false));
});
