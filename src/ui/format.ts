/**
 * Result values written for people in the browser: thousands separators, shares as percentages,
 * lifts as ×1.23, dates as YYYY-MM-DD. How a column reads is decided once, from its name and its
 * DuckDB type (spec §5 names the share and lift columns), then applied to every value.
 */
import type { Value } from '../engine/types.ts';

/** `label`: whole numbers that name or date something (an ID, a year, a postcode), written without separators. */
export type ColumnFormat = 'integer' | 'label' | 'decimal' | 'percent' | 'lift' | 'date' | 'timestamp' | 'boolean' | 'text';

const INTEGER_TYPES = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT', 'INT1', 'INT2', 'INT4', 'INT8', 'INT', 'LONG']);
const DECIMAL_TYPES = new Set(['FLOAT', 'DOUBLE', 'REAL', 'FLOAT4', 'FLOAT8']);
const PERCENT_COLUMNS = new Set(['share', 'segment_share', 'baseline_share']);
/** Words of a column's name that make its whole numbers labels: customer_id, ID, Year_Birth, zipCode. */
const LABEL_WORDS = new Set(['id', 'year', 'zip', 'zipcode', 'postcode', 'postal', 'code', 'phone']);

/** Whether values of this DuckDB type are numbers (integers beyond 2^53 arrive as digit strings). */
export function isNumericType(type: string): boolean {
  const base = baseType(type);
  return INTEGER_TYPES.has(base) || DECIMAL_TYPES.has(base) || base === 'DECIMAL' || base === 'NUMERIC';
}

/** `shares`: the result's other columns that hold a share (CellResult.shares). */
export function columnFormat(column: string, type: string, shares: readonly string[] = []): ColumnFormat {
  const base = baseType(type);
  const numeric = isNumericType(type);
  if (numeric && (PERCENT_COLUMNS.has(column) || /^pct\(/i.test(column) || shares.includes(column))) return 'percent';
  if (numeric && column === 'lift') return 'lift';
  if (INTEGER_TYPES.has(base)) return namesALabel(column) ? 'label' : 'integer';
  if (numeric) return 'decimal';
  if (base === 'DATE') return 'date';
  if (base.startsWith('TIMESTAMP') || base === 'DATETIME') return 'timestamp';
  if (base === 'BOOLEAN' || base === 'BOOL') return 'boolean';
  return 'text';
}

/** Right-aligned in tables: everything that reads as a number. */
export function isNumericFormat(format: ColumnFormat): boolean {
  return format === 'integer' || format === 'label' || format === 'decimal' || format === 'percent' || format === 'lift';
}

/** A value as people read it; null is the word `null` (tables show it muted). */
export function formatValue(value: Value, format: ColumnFormat, locale = 'en-US'): string {
  if (value === null) return 'null';
  switch (format) {
    case 'integer':
      return typeof value === 'number' ? formatNumber(value, locale) : groupDigits(String(value), locale);
    case 'label':
      return String(value);
    case 'decimal':
      return typeof value === 'number' ? formatNumber(value, locale) : String(value);
    case 'percent':
      return typeof value === 'number' ? formatPercent(value, locale) : String(value);
    case 'lift':
      return typeof value === 'number' ? formatLift(value, locale) : String(value);
    case 'date':
      return formatDate(value);
    case 'timestamp':
      return formatTimestamp(value);
    default:
      return String(value);
  }
}

/** Whole numbers with separators; money-sized figures with at most two decimals; fractions with four significant digits. */
export function formatNumber(value: number, locale = 'en-US'): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '−∞';
  if (Number.isInteger(value)) return value.toLocaleString(locale, { maximumFractionDigits: 0 });
  if (Math.abs(value) >= 1) return value.toLocaleString(locale, { maximumFractionDigits: 2 });
  return value.toLocaleString(locale, { maximumSignificantDigits: 4 });
}

/** Axis ticks: 950, 1.2K, 45K, 3M — short enough that neighbours never touch. */
export function formatCompact(value: number, locale = 'en-US'): string {
  if (Math.abs(value) < 1000) return formatNumber(value, locale);
  // Compact notation stops at trillions; beyond, "5,000,000T" would be longer than 5E18.
  const notation = Math.abs(value) < 1e15 ? 'compact' : 'scientific';
  return value.toLocaleString(locale, { notation, maximumFractionDigits: 1 });
}

/** 0.247 → 24.7%; below one percent two significant digits, so small shares never read as 0%. */
export function formatPercent(share: number, locale = 'en-US'): string {
  if (!Number.isFinite(share)) return formatNumber(share, locale);
  const percent = share * 100;
  const digits = percent === 0 || Math.abs(percent) >= 1 ? { maximumFractionDigits: 1 } : { maximumSignificantDigits: 2 };
  return `${percent.toLocaleString(locale, digits)}%`;
}

/** 1.2345 → ×1.23: how many times more common than in the baseline. */
export function formatLift(lift: number, locale = 'en-US'): string {
  if (!Number.isFinite(lift)) return formatNumber(lift, locale);
  return `×${lift.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** DATE values are already YYYY-MM-DD; anything else that looks like a timestamp keeps its date part. */
export function formatDate(value: Value): string {
  const text = String(value);
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
}

/** ISO 8601 → `YYYY-MM-DD HH:MM:SS`, without a zero fraction or a UTC marker. */
export function formatTimestamp(value: Value): string {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(String(value));
  if (!match) return String(value);
  const fraction = match[3] && /[1-9]/.test(match[3]) ? match[3].replace(/0+$/, '') : '';
  const zone = match[4] && match[4] !== 'Z' && !/^[+-]00:?00$/.test(match[4]) ? ` ${match[4]}` : '';
  return `${match[1]} ${match[2]}${fraction}${zone}`;
}

/** Counts for people: 1 row, 12,345 rows. */
export function plural(count: number, noun: string, locale = 'en-US'): string {
  return `${countFormat(locale).format(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * A formatter made once per locale: toLocaleString makes one on every call, some 0.3 ms, and the
 * data panel's counts are drawn again on every change to the notebook, each keystroke too.
 */
const countFormats = new Map<string, Intl.NumberFormat>();

function countFormat(locale: string): Intl.NumberFormat {
  let format = countFormats.get(locale);
  if (!format) countFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

/** Functions whose value is one of their argument's values: max(signup_year) is a year, count(customer_id) is no ID. */
const PICKING_FUNCTIONS = new Set(['min', 'max', 'first', 'last']);

/** Whether the name's words (split at punctuation, spaces and camel case: 'customerID') say it labels something. */
function namesALabel(column: string): boolean {
  const call = /^\s*(\w+)\((.*)\)\s*$/s.exec(column);
  if (call) {
    const fn = call[1]!.toLowerCase();
    return fn === 'year' || (PICKING_FUNCTIONS.has(fn) && namesALabel(call[2]!));
  }
  const words = column.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [];
  return words.some((word) => LABEL_WORDS.has(word.toLowerCase()));
}

function baseType(type: string): string {
  return type.trim().toUpperCase().replace(/\(.*$/, '');
}

/** Digit strings (integers beyond 2^53) get separators too, exactly, without going through a number. */
function groupDigits(digits: string, locale: string): string {
  const match = /^(-?)(\d+)$/.exec(digits);
  if (!match) return digits;
  const separator = (1000).toLocaleString(locale).replace(/\d/g, '') || ',';
  return match[1] + match[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
