/**
 * `trend`: one line per segment of its size at each as-of date, with a legend over the chart.
 * The x ticks are the as-of dates themselves (YYYY-MM-DD), thinned only when they would collide.
 */
import * as Plot from '@observablehq/plot';
import type { CellResult } from '../notebook/outcome.ts';
import { formatNumber } from '../ui/format.ts';
import { chartWidth, figure, fillsFor, label, legend, numberOf, PLOT_STYLE, records, type ChartContext } from './common.ts';

const DATE_LABEL_WIDTH = 78;

interface Point {
  date: Date;
  asof: string;
  segment: string;
  size: number | null;
}

export function trendChart(result: CellResult, context: ChartContext): Element {
  const { document } = context;
  const width = chartWidth(context.width);
  const points: Point[] = records(result).map((r) => ({ date: new Date(`${String(r.asof).slice(0, 10)}T00:00:00Z`), asof: String(r.asof).slice(0, 10), segment: label(r.segment), size: numberOf(r.size) }));
  const segments = [...new Set(points.map((p) => p.segment))];
  const fills = fillsFor(segments, context);
  const dates = [...new Map(points.map((p) => [p.asof, p.date])).values()];
  const marginLeft = 58;
  const marginRight = 36;
  const fit = Math.max(2, Math.floor((width - marginLeft - marginRight) / DATE_LABEL_WIDTH));
  const every = Math.ceil(dates.length / fit);
  const ticks = dates.filter((_, i) => i % every === 0);
  const svg = Plot.plot({
    document,
    width,
    height: Math.round(Math.min(360, Math.max(240, width * 0.42))),
    marginLeft,
    marginRight,
    marginTop: 24,
    style: PLOT_STYLE,
    x: { type: 'utc', label: null, ticks, tickFormat: (d: Date) => d.toISOString().slice(0, 10) },
    y: { label: 'members', grid: true, nice: true, zero: true, tickFormat: (v: number) => formatNumber(v) },
    color: { domain: segments, range: fills },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(points, { x: 'date', y: 'size', stroke: 'segment', strokeWidth: 2.5 }),
      Plot.dot(points, { x: 'date', y: 'size', fill: 'segment', r: 3.5, title: (p: Point) => `${p.segment}, as of ${p.asof}: ${p.size === null ? 'null' : formatNumber(p.size)}` }),
    ],
  });
  return figure(document, 'seg-chart-trend', [legend(document, segments, fills, width), svg]);
}
