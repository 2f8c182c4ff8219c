/**
 * `compare`: each segment's size as a bar labelled with its share, then small multiples, one per
 * metric, side by side. With `by`, every panel is faceted by the `by` value (one band of segment
 * bars per value, coloured by segment, with a legend). A segment without members is labelled so
 * in every panel; when no segment compared has any, a note says so in place of the bars.
 */
import * as Plot from '@observablehq/plot';
import type { CellResult } from '../notebook/outcome.ts';
import { formatCompact, formatNumber, formatPercent } from '../ui/format.ts';
import {
  BAR_STEP, chartWidth, figure, fillsFor, formatterFor, heading, isNumericColumn, isPercentColumn, label, labelMargin, legend, nameAxisFy, nameAxisY, note, numberOf,
  panel, panels, PLOT_STYLE, records, textWidth, type ChartContext, type ChartRecord,
} from './common.ts';

const MAX_GROUPS = 12;
const PANEL_GAP = 28;
const MIN_PANEL_WIDTH = 300;
/** A segment without members has no bar and no metrics: said in words, it is not taken for data missing. */
const NO_MEMBERS = 'no members';

type Row = ChartRecord & { _segment: string; _group: string };

interface Bar {
  segment: string;
  group: string;
  value: number | null;
  text: string;
  title: string;
}

interface Layout {
  document: Document;
  segments: string[];
  groups: string[];
  by?: string;
  fills: string[];
}

export function compareChart(result: CellResult, context: ChartContext): Element {
  const { document } = context;
  const width = chartWidth(context.width);
  const by = result.columns[1] === 'size' ? undefined : result.columns[1]!;
  const metrics = result.columns.slice(by ? 4 : 3).filter((m) => isNumericColumn(result, m));
  const rows: Row[] = records(result).map((r) => ({ ...r, _segment: label(r.segment), _group: by ? label(r[by]) : '' }));
  const segments = unique(rows.map((r) => r._segment));
  const allGroups = unique(rows.map((r) => r._group));
  const groups = largestGroups(rows, allGroups);
  const shown = rows.filter((r) => groups.includes(r._group));
  const layout: Layout = { document, segments, groups, by, fills: fillsFor(segments, context) };
  // Bars all of length 0 would be drawn on an axis from 0 to 1 that measures nothing.
  if (shown.every((r) => numberOf(r.size) === 0)) return figure(document, 'seg-chart-compare', [note(document, `${NO_MEMBERS} in any segment compared`, width)]);

  const parts: Element[] = [];
  const sizeBars = shown.map((r) => bar(r, numberOf(r.size), `${formatNumber(numberOf(r.size) ?? 0)} · ${typeof r.share === 'number' ? formatPercent(r.share) : '–'}`, by));
  parts.push(heading(document, by ? `members by ${by} (share of each ${by})` : 'members (share of the population)', width));
  if (by) parts.push(legend(document, segments, layout.fills, width));
  parts.push(barChart(sizeBars, width, layout, formatCompact));

  if (metrics.length > 0) {
    const columns = Math.max(1, Math.min(metrics.length, Math.floor((width + PANEL_GAP) / (MIN_PANEL_WIDTH + PANEL_GAP))));
    const panelWidth = Math.floor((width - (columns - 1) * PANEL_GAP) / columns);
    const charts = metrics.map((metric) => {
      const format = formatterFor(result, metric);
      const bars = shown.map((r) => bar(r, numberOf(r[metric]), format(r[metric]), by));
      const tick = isPercentColumn(result, metric) ? (v: number) => formatPercent(v) : formatCompact;
      return panel(document, [heading(document, metric, panelWidth), barChart(bars, panelWidth, layout, tick)]);
    });
    parts.push(panels(document, charts, PANEL_GAP));
  }
  if (groups.length < allGroups.length) parts.push(note(document, `the ${groups.length} ${by} values with the most members of ${allGroups.length} are drawn; the table has them all`, width));
  return figure(document, 'seg-chart-compare', parts);
}

/** With too many `by` values to draw, those with the most members, kept in the table's order. */
function largestGroups(rows: Row[], groups: string[]): string[] {
  if (groups.length <= MAX_GROUPS) return groups;
  const members = new Map<string, number>();
  for (const r of rows) members.set(r._group, (members.get(r._group) ?? 0) + (numberOf(r.size) ?? 0));
  const largest = new Set([...groups].sort((a, b) => members.get(b)! - members.get(a)!).slice(0, MAX_GROUPS));
  return groups.filter((g) => largest.has(g));
}

function bar(row: Row, value: number | null, text: string, by: string | undefined): Bar {
  const where = by ? `${row._segment}, ${by} = ${row._group}` : row._segment;
  const empty = numberOf(row.size) === 0;
  const said = empty ? NO_MEMBERS : value === null ? 'null' : text;
  return { segment: row._segment, group: row._group, value: empty ? null : value, text: said, title: `${where}: ${said}` };
}

function barChart(bars: Bar[], width: number, o: Layout, tickFormat: (value: number) => string): Element {
  const faceted = o.by !== undefined;
  // Many bars get thinner ones, down to what an 11 px label still fits beside.
  const bands = o.segments.length * o.groups.length;
  const step = faceted && o.segments.length > 1 ? (bands > 40 ? 13 : 16) : bands > 20 ? 18 : BAR_STEP;
  const values = bars.map((b) => b.value ?? 0);
  const longestText = bars.reduce((n, b) => Math.max(n, textWidth(b.text)), 0);
  // With `by`, the bands are the `by` values, named on the left; the segments are told apart by colour (legend).
  const marginLeft = faceted ? labelMargin(o.groups, 40, Math.round(width * 0.3)) : labelMargin(o.segments, 40, Math.round(width * 0.32));
  const marginRight = Math.min(Math.round(width * 0.45), longestText + 10);
  const facet = faceted ? { fy: 'group' } : {};
  // Labels of negative bars sit left of them, inside the frame: widen the domain to make room.
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const room = width - marginLeft - marginRight;
  const leftLabel = low < 0 ? Math.max(...bars.filter((b) => (b.value ?? 0) < 0).map((b) => textWidth(b.text))) + 8 : 0;
  const domain = [low - (low < 0 ? ((high - low) * leftLabel) / Math.max(40, room - leftLabel) : 0), high || 1];
  const drawn = bars.filter((b) => b.value !== null);
  // Counts below the usual number of ticks get a tick per whole number: never 0.1 of a member.
  const tickCount = Math.max(2, Math.floor((width - marginLeft - marginRight) / 70));
  const ticks = low >= 0 && values.every(Number.isInteger) && (high || 1) < tickCount ? Array.from({ length: (high || 1) + 1 }, (_, i) => i) : tickCount;
  return Plot.plot({
    document: o.document,
    width,
    height: 34 + o.segments.length * o.groups.length * step + (faceted && o.segments.length > 1 ? o.groups.length * 8 : 0),
    marginLeft,
    marginRight,
    marginTop: 6,
    style: PLOT_STYLE,
    x: { label: null, grid: true, domain, nice: low >= 0, ticks, tickFormat },
    y: { domain: o.segments, padding: 0.18, axis: null },
    fy: faceted ? { domain: o.groups, label: null, padding: 0.12, axis: null } : undefined,
    color: { domain: o.segments, range: o.fills },
    marks: [
      Plot.barX(drawn, { x: 'value', y: 'segment', fill: 'segment', title: 'title', ...facet }),
      Plot.text(drawn.filter((b) => b.value! >= 0), { x: 'value', y: 'segment', text: 'text', textAnchor: 'start', dx: 4, ...facet }),
      Plot.text(drawn.filter((b) => b.value! < 0), { x: 'value', y: 'segment', text: 'text', textAnchor: 'end', dx: -4, ...facet }),
      Plot.text(bars.filter((b) => b.value === null), { x: 0, y: 'segment', text: 'text', textAnchor: 'start', dx: 4, fillOpacity: 0.6, ...facet }),
      faceted ? nameAxisFy(marginLeft) : nameAxisY(marginLeft),
      Plot.ruleX([0]),
    ],
  });
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
