/**
 * What every chart shares: rows as records, one palette that reads on light and dark pages, label
 * margins that fit (long names are cut with an ellipsis and keep the full name as a tooltip), and
 * headings and panels drawn as SVG so a chart exports as one picture.
 */
import * as Plot from '@observablehq/plot';
import type { Value } from '../engine/types.ts';
import type { CellResult } from '../notebook/outcome.ts';
import { columnFormat, formatNumber, formatValue, isNumericType } from '../ui/format.ts';
import type { SegmentColours } from './segment-colours.ts';

export interface ChartContext {
  /** The document to draw in: the page's, or a DOM implementation's in Node. */
  document: Document;
  /** Width in pixels of the space the chart may fill (default 820). */
  width?: number;
  /** The notebook's colour for each segment, the same in every chart; without it, colours go by position in the chart. */
  segmentColours?: SegmentColours;
}

export type ChartRecord = Record<string, Value>;

/** The report's column (src/notebook/report-style.ts: 900 px less padding) when no width is given. */
export const WIDTH = 820;
export const MIN_WIDTH = 280;
export const FONT_SIZE = 11;
/** Pixels per bar band, and the least a chart of bars is tall besides its bars. */
export const BAR_STEP = 24;
/**
 * Observable's ten, kept as they are: notebooks, reports and screenshots already show them. They
 * are not all 3:1 on white (the yellow, coral, teal, pink, light blue and grey are not).
 */
export const PALETTE = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'];
/** About how wide an average character of the axis font is, in pixels. */
const CHAR_WIDTH = 6.3;

export const PLOT_STYLE = { fontSize: `${FONT_SIZE}px`, overflow: 'visible' } as const;

export function chartWidth(width: number | undefined): number {
  return Math.max(MIN_WIDTH, Math.floor(width ?? WIDTH));
}

export function records(result: CellResult): ChartRecord[] {
  return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i] ?? null])));
}

export function label(value: Value | undefined): string {
  return value === null || value === undefined ? '(null)' : String(value);
}

/** Room for the longest label, between `min` and `max` pixels; longer labels are cut to fit. */
export function labelMargin(labels: readonly string[], min: number, max: number): number {
  const longest = labels.reduce((n, l) => Math.max(n, textWidth(l)), 0);
  return Math.round(Math.max(min, Math.min(max, longest + 14)));
}

/** A y axis of names that never spill out of its margin: cut with … and titled with the whole name. */
export function nameAxisY(margin: number, options: Record<string, unknown> = {}) {
  return Plot.axisY({ tickSize: 0, textOverflow: 'ellipsis-end', lineWidth: Math.max(2, (margin - 10) / FONT_SIZE), title: (d: string) => d, label: null, ...options });
}

/** The same for facet names along the left (compare's `by` values). */
export function nameAxisFy(margin: number) {
  return Plot.axisFy({ anchor: 'left', tickSize: 0, textOverflow: 'ellipsis-end', lineWidth: Math.max(2, (margin - 10) / FONT_SIZE), title: (d: string) => d, label: null });
}

/**
 * How wide `text` is likely to be at the axis font, in pixels: character widths by class, at or
 * above the estimates Plot uses to cut text, so a label given this much room is never cut.
 */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let ems = 0;
  for (const character of text) {
    if (/[ijlI.,:;'!|]/.test(character)) ems += 0.32;
    else if (/[frt()/\s-]/.test(character)) ems += 0.49;
    else if (/[mwMW@%…]/.test(character)) ems += 1;
    else if (/[A-Z#&×]/.test(character)) ems += 0.78;
    else if (/[0-9]/.test(character)) ems += 0.66;
    else ems += 0.63;
  }
  return Math.ceil(ems * fontSize);
}

/**
 * Segments 11 to 20 (an RFM partition has eleven parts and more): an eleventh segment in the first
 * colour again would read as the first. Bars are fixed fills drawn on a white page and on a
 * near-black one, so each of these is 3:1 or more against both (WCAG 1.4.11 for graphics): relative
 * luminance 0.12 to 0.30, and these keep to 0.13 to 0.28 so they hold on the panels and the report's
 * dark page too. Within that, each is ΔE2000 ≥ 15 from all nineteen others and stays apart for
 * deuteranopes and protanopes (test/charts/palette.test.ts). They come in order of how far each is
 * from the colours before it, so an eleventh segment gets the most distinct.
 */
const SECOND_TEN = ['#007828', '#c82823', '#a08705', '#735f91', '#c80f64', '#058787', '#2d96be', '#b969a5', '#b96e73', '#696969'];

/** Twenty distinct colours: Observable's ten, then ten more. */
export const COLOURS: readonly string[] = [...PALETTE, ...SECOND_TEN];

/** The grey of each ten: a segment in grey would read as the whole population, which has Observable's grey. */
export const GREYS: readonly string[] = [PALETTE[9]!, SECOND_TEN[9]!];

/** The colour of each name, in order: twenty distinct ones, then round again. */
function colours(names: readonly string[]): string[] {
  return names.map((_, i) => COLOURS[i % COLOURS.length]!);
}

/** The colours of names drawn together: the notebook's when the chart has them, else by position. */
export function fillsFor(names: readonly string[], context: ChartContext): string[] {
  return context.segmentColours?.fills(names) ?? colours(names);
}

/** A column's values as numbers for scales; digit strings (integers beyond 2^53) included. */
export function numberOf(value: Value | undefined): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return null;
}

export function isNumericColumn(result: CellResult, column: string): boolean {
  const c = result.columns.indexOf(column);
  return c >= 0 && (isNumericType(result.types[c] ?? '') || (result.rows.some((r) => typeof r[c] === 'number') && result.rows.every((r) => r[c] === null || typeof r[c] === 'number')));
}

export function isPercentColumn(result: CellResult, column: string): boolean {
  return columnFormat(column, result.types[result.columns.indexOf(column)] ?? '', result.shares) === 'percent';
}

/** A formatter for one column's values, by its name and type (shares as %, lift as ×). */
export function formatterFor(result: CellResult, column: string): (value: Value | undefined) => string {
  const c = result.columns.indexOf(column);
  const format = columnFormat(column, result.types[c] ?? '', result.shares);
  return (value) => (value === undefined ? '' : typeof value === 'number' && format === 'text' ? formatNumber(value) : formatValue(value, format));
}

export function figure(document: Document, className: string, parts: Element[]): HTMLElement {
  const container = document.createElement('div');
  container.setAttribute('class', `seg-chart ${className}`);
  for (const part of parts) container.appendChild(part);
  return container;
}

/** Charts side by side, wrapping on narrow screens (inline styles: the HTML report has no stylesheet for them). */
export function panels(document: Document, parts: Element[], gap: number): HTMLElement {
  const row = document.createElement('div');
  row.setAttribute('class', 'seg-chart-panels');
  row.setAttribute('style', `display: flex; flex-wrap: wrap; align-items: flex-start; gap: 4px ${gap}px`);
  for (const part of parts) row.appendChild(part);
  return row;
}

export function panel(document: Document, parts: Element[]): HTMLElement {
  const box = document.createElement('div');
  box.setAttribute('class', 'seg-chart-panel');
  for (const part of parts) box.appendChild(part);
  return box;
}

/** A short heading over a chart, as SVG text so it travels with the chart when exported. */
export function heading(document: Document, text: string, width: number): SVGSVGElement {
  const svg = svgElement(document, 'svg', { class: 'seg-chart-title', width: String(width), height: '22', viewBox: `0 0 ${width} 22`, 'font-family': 'system-ui, sans-serif', style: 'display: block; max-width: 100%; height: auto' });
  const line = svgElement(document, 'text', { x: '0', y: '15', 'font-size': '12', 'font-weight': '600', fill: 'currentColor' });
  line.textContent = fitText(text, width, 6.8);
  if (line.textContent !== text) line.appendChild(titled(document, text));
  svg.appendChild(line);
  return svg;
}

/** A note under a chart — what it leaves out, and where to find it — wrapped to `width`. */
export function note(document: Document, text: string, width: number): SVGSVGElement {
  const lines = wrap(text, Math.max(20, Math.floor(width / 6.4)));
  const height = 8 + lines.length * 16;
  const svg = svgElement(document, 'svg', { class: 'seg-chart-note', width: String(width), height: String(height), viewBox: `0 0 ${width} ${height}`, 'font-family': 'system-ui, sans-serif', style: 'display: block; max-width: 100%; height: auto' });
  lines.forEach((line, i) => {
    const element = svgElement(document, 'text', { x: '0', y: String(14 + i * 16), 'font-size': '12', 'font-style': 'italic', fill: 'currentColor', 'fill-opacity': '0.7' });
    element.textContent = line;
    svg.appendChild(element);
  });
  return svg;
}

/** Swatches and names in rows that wrap at `width`, as SVG. */
export function legend(document: Document, names: readonly string[], fills: readonly string[], width: number): SVGSVGElement {
  const rowHeight = 18;
  const items: { x: number; y: number; name: string; fill: string }[] = [];
  let x = 0;
  let y = 0;
  names.forEach((name, i) => {
    const shown = fitText(name, Math.min(width - 20, 220), CHAR_WIDTH);
    const itemWidth = 18 + textWidth(shown) + 16;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += rowHeight;
    }
    items.push({ x, y, name, fill: fills[i]! });
    x += itemWidth;
  });
  const height = y + rowHeight + 4;
  const svg = svgElement(document, 'svg', { class: 'seg-chart-legend', width: String(width), height: String(height), viewBox: `0 0 ${width} ${height}`, 'font-family': 'system-ui, sans-serif', 'font-size': String(FONT_SIZE), style: 'display: block; max-width: 100%; height: auto' });
  for (const item of items) {
    const group = svgElement(document, 'g', { transform: `translate(${item.x},${item.y})` });
    group.appendChild(svgElement(document, 'rect', { x: '0', y: '3', width: '12', height: '12', rx: '2', fill: item.fill }));
    const text = svgElement(document, 'text', { x: '18', y: '13', fill: 'currentColor' });
    text.textContent = fitText(item.name, Math.min(width - 20, 220), CHAR_WIDTH);
    group.appendChild(titled(document, item.name));
    group.appendChild(text);
    svg.appendChild(group);
  }
  return svg;
}

/** `text` cut with … to fit `width` pixels at `charWidth` pixels a character. */
export function fitText(text: string, width: number, charWidth: number): string {
  const room = Math.max(1, Math.floor(width / charWidth));
  return text.length <= room ? text : `${text.slice(0, Math.max(1, room - 1))}…`;
}

/** Words in lines of at most `room` characters. */
function wrap(text: string, room: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

function titled(document: Document, text: string): Element {
  const title = svgElement(document, 'title', {});
  title.textContent = text;
  return title;
}

function svgElement(document: Document, tag: string, attributes: Record<string, string>): SVGSVGElement {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag) as SVGSVGElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}
