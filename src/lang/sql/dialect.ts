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
  /** The 32-bit hash of a split (spec §3) as an integer 0 ≤ h < 2^32. */
  splitHash(seed: string, key: string): string;
  /** ⌈N·k/n⌉ over the non-null values of `value` (spec §10), null for a null value; within each `partition`, if given. */
  quantile(buckets: number, value: string, order: 'asc' | 'desc', partition?: string): string;
  median(value: string): string;
  countDistinct(value: string): string;
  /** Text of a value (profile's value column). */
  toText(value: string): string;
  /** A list of rows as a table with the given columns. */
  values(rows: string[][], columns: string[]): string;
}
