/** The DuckDB type of a JSON field, from all its values, and the values prepared for their carrier. */
import type { Carrier } from './arrow-insert.ts';

export interface InferredColumn {
  carrier: Carrier;
  type: string;
  prepare(values: readonly unknown[]): readonly unknown[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

const present = (v: unknown) => v !== null && v !== undefined;

export function inferColumn(values: readonly unknown[]): InferredColumn {
  const kinds = new Set<Kind>();
  for (const value of values) if (present(value)) kinds.add(kindOf(value));
  const only = kinds.size === 1 ? [...kinds][0] : undefined;
  if (only === 'boolean') return { carrier: 'BOOLEAN', type: 'BOOLEAN', prepare: nullsOnly };
  if (only === 'integer') return { carrier: 'BIGINT', type: 'BIGINT', prepare: nullsOnly };
  if (kinds.size > 0 && [...kinds].every((k) => k === 'integer' || k === 'number')) return { carrier: 'DOUBLE', type: 'DOUBLE', prepare: nullsOnly };
  if (only === 'date') return { carrier: 'VARCHAR', type: 'DATE', prepare: nullsOnly };
  if (kinds.size > 0 && [...kinds].every((k) => k === 'date' || k === 'timestamp')) return { carrier: 'VARCHAR', type: 'TIMESTAMP', prepare: nullsOnly };
  return { carrier: 'VARCHAR', type: 'VARCHAR', prepare: asText };
}

type Kind = 'boolean' | 'integer' | 'number' | 'date' | 'timestamp' | 'string' | 'nested';

function kindOf(value: unknown): Kind {
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isSafeInteger(value) ? 'integer' : 'number';
    case 'string':
      return DATE.test(value) && validDate(value) ? 'date' : TIMESTAMP.test(value) && validDate(value.slice(0, 10)) ? 'timestamp' : 'string';
    default:
      return 'nested';
  }
}

function validDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The Arrow writer reads these values as they are; undefined (a missing field) is null. */
function nullsOnly(values: readonly unknown[]): readonly unknown[] {
  return values;
}

/** Mixed or nested values: strings stay strings, everything else is written as JSON. */
function asText(values: readonly unknown[]): readonly unknown[] {
  return values.map((v) => (!present(v) ? null : typeof v === 'string' ? v : JSON.stringify(v)));
}
