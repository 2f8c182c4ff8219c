/** Do two result tables give the same answer? Cell by cell in order; numbers within a relative tolerance. */
import type { QueryResult, Value } from '../../src/engine/types.ts';

const RELATIVE = 1e-9;
const ABSOLUTE = 1e-12;

/** undefined when they agree, else the first difference in words. */
export function answerDifference(expected: QueryResult, actual: QueryResult): string | undefined {
  if (expected.columns.length !== actual.columns.length) {
    return `${expected.columns.length} columns (${expected.columns.join(', ')}) vs ${actual.columns.length} (${actual.columns.join(', ')})`;
  }
  if (expected.rows.length !== actual.rows.length) return `${expected.rows.length} rows vs ${actual.rows.length}`;
  for (let r = 0; r < expected.rows.length; r++) {
    for (let c = 0; c < expected.columns.length; c++) {
      const a = expected.rows[r]![c] ?? null;
      const b = actual.rows[r]![c] ?? null;
      if (!sameValue(a, b)) return `row ${r + 1}, column ${expected.columns[c]}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
    }
  }
  return undefined;
}

function sameValue(a: Value, b: Value): boolean {
  const x = numeric(a);
  const y = numeric(b);
  if (typeof x === 'number' && typeof y === 'number') {
    return x === y || Math.abs(x - y) <= Math.max(ABSOLUTE, RELATIVE * Math.max(Math.abs(x), Math.abs(y)));
  }
  return x === y;
}

/** Native DuckDB hands big integers and decimals over as text. */
function numeric(v: Value): Value {
  return typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}
