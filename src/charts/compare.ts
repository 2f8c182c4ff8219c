/** `compare`: bars of each segment's size with its share, then one small chart per metric; rows per `by` value. */
import * as Plot from '@observablehq/plot';
import type { CellResult } from '../notebook/outcome.ts';
import { BAR_STEP, count, figure, heading, isNumeric, label, labelMargin, percent, records, WIDTH, type ChartContext, type ChartRecord } from './common.ts';

const MAX_GROUPS = 12;

export function compareChart(result: CellResult, { document, width = WIDTH }: ChartContext): Element {
  const by = result.columns[1] === 'size' ? undefined : result.columns[1]!;
  const metrics = result.columns.slice(by ? 4 : 3).filter((m) => isNumeric(result, m));
  const rows = records(result).map((r) => ({ ...r, _segment: label(r.segment), _group: by ? label(r[by]!) : '' }));
  const segments = unique(rows.map((r) => r._segment));
  const groups = unique(rows.map((r) => r._group)).slice(0, MAX_GROUPS);
  const shown = rows.filter((r) => groups.includes(r._group));
  const parts: Element[] = [];
  if (by) parts.push(heading(document, `by ${by}`));
  parts.push(bars(shown, 'size', 'members', { document, width, segments, groups, by, share: true }));
  for (const metric of metrics) {
    parts.push(heading(document, by ? `${metric} by ${by}` : metric), bars(shown, metric, metric, { document, width: Math.min(width, 480), segments, groups, by, share: false }));
  }
  if (by && groups.length < unique(rows.map((r) => r._group)).length) parts.push(heading(document, `first ${MAX_GROUPS} ${by} values shown`));
  return figure(document, 'seg-chart-compare', parts);
}

interface BarOptions {
  document: Document;
  width: number;
  segments: string[];
  groups: string[];
  by?: string;
  share: boolean;
}

function bars(rows: ChartRecord[], column: string, axisLabel: string, o: BarOptions): Element {
  const facet = o.by ? { fy: '_group' } : {};
  const text = (r: ChartRecord) => (o.share ? `${count(r.size!)} · ${percent(r.share!)}` : count(r[column]!));
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: 30 + o.segments.length * o.groups.length * BAR_STEP + (o.by ? o.groups.length * 6 : 0),
    marginLeft: labelMargin(o.segments),
    marginRight: o.by ? labelMargin(o.groups, 20, 120) : 80,
    x: { label: axisLabel, grid: true, nice: true },
    y: { label: null, domain: o.segments },
    fy: o.by ? { label: null, domain: o.groups } : undefined,
    color: { domain: o.segments },
    marks: [
      Plot.barX(rows, { x: column, y: '_segment', fill: '_segment', ...facet }),
      Plot.text(rows, { x: column, y: '_segment', text, textAnchor: 'start', dx: 4, ...facet }),
      Plot.ruleX([0]),
    ],
  });
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
