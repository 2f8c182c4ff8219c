/** Result values written for people (tables in the terminal and the report). */
import type { Value } from '../engine/types.ts';

export function formatValue(value: Value): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    // Money-sized figures keep cents; fractions (shares, lifts) keep four significant digits.
    return String(Math.abs(value) >= 1 ? Math.round(value * 100) / 100 : Number(value.toPrecision(4)));
  }
  return String(value);
}
