/**
 * `overlap` as an UpSet chart: a bar per combination of segments, over a dot matrix that shows
 * which segments the combination holds. Both plots share the x positions and left margin.
 */
import * as Plot from '@observablehq/plot';
import type { CellResult } from '../notebook/outcome.ts';
import { count, figure, labelMargin, records, WIDTH, type ChartContext } from './common.ts';

const MAX_COMBINATIONS = 24;

export function overlapChart(result: CellResult, { document, width = WIDTH }: ChartContext): Element {
  const segments = result.columns.slice(0, -1);
  const combinations = records(result)
    .slice(0, MAX_COMBINATIONS)
    .map((r, i) => ({ key: String(i), size: r.size, members: segments.filter((s) => r[s] === true) }));
  const keys = combinations.map((c) => c.key);
  const marginLeft = labelMargin(segments, 60);
  const x = { domain: keys, axis: null, padding: 0.25 } as const;
  const bars = Plot.plot({
    document,
    width,
    height: 180,
    marginLeft,
    marginTop: 16,
    x,
    y: { label: 'members', grid: true, nice: true },
    marks: [
      Plot.barY(combinations, { x: 'key', y: 'size', fill: 'currentColor' }),
      Plot.text(combinations, { x: 'key', y: 'size', text: (c) => count(c.size), dy: -6, fontSize: 9 }),
      Plot.ruleY([0]),
    ],
  });
  const cells = combinations.flatMap((c) => segments.map((segment) => ({ key: c.key, segment, member: c.members.includes(segment) })));
  const spans = combinations
    .filter((c) => c.members.length > 1)
    .map((c) => ({ key: c.key, first: c.members[0], last: c.members[c.members.length - 1] }));
  const matrix = Plot.plot({
    document,
    width,
    height: 20 + segments.length * 22,
    marginLeft,
    marginTop: 6,
    x,
    y: { domain: segments, label: null },
    marks: [
      Plot.ruleX(spans, { x: 'key', y1: 'first', y2: 'last', strokeWidth: 2 }),
      Plot.dot(cells, { x: 'key', y: 'segment', r: 5, fill: (d) => (d.member ? 'currentColor' : '#d0d0d0') }),
    ],
  });
  return figure(document, 'seg-chart-overlap', [bars, matrix]);
}
