// Made-up results for the edges the sample notebooks do not reach: long names, nulls, negative and
// percentage metrics, many combinations and dates, failed expectations, empty and very long tables.
import type { Value } from '../../src/engine/types.ts';
import type { CellResult } from '../../src/notebook/outcome.ts';

const LONG = 'customers_who_bought_twice_in_the_last_quarter_and_opened_every_newsletter';

export const compareLongNames: CellResult = {
  statement: 'compare',
  columns: ['segment', 'size', 'share', 'pct(orders>3)', 'avg(margin)', 'sum(spend)'],
  types: ['VARCHAR', 'BIGINT', 'DOUBLE', 'DOUBLE', 'DOUBLE', 'HUGEINT'],
  rows: [
    [LONG, 1204, 0.4013, 0.62, 12.5, '12345678901234567890'],
    ['partition_with_a_long_name.part_with_an_even_longer_name_than_that', 312, 0.104, 0.18, -4.25, 981234],
    ['small', 0, 0, null, null, 0],
    ['everyone', 3000, 1, 0.31, 6.02, 5512300],
  ],
};

export const profileWithZeros: CellResult = {
  statement: 'profile',
  columns: ['attribute', 'value', 'segment_share', 'baseline_share', 'lift'],
  types: ['VARCHAR', 'VARCHAR', 'DOUBLE', 'DOUBLE', 'DOUBLE'],
  rows: [
    ['acquisition_channel_of_the_very_first_order', 'organic search via a partner site', 0.5, 0.1, 5],
    ['country', 'FR', 0.05, 0.2, 0.25],
    ['plan', null, 0.2, 0.1, 2],
    ['country', 'DE', 0.25, 0.25, 1],
    ['country', 'JP', 0, 0.1, 0],
    ['country', 'XX', 0.1, 0, null],
  ],
};

const SETS = ['champions', 'newsletter', 'big_baskets', 'mobile_app_users', 'returned_something'];

/** Every non-empty combination of five segments (31), largest first. */
export const overlapMany: CellResult = {
  statement: 'overlap',
  columns: [...SETS, 'size'],
  types: [...SETS.map(() => 'BOOLEAN'), 'BIGINT'],
  rows: Array.from({ length: 31 }, (_, i) => {
    const bits = i + 1;
    return [...SETS.map((_, s) => (bits & (1 << s)) !== 0), Math.round(2000 / (1 + i) + (bits % 7) * 3)] as Value[];
  }).sort((a, b) => (b[5] as number) - (a[5] as number)),
};

/** 36 monthly as-of dates for three segments. */
export const trendMonthly: CellResult = {
  statement: 'trend',
  columns: ['asof', 'segment', 'size'],
  types: ['DATE', 'VARCHAR', 'BIGINT'],
  rows: Array.from({ length: 36 }, (_, m) => {
    const date = new Date(Date.UTC(2022, m + 1, 0)).toISOString().slice(0, 10);
    return [
      [date, 'active', 1200 + Math.round(300 * Math.sin(m / 4)) + m * 10],
      [date, 'lapsed', 400 + m * 12],
      [date, LONG, 150 + (m % 6) * 20],
    ] as Value[][];
  }).flat(),
};

export const splitThreeArms: CellResult = {
  statement: 'split',
  columns: ['arm', 'size', 'share'],
  types: ['VARCHAR', 'BIGINT', 'DOUBLE'],
  rows: [
    ['control', 3334, 0.3334],
    ['email_with_a_discount_code_for_the_next_order', 3333, 0.3333],
    ['sms', 3333, 0.3333],
  ],
};

export const expectMixed: CellResult = {
  statement: 'expect',
  columns: ['expectation', 'passed', 'detail'],
  types: ['VARCHAR', 'BOOLEAN', 'VARCHAR'],
  rows: [['share(active) > 0.9', false, 'share(active) = 0.5803333333333334']],
};

export const emptyCompare: CellResult = {
  statement: 'compare',
  columns: ['segment', 'size', 'share'],
  types: ['VARCHAR', 'BIGINT', 'DOUBLE'],
  rows: [],
};

/**
 * A `show`-like table of `n` customers: ids, names, dates, money, shares, booleans and some nulls,
 * the same for every call (no randomness), so sorting can be checked row by row.
 */
export function bigTable(n: number): CellResult {
  const rows: Value[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2020, 0, 1 + ((i * 7919) % 1500))).toISOString().slice(0, 10);
    rows[i] = [
      i + 1,
      i % 13 === 0 ? null : `customer ${String((i * 48271) % n).padStart(6, '0')}`,
      day,
      i % 17 === 0 ? null : Math.round(((i * 2654435761) % 1000003) / 7) / 100,
      ((i * 31) % 1000) / 1000,
      i % 3 === 0,
    ];
  }
  return {
    statement: 'show',
    columns: ['customer_id', 'name', 'signup_date', 'spend', 'share', 'email_opt_in'],
    types: ['BIGINT', 'VARCHAR', 'DATE', 'DOUBLE', 'DOUBLE', 'BOOLEAN'],
    rows,
  };
}

/** `compare S1..Sn by region` over `groups` regions: sizes and shares that vary by both. */
export function compareMany(segments: number, groups: number): CellResult {
  const rows: Value[][] = [];
  for (let s = 0; s < segments; s++) {
    for (let g = 0; g < groups; g++) {
      const size = 40 + ((s * 37 + g * 53) % 300);
      rows.push([`segment_${s + 1}`, `region ${String.fromCharCode(65 + g)}`, size, size / 1000, (s + 1) * 10.5 + g]);
    }
  }
  return {
    statement: 'compare',
    columns: ['segment', 'region', 'size', 'share', 'avg(spend)'],
    types: ['VARCHAR', 'VARCHAR', 'BIGINT', 'DOUBLE', 'DOUBLE'],
    rows,
  };
}
