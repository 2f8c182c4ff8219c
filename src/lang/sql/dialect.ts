import type { Duration } from '../ast/nodes.ts';
import type { AggregateFn } from '../check/model.ts';

/**
 * Everything that differs between SQL databases: quoting, literals and function templates.
 * The emitter builds SQL only through a Dialect, so every name and string reaches SQL quoted.
 */
export interface Dialect {
  name: string;
  ident(name: string): string;
  string(value: string): string;
  /** `digits`: a whole number's exact digits where `value` (beyond 2^53) has lost some. */
  number(value: number, digits?: string): string;
  date(value: string): string;
  boolean(value: boolean): string;
  /** DATE/TIMESTAMP plus or minus a calendar duration; a DATE stays a DATE. */
  dateShift(date: string, sign: 1 | -1, duration: Duration, timestamp: boolean): string;
  /** Whole days from a to b. */
  daysBetween(a: string, b: string): string;
  toDate(value: string): string;
  /** Real division; dividing by zero gives null. */
  divide(a: string, b: string): string;
  /** A scalar function by its SegQL name, arguments already in SQL. */
  scalar(fn: string, args: string[]): string;
  /** A per-entity aggregate over linked rows; `filter` is the combined condition, if any. */
  aggregate(fn: AggregateFn, arg: string | undefined, time: string | undefined, filter: string | undefined): string;
  /** The 32-bit hash of a split (spec §3) as an integer 0 ≤ h < 2^32; `keyType`: the key column's type in the catalog. */
  splitHash(seed: string, key: string, keyType: string): string;
  /** ⌈N·k/n⌉ over the non-null values of `value` (spec §10), null for a null value; within each `partition`, if given. */
  quantile(buckets: number, value: string, order: 'asc' | 'desc', partition?: string): string;
  median(value: string): string;
  countDistinct(value: string): string;
  /** Text of a value (profile's value column). */
  toText(value: string): string;
  /** Text as compared ignoring case and the spaces around it. */
  fold(value: string): string;
  /** A list of rows as a table with the given columns. */
  values(rows: string[][], columns: string[]): string;
  /** `a % b`, each already in SQL at the precedence of `%`. */
  modulo(a: string, b: string): string;
  /** `value [NOT] LIKE pattern` (ILIKE: ignoring case), where only `%` and `_` are special. */
  like(value: string, pattern: string, negated: boolean, caseInsensitive: boolean): string;
  /** A share rounded to `digits` decimals as text: 0.5803, 0.5, 1.0. */
  roundedText(value: string, digits: number): string;
  /** A text value as ORDER BY sorts it: by code point, as DuckDB does. */
  orderText(value: string): string;
  /** `query` sorted by `order`, whose expressions may read the query's own column names. */
  orderedBy(query: string, order: string): string;
  /** GROUP BY the select list's items that are no aggregates: they come first, `count` of them. */
  groupByFirst(count: number): string;
  /**
   * One result row per entry from a single aggregate pass over the entities: `rowsColumns` is what the
   * aggregating step selects, `unnestRows` the query that turns its one row (or one per `keep`
   * group) into the entries' rows, with the `keep` items first.
   */
  rowsColumns(entries: Entry[]): string;
  unnestRows(entries: Entry[], from: string, keep: string[]): string;
  /** `head` and one row per entry of every entity of `from`: each entry's fields as columns. */
  unpivot(head: string, entries: Entry[], from: string): string;
}

/** A row as its fields, `[name, SQL]`, in column order. */
export type Entry = [string, string][];

/**
 * A statement the dialect cannot write faithfully: the compiler reports it at the statement, in
 * the analyst's words, rather than print SQL that would give other answers.
 */
export class Unexpressible extends Error {}
