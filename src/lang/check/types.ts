import type { ValueType } from './model.ts';

/** DuckDB type name → the kind of value an analyst reasons about. */
export function valueTypeOf(sqlType: string): ValueType {
  const t = sqlType.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL|NUMERIC|INT)/.test(t)) {
    return 'number';
  }
  if (/^(VARCHAR|TEXT|STRING|CHAR|BPCHAR|UUID|ENUM)/.test(t)) return 'text';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP') || t === 'DATETIME') return 'timestamp';
  if (t === 'BOOLEAN' || t === 'BOOL') return 'boolean';
  return 'unknown';
}

export function describeType(type: ValueType): string {
  switch (type) {
    case 'number':
      return 'a number';
    case 'text':
      return 'text';
    case 'date':
      return 'a date';
    case 'timestamp':
      return 'a timestamp';
    case 'boolean':
      return 'true/false';
    case 'duration':
      return 'a duration';
    case 'null':
      return 'null';
    default:
      return 'a value';
  }
}

export function isDateLike(type: ValueType): boolean {
  return type === 'date' || type === 'timestamp';
}

/** Whether two values can be compared with =, <, between, in. */
export function comparable(a: ValueType, b: ValueType): boolean {
  if (a === 'null' || b === 'null' || a === 'unknown' || b === 'unknown') return true;
  if (isDateLike(a) && isDateLike(b)) return true;
  return a === b;
}
