/**
 * `overlap` as an UpSet chart: a bar per combination of segments (largest first), over a dot
 * matrix showing which segments each combination holds; left of the matrix, each segment's own
 * size. Three plots share band positions: the top one's left margin spans the two below it.
 */
import * as Plot from '@observablehq/plot';
import type { CellResult } from '../notebook/outcome.ts';
import { formatNumber } from '../ui/format.ts';
import { chartWidth, figure, labelMargin, nameAxisY, note, numberOf, PLOT_STYLE, records, textWidth, type ChartContext } from './common.ts';

const MAX_COMBINATIONS = 24;
const ROW = 24;
/**
 * The text's colour, as the matrix's dots: every colour of the palette is some segment's in the
 * notebook's other charts, and a combination is no one segment.
 */
const COMBINATION_OPACITY = 0.75;
const SEGMENT_SIZE_OPACITY = 0.55;
/** The least band a count turned upright needs: a line of 9 px text. */
const UPRIGHT_STEP = 13;

interface Combination {
  key: string;
  size: number;
  members: string[];
  title: string;
}

export function overlapChart(result: CellResult, context: ChartContext): Element {
  const { document } = context;
  const width = chartWidth(context.width);
  const segments = result.columns.slice(0, -1);
  const all = records(result).map((r, i): Combination => {
    const members = segments.filter((s) => r[s] === true);
    const size = numberOf(r.size) ?? 0;
    return { key: String(i), size, members, title: `${members.length === 1 ? `only ${members[0]}` : members.join(' and ')}: ${formatNumber(size)}` };
  });
  const totals = segments.map((segment) => ({ segment, size: all.filter((c) => c.members.includes(segment)).reduce((n, c) => n + c.size, 0) }));

  const setWidth = Math.round(Math.min(160, Math.max(90, width * 0.16)));
  const labels = labelMargin(segments, 50, Math.round(width * 0.28));
  const marginRight = 10;
  // Each count must read on its own over its bar: across it where it fits, else turned upright (a
  // line's height per bar), else fewer bars. Counts side by side ran together into one string of digits.
  const plotWidth = width - setWidth - labels - marginRight;
  const combinations = all.slice(0, Math.max(3, Math.min(MAX_COMBINATIONS, Math.floor(plotWidth / UPRIGHT_STEP))));
  const keys = combinations.map((c) => c.key);
  const countFont = keys.length > 14 ? 9 : 10;
  const widestCount = Math.max(0, ...combinations.map((c) => textWidth(formatNumber(c.size), countFont)));
  const upright = plotWidth / keys.length < widestCount + 6;
  const band = { domain: keys, axis: null, padding: 0.22 } as const;
  const matrixHeight = 16 + segments.length * ROW;

  const bars = Plot.plot({
    document,
    width,
    height: 200,
    marginLeft: setWidth + labels,
    marginRight,
    marginTop: upright ? 12 + widestCount : 20,
    marginBottom: 4,
    style: PLOT_STYLE,
    x: band,
    y: { label: 'members in exactly this combination', labelAnchor: 'top', grid: true, nice: true, ticks: 4, tickFormat: (v: number) => formatNumber(v) },
    marks: [
      Plot.barY(combinations, { x: 'key', y: 'size', fill: 'currentColor', fillOpacity: COMBINATION_OPACITY, title: 'title' }),
      Plot.text(combinations, { x: 'key', y: 'size', text: (c: Combination) => formatNumber(c.size), fontSize: countFont, ...(upright ? { rotate: -90, textAnchor: 'start', dy: -4 } : { dy: -7 }) }),
      Plot.ruleY([0]),
    ],
  });

  const setSizes = Plot.plot({
    document,
    width: setWidth,
    height: matrixHeight,
    marginLeft: 6,
    marginRight: 0,
    marginTop: 8,
    marginBottom: 8,
    style: PLOT_STYLE,
    x: { reverse: true, axis: null, domain: [0, Math.max(1, ...totals.map((t) => t.size)) * 1.45] },
    // Bands centred where the matrix's points are: step = height / n, as in the point scale below.
    y: { domain: segments, axis: null, paddingInner: 0.3, paddingOuter: 0.15 },
    marks: [
      Plot.barX(totals, { x: 'size', y: 'segment', fill: 'currentColor', fillOpacity: SEGMENT_SIZE_OPACITY, title: (t: { segment: string; size: number }) => `${t.segment}: ${formatNumber(t.size)} members` }),
      Plot.text(totals, { x: 'size', y: 'segment', text: (t: { size: number }) => formatNumber(t.size), textAnchor: 'end', dx: -4 }),
    ],
  });

  const cells = combinations.flatMap((c) => segments.map((segment) => ({ key: c.key, segment, member: c.members.includes(segment) })));
  const spans = combinations
    .filter((c) => c.members.length > 1)
    .map((c) => ({ key: c.key, first: c.members[0], last: c.members[c.members.length - 1] }));
  const stripes = segments.filter((_, i) => i % 2 === 0);
  const matrix = Plot.plot({
    document,
    width: width - setWidth,
    height: matrixHeight,
    marginLeft: labels,
    marginRight,
    marginTop: 8,
    marginBottom: 8,
    style: PLOT_STYLE,
    x: band,
    y: { type: 'point', domain: segments, padding: 0.5 },
    marks: [
      Plot.ruleY(stripes, { y: (s: string) => s, stroke: 'currentColor', strokeOpacity: 0.05, strokeWidth: ROW }),
      Plot.ruleX(spans, { x: 'key', y1: 'first', y2: 'last', strokeWidth: 2.5 }),
      Plot.dot(cells.filter((d) => !d.member), { x: 'key', y: 'segment', r: 5, fill: 'currentColor', fillOpacity: 0.14 }),
      Plot.dot(cells.filter((d) => d.member), { x: 'key', y: 'segment', r: 5.5, fill: 'currentColor' }),
      nameAxisY(labels),
    ],
  });

  const lower = document.createElement('div');
  lower.setAttribute('class', 'seg-chart-upset-matrix');
  lower.setAttribute('style', 'display: flex; align-items: flex-start');
  lower.appendChild(setSizes);
  lower.appendChild(matrix);
  const parts: Element[] = [bars, lower];
  if (all.length > combinations.length) parts.push(note(document, `the ${combinations.length} largest of ${all.length} combinations are drawn; the table has them all`, width));
  return figure(document, 'seg-chart-overlap', parts);
}
