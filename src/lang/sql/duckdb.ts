import type { Duration } from '../ast/nodes.ts';
import type { AggregateFn } from '../check/model.ts';
import type { Dialect, Entry } from './dialect.ts';
import { number, quantile, quotedName as ident, string } from './standard.ts';


function interval(duration: Duration): string {
  switch (duration.unit) {
    case 'day':
      return `INTERVAL ${duration.amount} DAY`;
    case 'week':
      return `INTERVAL ${duration.amount * 7} DAY`;
    case 'month':
      return `INTERVAL ${duration.amount} MONTH`;
    case 'year':
      return `INTERVAL ${duration.amount * 12} MONTH`;
  }
}

/**
 * A result with one row per list entry, computed in one pass over the entities: each entry is a
 * struct of aggregates, the list is unnested afterwards. One scan keeps compiled SQL as fast as
 * the aggregate an analyst would write by hand.
 */
function structList(entries: Entry[]): string {
  return `[\n      ${entries.map(struct).join(',\n      ')}\n    ]`;
}

function struct(fields: Entry): string {
  return `{${fields.map(([k, v]) => `${string(k)}: ${v}`).join(', ')}}`;
}

const SAME_NAME = new Set(['year', 'month', 'lower', 'upper', 'length', 'abs', 'round', 'coalesce', 'least', 'greatest']);

/**
 * Spec §10: the mean of the two middle values for an even count. DuckDB's median of a DECIMAL is a
 * DECIMAL of the same scale, the mean cut to it (1.01 and 1.02 give 1.01): as a double it is 1.015.
 */
function median(value: string): string {
  return `median(CAST(${value} AS DOUBLE))`;
}

export const duckdb: Dialect = {
  name: 'duckdb',
  ident,
  string,
  number,
  date: (value) => `DATE ${string(value)}`,
  boolean: (value) => (value ? 'TRUE' : 'FALSE'),
  dateShift(date, sign, duration, timestamp) {
    const shifted = `${date} ${sign > 0 ? '+' : '-'} ${interval(duration)}`;
    return timestamp ? `(${shifted})` : `CAST(${shifted} AS DATE)`;
  },
  daysBetween: (a, b) => `date_diff('day', CAST(${a} AS DATE), CAST(${b} AS DATE))`,
  toDate: (value) => `CAST(${value} AS DATE)`,
  divide: (a, b) => `${a} / NULLIF(${b}, 0)`,
  scalar(fn, args) {
    if (SAME_NAME.has(fn)) return `${fn}(${args.join(', ')})`;
    throw new Error(`no DuckDB template for ${fn}`);
  },
  aggregate(fn: AggregateFn, arg, time, filter) {
    const where = filter ? ` FILTER (WHERE ${filter})` : '';
    switch (fn) {
      case 'count':
        return `count(${arg ?? '*'})${where}`;
      case 'count_distinct':
        return `count(DISTINCT ${arg})${where}`;
      case 'first':
        return `arg_min(${arg}, ${time})${where}`;
      case 'last':
        return `arg_max(${arg}, ${time})${where}`;
      case 'median':
        return `${median(arg!)}${where}`;
      default:
        return `${fn}(${arg})${where}`;
    }
  },
  splitHash: (seed, key) => `CAST('0x' || substr(md5(${seed} || ':' || CAST(${key} AS VARCHAR)), 1, 8) AS BIGINT)`,
  quantile: (buckets, value, order, partition) => quantile(buckets, value, order, partition, '//'),
  median,
  countDistinct: (value) => `count(DISTINCT ${value})`,
  toText: (value) => `CAST(${value} AS VARCHAR)`,
  fold: (value) => `lower(trim(${value}))`,
  values(rows, columns) {
    return `(VALUES ${rows.map((r) => `(${r.join(', ')})`).join(', ')}) AS t(${columns.map(ident).join(', ')})`;
  },
  modulo: (a, b) => `${a} % ${b}`,
  like: (value, pattern, negated, caseInsensitive) => `${value} ${negated ? 'NOT ' : ''}${caseInsensitive ? 'ILIKE' : 'LIKE'} ${pattern}`,
  roundedText: (value, digits) => `CAST(round(${value}, ${digits}) AS VARCHAR)`,
  orderText: (value) => value,
  orderedBy: (query, order) => `${query}\nORDER BY ${order}`,
  groupByFirst: () => 'GROUP BY ALL',
  rowsColumns: (entries) => `${structList(entries)} AS "rows"`,
  unnestRows: (_entries, from, keep) => `SELECT ${keep.map((k) => `${k}, `).join('')}unnest("rows", recursive := true) FROM ${ident(from)}`,
  unpivot: (head, entries, from) => `SELECT ${head}, unnest(${structList(entries)}, recursive := true)\n  FROM ${from}`,
};
