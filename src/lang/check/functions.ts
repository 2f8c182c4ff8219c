import type { AggregateFn, ValueType } from './model.ts';

export interface ScalarFunction {
  minArgs: number;
  maxArgs: number;
  /** Expected argument kinds; the last repeats. 'any' accepts everything. */
  args: (ValueType | 'any' | 'dateLike')[];
  /** Result type, or 'first' for the type of the first argument. */
  returns: ValueType | 'first';
  signature: string;
  doc: string;
}

/** Scalar functions of SegQL (spec §4); unknown functions are errors, never passed to SQL. */
export const SCALAR_FUNCTIONS: Record<string, ScalarFunction> = {
  days_since: { minArgs: 1, maxArgs: 1, args: ['dateLike'], returns: 'number', signature: 'days_since(date)', doc: 'Days from the date to asof.' },
  days_between: { minArgs: 2, maxArgs: 2, args: ['dateLike'], returns: 'number', signature: 'days_between(a, b)', doc: 'Days from a to b (b − a).' },
  year: { minArgs: 1, maxArgs: 1, args: ['dateLike'], returns: 'number', signature: 'year(date)', doc: 'The year of a date.' },
  month: { minArgs: 1, maxArgs: 1, args: ['dateLike'], returns: 'number', signature: 'month(date)', doc: 'The month of a date, 1–12.' },
  lower: { minArgs: 1, maxArgs: 1, args: ['text'], returns: 'text', signature: 'lower(text)', doc: 'Text in lower case.' },
  upper: { minArgs: 1, maxArgs: 1, args: ['text'], returns: 'text', signature: 'upper(text)', doc: 'Text in upper case.' },
  length: { minArgs: 1, maxArgs: 1, args: ['text'], returns: 'number', signature: 'length(text)', doc: 'Number of characters.' },
  abs: { minArgs: 1, maxArgs: 1, args: ['number'], returns: 'number', signature: 'abs(x)', doc: 'Absolute value.' },
  round: { minArgs: 1, maxArgs: 2, args: ['number'], returns: 'number', signature: 'round(x [, digits])', doc: 'Rounds halves away from zero.' },
  coalesce: { minArgs: 1, maxArgs: Infinity, args: ['any'], returns: 'first', signature: 'coalesce(a, b, ...)', doc: 'The first value that is not null.' },
  least: { minArgs: 1, maxArgs: Infinity, args: ['any'], returns: 'first', signature: 'least(a, b, ...)', doc: 'The smallest value, ignoring nulls.' },
  greatest: { minArgs: 1, maxArgs: Infinity, args: ['any'], returns: 'first', signature: 'greatest(a, b, ...)', doc: 'The largest value, ignoring nulls.' },
};

export const AGGREGATE_FUNCTIONS: Record<AggregateFn, { signature: string; doc: string }> = {
  count: { signature: 'count(link [where C] [within D])', doc: 'Number of linked rows per entity (0 when none).' },
  sum: { signature: 'sum(link.x [where C] [within D])', doc: 'Sum per entity (0 when none).' },
  avg: { signature: 'avg(link.x [where C] [within D])', doc: 'Average per entity (null when none).' },
  min: { signature: 'min(link.x [where C] [within D])', doc: 'Smallest value per entity.' },
  max: { signature: 'max(link.x [where C] [within D])', doc: 'Largest value per entity.' },
  median: { signature: 'median(link.x [where C] [within D])', doc: 'Median per entity (interpolated).' },
  count_distinct: { signature: 'count_distinct(link.x [where C] [within D])', doc: 'Distinct values per entity (0 when none).' },
  first: { signature: 'first(link.x [where C] [within D])', doc: "Value of the earliest row by the link's time." },
  last: { signature: 'last(link.x [where C] [within D])', doc: "Value of the latest row by the link's time." },
};

export const METRIC_FUNCTIONS = ['avg', 'sum', 'min', 'max', 'median', 'count_distinct', 'pct'] as const;
export type MetricFn = (typeof METRIC_FUNCTIONS)[number] | 'count';

export const ALL_FUNCTION_NAMES = [
  ...Object.keys(SCALAR_FUNCTIONS),
  ...Object.keys(AGGREGATE_FUNCTIONS),
  'quantile',
  'pct',
  'size',
  'share',
];

export function isAggregateFn(name: string): name is AggregateFn {
  return Object.prototype.hasOwnProperty.call(AGGREGATE_FUNCTIONS, name);
}
