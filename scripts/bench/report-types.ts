/** What each row hands the report: tables, notes, a verdict against its target, and ratios for the chart. */
import type { RowId } from './options.ts';

export interface Table {
  columns: string[];
  rows: string[][];
  /** Right-aligned columns (numbers), by index. */
  numeric?: number[];
}

export interface Ratio {
  /** The row's short name in the chart, e.g. 'compiled / hand-written'. */
  group: string;
  label: string;
  value: number;
  /** The value the target allows; the chart draws it. */
  target?: number;
  /** Whether the target is an upper ('≤') or lower ('≥') bound. */
  bound?: 'at most' | 'at least';
}

export interface RowReport {
  id: RowId;
  target: string;
  /** true / false against the target; undefined when the row has none or was skipped. */
  met?: boolean;
  verdict: string;
  tables: Table[];
  notes: string[];
  ratios: Ratio[];
}

export function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}

export function skippedRow(id: RowId, target: string, reason: string): RowReport {
  return { id, target, verdict: `skipped: ${reason}`, tables: [], notes: [], ratios: [] };
}
