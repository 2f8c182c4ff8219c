import type { Duration } from '../ast/nodes.ts';
import type { AggregateFn } from '../check/model.ts';
import { Unexpressible, type Dialect } from './dialect.ts';
import { number, quantile, quotedName, string } from './standard.ts';

/**
 * PostgreSQL (16 or later: a subquery in FROM needs no alias), written to give the answers the
 * DuckDB SQL gives: `segbook sql --dialect postgres`. Checked against PGlite's PostgreSQL in
 * test/lang/postgres-dialect.test.ts.
 */

/** PostgreSQL cuts names at 63 bytes; two long step names sharing their first 63 bytes would clash. */
const MAX_NAME_BYTES = 63;
const encoder = new TextEncoder();

function ident(name: string): string {
  if (encoder.encode(name).length <= MAX_NAME_BYTES) return quotedName(name);
  // Kept apart by a hash of the whole name, the same wherever the name is written.
  let kept = '';
  for (const char of name) {
    if (encoder.encode(kept + char).length > MAX_NAME_BYTES - 9) break;
    kept += char;
  }
  return quotedName(`${kept} ${fnv1a(name)}`);
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}


function interval(duration: Duration): string {
  switch (duration.unit) {
    case 'day':
      return `INTERVAL '${duration.amount} days'`;
    case 'week':
      return `INTERVAL '${duration.amount * 7} days'`;
    case 'month':
      return `INTERVAL '${duration.amount} months'`;
    case 'year':
      return `INTERVAL '${duration.amount * 12} months'`;
  }
}

/**
 * DuckDB rounds a double as C's round(x · 10^d) / 10^d: halves away from zero, of x · 10^d as a
 * double (21.849999999999998 to one digit is 21.8). PostgreSQL rounds a double's halves to even,
 * and a numeric made from a double has lost those last digits (21.8500000000000, so 21.9).
 */
function round(args: string[]): string {
  const [value, digits] = args;
  const scale = digits === undefined ? undefined : /^-?\d+$/.test(digits) ? String(10 ** Number(digits)) : `power(CAST(10 AS double precision), ${digits})`;
  const scaled = scale === undefined ? `CAST(${value} AS double precision)` : `CAST(${value} AS double precision) * ${scale}`;
  const rounded = `sign(${scaled}) * floor(abs(${scaled}) + 0.5)`;
  return scale === undefined ? `(${rounded})` : `(${rounded} / ${scale})`;
}

const SAME_NAME = new Set(['lower', 'upper', 'length', 'abs', 'coalesce', 'least', 'greatest']);

/**
 * Text of a key as DuckDB writes it (`CAST(key AS VARCHAR)`), which a split hashes: whole numbers,
 * text and dates read the same in both; a fractional number does not (1.0 against 1).
 */
const SAME_TEXT = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|VARCHAR|DATE)$/i;

/**
 * An entry's field as a column of the aggregating step. Its fields come out as the columns of a
 * row of VALUES, which may not hold aggregates: the step computes them, the VALUES read them.
 */
function field(row: number, column: number): string {
  return `"row ${row + 1} field ${column + 1}"`;
}

export const postgres: Dialect = {
  name: 'postgres',
  ident,
  string,
  number,
  date: (value) => `DATE ${string(value)}`,
  boolean: (value) => (value ? 'TRUE' : 'FALSE'),
  dateShift(date, sign, duration, timestamp) {
    const shifted = `${date} ${sign > 0 ? '+' : '-'} ${interval(duration)}`;
    return timestamp ? `(${shifted})` : `CAST(${shifted} AS DATE)`;
  },
  // DATE − DATE is a whole number of days in PostgreSQL.
  daysBetween: (a, b) => `(CAST(${b} AS DATE) - CAST(${a} AS DATE))`,
  toDate: (value) => `CAST(${value} AS DATE)`,
  // Integers divide to an integer in PostgreSQL; SegQL's `/` is always real division.
  divide: (a, b) => `CAST(${a} AS double precision) / NULLIF(${b}, 0)`,
  scalar(fn, args) {
    if (SAME_NAME.has(fn)) return `${fn}(${args.join(', ')})`;
    if (fn === 'year' || fn === 'month') return `CAST(extract(${fn} FROM ${args[0]}) AS bigint)`;
    if (fn === 'round') return round(args);
    throw new Error(`no PostgreSQL template for ${fn}`);
  },
  aggregate(fn: AggregateFn, arg, time, filter) {
    const where = filter ? ` FILTER (WHERE ${filter})` : '';
    switch (fn) {
      case 'count':
        return `count(${arg ?? '*'})${where}`;
      case 'count_distinct':
        return `count(DISTINCT ${arg})${where}`;
      case 'median':
        return `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${arg})${where}`;
      case 'first':
      case 'last': {
        // DuckDB's arg_min and arg_max pass over rows whose value or time is null.
        const known = `${arg} IS NOT NULL AND ${time} IS NOT NULL`;
        return `(array_agg(${arg} ORDER BY ${time} ${fn === 'first' ? 'ASC' : 'DESC'}) FILTER (WHERE ${filter ? `(${filter}) AND ` : ''}${known}))[1]`;
      }
      default:
        return `${fn}(${arg})${where}`;
    }
  },
  splitHash(seed, key, keyType) {
    if (!SAME_TEXT.test(keyType)) {
      throw new Unexpressible(`PostgreSQL writes a ${keyType} key as other text than DuckDB, so this split would put members in other arms: split a population whose key is a whole number, text or a date`);
    }
    return `CAST(CAST('x' || substr(md5(${seed} || ':' || CAST(${key} AS text)), 1, 8) AS bit(32)) AS bigint)`;
  },
  // Both counts are whole numbers: `/` divides them to a whole number, rounded down (they are not negative).
  quantile: (buckets, value, order, partition) => quantile(buckets, value, order, partition, '/'),
  median: (value) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${value})`,
  countDistinct: (value) => `count(DISTINCT ${value})`,
  toText: (value) => `CAST(${value} AS text)`,
  fold: (value) => `lower(trim(${value}))`,
  values(rows, columns) {
    return `(VALUES ${rows.map((r) => `(${r.join(', ')})`).join(', ')}) AS t(${columns.map(ident).join(', ')})`;
  },
  // PostgreSQL has no `%` for doubles; numeric's keeps the dividend's sign, as DuckDB's does. By
  // zero it fails: null instead, as DuckDB gives for whole numbers (for a fraction, NaN).
  modulo: (a, b) => `mod(CAST(${a} AS numeric), NULLIF(CAST(${b} AS numeric), 0))`,
  // A backslash escapes in PostgreSQL's patterns by default; in DuckDB's it is a character.
  like: (value, pattern, negated, caseInsensitive) => `${value} ${negated ? 'NOT ' : ''}${caseInsensitive ? 'ILIKE' : 'LIKE'} ${pattern} ESCAPE ''`,
  // Both write a double as its shortest digits, but DuckDB writes a whole one as 1.0.
  roundedText: (value, digits) => `regexp_replace(CAST(${round([value, String(digits)])} AS text), '^(-?[0-9]+)$', '\\1.0')`,
  // By code point, as DuckDB sorts, whatever the database's collation.
  orderText: (value) => `${value} COLLATE "C"`,
  // An ORDER BY expression reads the query's tables, not its output: the output becomes a table.
  orderedBy: (query, order) => `SELECT *\nFROM (\n${query}\n) AS "rows"\nORDER BY ${order}`,
  groupByFirst: (count) => `GROUP BY ${Array.from({ length: count }, (_, i) => i + 1).join(', ')}`,
  rowsColumns: (entries) => entries.flatMap((fields, row) => fields.map(([, sql], column) => `${sql} AS ${field(row, column)}`)).join(',\n    '),
  unnestRows(entries, from, keep) {
    const rows = entries.map((fields, row) => `(${fields.map((_, column) => `c.${field(row, column)}`).join(', ')})`);
    const columns = (entries[0] ?? []).map(([name]) => ident(name)).join(', ');
    return `SELECT ${keep.map((k) => `${k}, `).join('')}r.* FROM ${ident(from)} AS c CROSS JOIN LATERAL (VALUES ${rows.join(', ')}) AS r(${columns})`;
  },
  unpivot(head, entries, from) {
    const rows = entries.map((fields) => `(${fields.map(([, sql]) => sql).join(', ')})`);
    const columns = (entries[0] ?? []).map(([name]) => ident(name)).join(', ');
    return `SELECT ${head}, u.*\n  FROM ${from}\n  CROSS JOIN LATERAL (VALUES\n      ${rows.join(',\n      ')}\n    ) AS u(${columns})`;
  },
};
