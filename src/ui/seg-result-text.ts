/**
 * A result table as text for other programs: TSV for the clipboard (pastes into spreadsheets as
 * cells) and CSV files (RFC 4180). Values are written raw — 0.247, not 24.7% — so they stay numbers.
 */
import type { Value } from '../engine/types.ts';

export interface TableText {
  columns: readonly string[];
  rows: readonly Value[][];
}

/** Rows in `order` (indices into rows), or as they are. Tabs and line breaks inside values become spaces. */
export function toTsv(table: TableText, order?: readonly number[]): string {
  const cell = (value: Value | undefined) => raw(value).replace(/[\t\r\n]+/g, ' ');
  return lines(table, order, cell, '\t', '\n');
}

export function toCsv(table: TableText, order?: readonly number[]): string {
  const cell = (value: Value | undefined) => {
    const text = raw(value);
    return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return lines(table, order, cell, ',', '\r\n');
}

/** A file name from the statement and the time: `compare-2024-12-31T10-22-05.csv`. */
export function exportFileName(statement: string, extension: string, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  return `${statement.replace(/[^\w.-]+/g, '_') || 'result'}-${stamp}.${extension}`;
}

function lines(table: TableText, order: readonly number[] | undefined, cell: (value: Value | undefined) => string, separator: string, eol: string): string {
  const out = [table.columns.map((c) => cell(c)).join(separator)];
  const indices = order ?? table.rows.map((_, i) => i);
  for (const i of indices) out.push(table.rows[i]!.map(cell).join(separator));
  return out.join(eol) + eol;
}

/**
 * Null is an empty cell, as spreadsheets and CSV readers expect. A fraction keeps 15 significant
 * digits, all a double holds for sure: a sum's binary rounding (430.9853100000002) is not data.
 */
function raw(value: Value | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value)) return String(Number(value.toPrecision(15)));
  return String(value);
}
