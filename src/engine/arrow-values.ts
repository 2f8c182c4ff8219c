/**
 * Arrow values as DuckDB-WASM returns them → JSON-safe cell values (spec §9): integers beyond
 * 2^53 as digit strings, DATE as YYYY-MM-DD, TIMESTAMP as ISO 8601, nested values as JSON text.
 */
import type { DataType, Vector } from 'apache-arrow';
import { ArrowType } from './arrow-types.ts';
import type { Value } from './types.ts';

type Json = Value | Json[] | { [key: string]: Json };
// The concrete Arrow classes are told apart by typeId, so their fields are read loosely.
type AnyType = DataType & Record<string, any>;

/** Reads cell `i` of a column of this type. */
export type CellReader = (vector: Vector, i: number) => Value;

export function cellReader(type: DataType): CellReader {
  const t = type as AnyType;
  if (t.typeId === ArrowType.Interval) return (vector, i) => intervalText(vector, i);
  const convert = jsonConverter(type);
  const nested = t.typeId === ArrowType.List || t.typeId === ArrowType.FixedSizeList || t.typeId === ArrowType.Struct || t.typeId === ArrowType.Map;
  if (nested) return (vector, i) => {
    const value = vector.get(i);
    return value === null || value === undefined ? null : JSON.stringify(convert(value));
  };
  return (vector, i) => {
    const value = vector.get(i);
    return value === null || value === undefined ? null : (convert(value) as Value);
  };
}

function jsonConverter(type: DataType): (raw: unknown) => Json {
  const t = type as AnyType;
  switch (t.typeId) {
    case ArrowType.Int:
      return (raw) => (typeof raw === 'bigint' ? bigintValue(raw) : (raw as number));
    case ArrowType.Float:
      return (raw) => finiteOrText(raw as number);
    case ArrowType.Date:
      return (raw) => dateText(raw as number);
    case ArrowType.Timestamp:
      return (raw) => timestampText(raw as number, Boolean(t.timezone));
    case ArrowType.Time:
      return (raw) => timeText(raw as number | bigint, t.unit as number);
    case ArrowType.Decimal:
      return decimalConverter(t.scale as number);
    case ArrowType.Binary:
    case ArrowType.LargeBinary:
      return (raw) => blobText(raw as Uint8Array);
    case ArrowType.FixedSizeBinary:
      return (raw) => bigintValue(unsignedLittleEndian(raw as Uint8Array));
    case ArrowType.List:
    case ArrowType.FixedSizeList: {
      const item = nullable(jsonConverter(t.children[0].type));
      return (raw) => Array.from(raw as Iterable<unknown>, item);
    }
    case ArrowType.Struct: {
      const fields = (t.children as { name: string; type: DataType }[]).map((f) => [f.name, nullable(jsonConverter(f.type))] as const);
      return (raw) => {
        const row = raw as Record<string, unknown>;
        return Object.fromEntries(fields.map(([name, convert]) => [name, convert(row[name])]));
      };
    }
    case ArrowType.Map: {
      const [key, value] = (t.children[0].type as AnyType).children as { type: DataType }[];
      const convertKey = nullable(jsonConverter(key!.type));
      const convertValue = nullable(jsonConverter(value!.type));
      return (raw) => Object.fromEntries(Array.from(raw as Iterable<[unknown, unknown]>, ([k, v]) => [String(convertKey(k)), convertValue(v)]));
    }
    default:
      return (raw) => (typeof raw === 'bigint' ? bigintValue(raw) : (raw as Value));
  }
}

function nullable(convert: (raw: unknown) => Json): (raw: unknown) => Json {
  return (raw) => (raw === null || raw === undefined ? null : convert(raw));
}

/**
 * DECIMAL arrives as its unscaled two's-complement integer in 32-bit words, least significant
 * first. A whole DECIMAL (scale 0, HUGEINT too) keeps every digit like an integer; any other is
 * the nearest double to its exact decimal value, as the analyst reads it.
 */
function decimalConverter(scale: number): (raw: unknown) => Json {
  return (raw) => {
    const unscaled = decimalWords(raw as Uint32Array);
    if (scale === 0) return bigintValue(unscaled);
    const negative = unscaled < 0n;
    const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
    return Number(`${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
  };
}

function decimalWords(words: Uint32Array): bigint {
  let value = 0n;
  for (let i = words.length - 1; i >= 0; i--) value = (value << 32n) | BigInt(words[i]!);
  const bits = BigInt(words.length * 32);
  return words.length && words[words.length - 1]! >= 0x8000_0000 ? value - (1n << bits) : value;
}

export function bigintValue(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

/** NaN and ±Infinity have no JSON number; they are kept as the words DuckDB understands. */
function finiteOrText(value: number): number | string {
  if (Number.isFinite(value)) return value;
  return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
}

const MS_PER_DAY = 86_400_000;
/** DuckDB's ±infinity dates and timestamps arrive far outside JavaScript's date range. */
const MAX_DATE_MS = 8.64e15;

export function dateText(ms: number): string {
  if (Math.abs(ms) > MAX_DATE_MS) return ms > 0 ? 'infinity' : '-infinity';
  return isoDate(new Date(Math.floor(ms / MS_PER_DAY) * MS_PER_DAY));
}

/** Milliseconds since the epoch, possibly fractional (micro- and nanosecond units). */
export function timestampText(ms: number, utc: boolean): string {
  if (Math.abs(ms) > MAX_DATE_MS) return ms > 0 ? 'infinity' : '-infinity';
  const whole = Math.floor(ms);
  const micros = Math.round((ms - whole) * 1000);
  const date = new Date(whole);
  const clock = date.toISOString().slice(11, 19);
  const fraction = fractionText(date.getUTCMilliseconds() * 1000 + micros, 6);
  return `${isoDate(date)}T${clock}${fraction}${utc ? 'Z' : ''}`;
}

function isoDate(date: Date): string {
  const year = date.getUTCFullYear();
  const yyyy = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : String(year);
  return `${yyyy}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** `.123`, `.123456` or nothing: trailing zeros dropped. */
function fractionText(units: number, digits: number): string {
  if (units === 0) return '';
  return `.${String(units).padStart(digits, '0').replace(/0+$/, '')}`;
}

const TIME_UNITS_PER_SECOND = [1, 1_000, 1_000_000, 1_000_000_000];

function timeText(raw: number | bigint, unit: number): string {
  const perSecond = BigInt(TIME_UNITS_PER_SECOND[unit] ?? 1_000_000);
  const value = BigInt(raw);
  const seconds = Number(value / perSecond);
  const rest = Number(value % perSecond);
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}${fractionText(rest, String(perSecond).length - 1)}`;
}

function blobText(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x20 && byte < 0x7f && byte !== 0x5c ? String.fromCharCode(byte) : `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return text;
}

function unsignedLittleEndian(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i]!);
  return value;
}

/**
 * apache-arrow 17 misreads DuckDB's MONTH_DAY_NANO intervals, so the raw words are read here:
 * per value, int32 months, int32 days, int64 nanoseconds. Written as DuckDB prints them.
 */
function intervalText(vector: Vector, index: number): Value {
  if (!vector.isValid(index)) return null;
  let i = index;
  for (const data of vector.data) {
    if (i >= data.length) {
      i -= data.length;
      continue;
    }
    const words = data.values as Int32Array;
    const at = (data.offset + i) * 4;
    const nanos = (BigInt(words[at + 3]!) << 32n) | BigInt(words[at + 2]! >>> 0);
    return intervalWords(words[at]!, words[at + 1]!, nanos);
  }
  return null;
}

function intervalWords(months: number, days: number, nanos: bigint): string {
  const parts: string[] = [];
  const years = Math.trunc(months / 12);
  const restMonths = months % 12;
  if (years) parts.push(`${years} year${Math.abs(years) === 1 ? '' : 's'}`);
  if (restMonths) parts.push(`${restMonths} month${Math.abs(restMonths) === 1 ? '' : 's'}`);
  if (days) parts.push(`${days} day${Math.abs(days) === 1 ? '' : 's'}`);
  if (nanos !== 0n || parts.length === 0) {
    const sign = nanos < 0n ? '-' : '';
    const micros = (nanos < 0n ? -nanos : nanos) / 1000n;
    parts.push(`${sign}${timeText(micros, 2)}`);
  }
  return parts.join(' ');
}
