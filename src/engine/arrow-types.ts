/**
 * Arrow field → DuckDB type name, as DuckDB-WASM exports its results.
 * Type ids are compared as numbers (never `instanceof`): in Node, DuckDB-WASM's CommonJS build
 * and our ES modules load two copies of apache-arrow, whose classes differ.
 */
import type { DataType, Field } from 'apache-arrow';

/** apache-arrow's `Type` enum values that DuckDB-WASM produces. */
export const ArrowType = {
  Null: 1,
  Int: 2,
  Float: 3,
  Binary: 4,
  Utf8: 5,
  Bool: 6,
  Decimal: 7,
  Date: 8,
  Time: 9,
  Timestamp: 10,
  Interval: 11,
  List: 12,
  Struct: 13,
  FixedSizeBinary: 15,
  FixedSizeList: 16,
  Map: 17,
  LargeBinary: 19,
  LargeUtf8: 20,
  Dictionary: -1,
} as const;

const TIMESTAMP_NAMES = ['TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP', 'TIMESTAMP_NS'];
const SIGNED_INTS: Record<number, string> = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' };
const UNSIGNED_INTS: Record<number, string> = { 8: 'UTINYINT', 16: 'USMALLINT', 32: 'UINTEGER', 64: 'UBIGINT' };

// The concrete Arrow classes are told apart by typeId, so their fields are read loosely.
type AnyType = DataType & Record<string, any>;

export function duckdbTypeName(type: DataType): string {
  const t = type as AnyType;
  switch (t.typeId) {
    case ArrowType.Null:
      return 'NULL';
    case ArrowType.Int:
      return (t.isSigned ? SIGNED_INTS : UNSIGNED_INTS)[t.bitWidth] ?? 'BIGINT';
    case ArrowType.Float:
      return t.precision === 2 ? 'DOUBLE' : 'FLOAT';
    case ArrowType.Utf8:
    case ArrowType.LargeUtf8:
    case ArrowType.Dictionary:
      return 'VARCHAR';
    case ArrowType.Binary:
    case ArrowType.LargeBinary:
      return 'BLOB';
    case ArrowType.Bool:
      return 'BOOLEAN';
    case ArrowType.Decimal:
      return `DECIMAL(${t.precision},${t.scale})`;
    case ArrowType.Date:
      return 'DATE';
    case ArrowType.Time:
      return 'TIME';
    case ArrowType.Timestamp:
      return t.timezone ? 'TIMESTAMP WITH TIME ZONE' : TIMESTAMP_NAMES[t.unit] ?? 'TIMESTAMP';
    case ArrowType.Interval:
      return 'INTERVAL';
    case ArrowType.FixedSizeBinary:
      return 'UHUGEINT';
    case ArrowType.List:
      return `${duckdbTypeName(t.children[0].type)}[]`;
    case ArrowType.FixedSizeList:
      return `${duckdbTypeName(t.children[0].type)}[${t.listSize}]`;
    case ArrowType.Struct:
      return `STRUCT(${(t.children as Field[]).map((f) => `${quoteName(f.name)} ${duckdbTypeName(f.type)}`).join(', ')})`;
    case ArrowType.Map: {
      const [key, value] = (t.children[0].type as AnyType).children as Field[];
      return `MAP(${duckdbTypeName(key!.type)}, ${duckdbTypeName(value!.type)})`;
    }
    default:
      return String(type).toUpperCase();
  }
}

/**
 * Types whose Arrow form stands for more than one DuckDB type: DECIMAL(38,0) also carries HUGEINT,
 * VARCHAR also carries ENUM. For these the engine asks DuckDB itself. DOUBLE is only DOUBLE: the
 * engine exports DECIMAL as DECIMAL (src/engine/duckdb-engine.ts).
 */
export function isAmbiguous(type: DataType): boolean {
  const t = type as AnyType;
  if ((t.typeId === ArrowType.Decimal && t.precision === 38 && t.scale === 0) || t.typeId === ArrowType.Dictionary) return true;
  const children = (t.children ?? []) as Field[];
  return children.some((f) => isAmbiguous(f.type));
}

function quoteName(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
