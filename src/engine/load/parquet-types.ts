/** A Parquet schema column → its DuckDB type, how its values travel to DuckDB, and how to prepare them. */
import type { SchemaTree } from 'hyparquet';
import type { Carrier, LoadColumn } from './arrow-insert.ts';

export interface ParquetColumn extends Omit<LoadColumn, 'name'> {
  /** hyparquet's values for this column → values for the carrier. */
  prepare(values: ArrayLike<unknown>): ArrayLike<unknown>;
}

const same = (values: ArrayLike<unknown>) => values;
const each = (convert: (value: unknown) => unknown) => (values: ArrayLike<unknown>) => Array.from(values, (v) => (v === null || v === undefined ? null : convert(v)));
const asText = each(String);
const asJson = each((v) => JSON.stringify(v, jsonSafe));

function column(carrier: Carrier, type: string, prepare: ParquetColumn['prepare'] = same): ParquetColumn {
  return { carrier, type, prepare };
}

export function parquetColumn(field: SchemaTree): ParquetColumn {
  const { type, converted_type: converted, logical_type: logical } = field.element;
  if (field.children.length > 0 || converted === 'JSON' || logical?.type === 'GEOMETRY' || logical?.type === 'GEOGRAPHY') {
    return column('VARCHAR', 'VARCHAR', asJson);
  }
  if (converted === 'DECIMAL' || logical?.type === 'DECIMAL') return column('DOUBLE', 'DOUBLE');
  if (converted === 'DATE' || logical?.type === 'DATE') return column('DATE', 'DATE');
  if (type === 'INT96' || logical?.type === 'TIMESTAMP' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS') {
    const utc = logical?.type === 'TIMESTAMP' ? logical.isAdjustedToUTC : false;
    return column('VARCHAR', utc ? 'TIMESTAMPTZ' : 'TIMESTAMP', utc ? each((v) => `${v}Z`) : same);
  }
  if (logical?.type === 'TIME' || converted === 'TIME_MILLIS' || converted === 'TIME_MICROS') {
    const perMicro = converted === 'TIME_MILLIS' || (logical?.type === 'TIME' && logical.unit === 'MILLIS') ? 1000n : 1n;
    const nanos = logical?.type === 'TIME' && logical.unit === 'NANOS';
    return column('VARCHAR', 'TIME', each((v) => timeText(nanos ? BigInt(v as bigint) / 1000n : BigInt(v as number | bigint) * perMicro)));
  }
  if (logical?.type === 'UUID') return column('VARCHAR', 'UUID');
  if (logical?.type === 'FLOAT16') return column('DOUBLE', 'FLOAT');
  switch (type) {
    case 'BOOLEAN':
      return column('BOOLEAN', 'BOOLEAN');
    case 'INT32':
      return int32Column(converted, logical);
    case 'INT64':
      return converted === 'UINT_64' || (logical?.type === 'INTEGER' && !logical.isSigned) ? column('VARCHAR', 'UBIGINT', asText) : column('BIGINT', 'BIGINT');
    case 'FLOAT':
      return column('DOUBLE', 'FLOAT');
    case 'DOUBLE':
      return column('DOUBLE', 'DOUBLE');
    case 'FIXED_LEN_BYTE_ARRAY':
      return column('VARCHAR', 'VARCHAR', each((v) => (v instanceof Uint8Array ? hex(v) : String(v))));
    default:
      return column('VARCHAR', 'VARCHAR', asText);
  }
}

const INT32_TYPES: Record<string, string> = {
  INT_8: 'TINYINT',
  INT_16: 'SMALLINT',
  UINT_8: 'UTINYINT',
  UINT_16: 'USMALLINT',
};

function int32Column(converted: string | undefined, logical: SchemaTree['element']['logical_type']): ParquetColumn {
  const bits = logical?.type === 'INTEGER' ? logical.bitWidth : undefined;
  const signed = logical?.type === 'INTEGER' ? logical.isSigned : !converted?.startsWith('UINT');
  if (converted === 'UINT_32' || (bits === 32 && !signed)) return column('BIGINT', 'UINTEGER');
  const name = converted ? INT32_TYPES[converted] : bits === 8 ? (signed ? 'TINYINT' : 'UTINYINT') : bits === 16 ? (signed ? 'SMALLINT' : 'USMALLINT') : undefined;
  return column('INTEGER', name ?? 'INTEGER');
}

/** Microseconds since the epoch → `YYYY-MM-DD HH:MM:SS.ffffff`, the text DuckDB casts to TIMESTAMP exactly. */
export function timestampText(micros: bigint): string {
  let millis = micros / 1000n;
  if (micros < 0n && millis * 1000n !== micros) millis -= 1n;
  const rest = micros - millis * 1000n;
  const iso = new Date(Number(millis)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}${String(rest).padStart(3, '0')}`;
}

function timeText(micros: bigint): string {
  const seconds = Number(micros / 1_000_000n);
  const fraction = String(micros % 1_000_000n).padStart(6, '0');
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}.${fraction}`;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Uint8Array) return hex(value);
  return value;
}
