/** What every chart shares: rows as records, a label margin that fits, one look. */
import type { Value } from '../engine/types.ts';
import type { CellResult } from '../notebook/outcome.ts';

export interface ChartContext {
  /** The document to draw in: the page's, or a DOM implementation's in Node. */
  document: Document;
  /** Width in pixels (default 640). */
  width?: number;
}

export type ChartRecord = Record<string, Value>;

export const WIDTH = 640;
export const BAR_STEP = 22;

export function records(result: CellResult): ChartRecord[] {
  return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i] ?? null])));
}

/** Room for the longest label at the axis font (about 6.5 px per character), within reason. */
export function labelMargin(labels: string[], min = 40, max = 240): number {
  const longest = labels.reduce((n, l) => Math.max(n, l.length), 0);
  return Math.max(min, Math.min(max, Math.round(longest * 6.5) + 14));
}

export function label(value: Value): string {
  return value === null ? '(null)' : String(value);
}

export function percent(share: Value): string {
  return typeof share === 'number' ? `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%` : '';
}

/** Integers with thousands separators; other numbers with cents or four significant digits. */
export function count(value: Value): string {
  if (typeof value !== 'number') return label(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Math.abs(value) >= 1 ? (Math.round(value * 100) / 100).toLocaleString('en-US') : String(Number(value.toPrecision(4)));
}

export function figure(document: Document, className: string, parts: Element[]): HTMLElement {
  const container = document.createElement('div');
  container.setAttribute('class', `seg-chart ${className}`);
  for (const part of parts) container.appendChild(part);
  return container;
}

export function heading(document: Document, text: string): HTMLElement {
  const element = document.createElement('div');
  element.setAttribute('class', 'seg-chart-title');
  element.textContent = text;
  return element;
}

export function isNumeric(result: CellResult, column: string): boolean {
  const c = result.columns.indexOf(column);
  return c >= 0 && result.rows.some((r) => typeof r[c] === 'number') && result.rows.every((r) => r[c] === null || typeof r[c] === 'number');
}
