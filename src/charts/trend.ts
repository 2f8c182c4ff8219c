/** `trend`: one line per segment of its size at each as-of date. */
import * as Plot from '@observablehq/plot';
import type { CellResult } from '../notebook/outcome.ts';
import { figure, label, records, WIDTH, type ChartContext } from './common.ts';

export function trendChart(result: CellResult, { document, width = WIDTH }: ChartContext): Element {
  const rows = records(result).map((r) => ({ ...r, _date: new Date(`${String(r.asof)}T00:00:00Z`), _segment: label(r.segment!) }));
  const segments = [...new Set(rows.map((r) => r._segment))];
  const svg = Plot.plot({
    document,
    width,
    height: 300,
    marginLeft: 56,
    marginRight: 20,
    x: { label: 'as of', type: 'utc' },
    y: { label: 'members', grid: true, nice: true, zero: true },
    color: { domain: segments, legend: true },
    marks: [
      Plot.lineY(rows, { x: '_date', y: 'size', stroke: '_segment', strokeWidth: 2 }),
      Plot.dot(rows, { x: '_date', y: 'size', fill: '_segment', r: 2.5 }),
      Plot.ruleY([0]),
    ],
  });
  return figure(document, 'seg-chart-trend', [svg]);
}
