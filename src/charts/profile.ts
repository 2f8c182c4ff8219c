/**
 * `profile`: each attribute value's lift as a bar from 1 on a log scale, so ×2 and ×½ are equally
 * long — more common in the segment to the right, less common to the left — labelled with the
 * lift. The largest lifts first (the result's order); values absent from the segment (lift 0)
 * cannot sit on a log scale and are counted in a note.
 */
import * as Plot from '@observablehq/plot';
import type { CellResult } from '../notebook/outcome.ts';
import { formatLift, formatNumber, formatPercent } from '../ui/format.ts';
import { BAR_STEP, type ChartRecord, chartWidth, figure, label, labelMargin, nameAxisY, note, PLOT_STYLE, records, type ChartContext } from './common.ts';

const MAX_ROWS = 25;
/**
 * Bars in the text's colour, strong where the segment has more, faint where it has less: every
 * palette colour is some segment's in the notebook's other charts, and a lift is no segment.
 */
const OVER_OPACITY = 0.85;
const UNDER_OPACITY = 0.4;

interface LiftBar {
  name: string;
  lift: number;
  title: string;
}

export function profileChart(result: CellResult, context: ChartContext): Element {
  const { document } = context;
  const width = chartWidth(context.width);
  const all = records(result);
  const positive = all.filter((r) => typeof r.lift === 'number' && r.lift > 0);
  const bars: LiftBar[] = positive.slice(0, MAX_ROWS).map((r) => {
    const name = `${label(r.attribute)} = ${label(r.value)}${quartileRange(r)}`;
    const lift = r.lift as number;
    const shares = `${share(r.segment_share)} of the segment, ${share(r.baseline_share)} of the baseline`;
    return { name, lift, title: `${name}: ${formatLift(lift)} (${shares})` };
  });
  const empty = emptySide(all);
  // No lifts: the note says why, and an axis over nothing would only puzzle.
  if (empty) return figure(document, 'seg-chart-profile', [note(document, `the ${empty} has no members, so there are no lifts to draw`, width)]);
  const names = bars.map((b) => b.name);
  // Symmetric in log space around 1, with room for the labels at both ends.
  const reach = Math.max(Math.log(1.5), ...bars.map((b) => Math.abs(Math.log(b.lift))));
  const high = Math.exp(reach) * 1.6;
  const marginLeft = labelMargin(names, 60, Math.round(width * 0.38));
  const svg = Plot.plot({
    document,
    width,
    height: 54 + Math.max(1, bars.length) * BAR_STEP,
    marginLeft,
    marginRight: 16,
    marginTop: 22,
    style: PLOT_STYLE,
    x: { type: 'log', domain: [1 / high, high], label: 'lift: share in the segment ÷ share in the baseline (log scale)', labelAnchor: 'center', labelArrow: 'none', grid: true, ticks: 6, tickFormat: tick },
    y: { domain: names, padding: 0.18, axis: null },
    marks: [
      Plot.barX(bars.filter((b) => b.lift >= 1), { y: 'name', x1: 1, x2: 'lift', fill: 'currentColor', fillOpacity: OVER_OPACITY, title: 'title' }),
      Plot.barX(bars.filter((b) => b.lift < 1), { y: 'name', x1: 1, x2: 'lift', fill: 'currentColor', fillOpacity: UNDER_OPACITY, title: 'title' }),
      Plot.text(bars.filter((b) => b.lift >= 1), { y: 'name', x: 'lift', text: (b: LiftBar) => formatLift(b.lift), textAnchor: 'start', dx: 4 }),
      Plot.text(bars.filter((b) => b.lift < 1), { y: 'name', x: 'lift', text: (b: LiftBar) => formatLift(b.lift), textAnchor: 'end', dx: -4 }),
      Plot.ruleX([1], { strokeOpacity: 0.8 }),
      Plot.text(['more common in the segment →'], { frameAnchor: 'top', x: 1, dy: -14, dx: 6, textAnchor: 'start', fontWeight: 600 }),
      Plot.text(['← less common'], { frameAnchor: 'top', x: 1, dy: -14, dx: -6, textAnchor: 'end', fillOpacity: 0.75, fontWeight: 600 }),
      nameAxisY(marginLeft),
    ],
  });
  const parts: Element[] = [svg];
  const absent = all.length - positive.length;
  const left = [
    positive.length > bars.length ? `the ${bars.length} largest of ${positive.length} lifts are drawn` : '',
    absent > 0 ? `${absent} value${absent === 1 ? '' : 's'} with no lift (none in the segment, or none in the baseline) left out` : '',
  ].filter(Boolean);
  if (left.length > 0) parts.push(note(document, `${left.join('; ')}; the table has them all`, width));
  return figure(document, 'seg-chart-profile', parts);
}

/** Which side is empty: its shares are all null (spec: a share of no members). */
function emptySide(rows: Record<string, unknown>[]): 'segment' | 'baseline' | undefined {
  if (rows.length === 0) return undefined;
  if (rows.every((r) => r.segment_share === null)) return 'segment';
  if (rows.every((r) => r.baseline_share === null)) return 'baseline';
  return undefined;
}

/** " (18–29)": which values a quartile holds, when the result says (the app's `from` and `to`). */
function quartileRange(row: ChartRecord): string {
  const { from, to } = row;
  if (typeof from !== 'number' || typeof to !== 'number') return '';
  return from === to ? ` (${formatNumber(from)})` : ` (${formatNumber(from)}–${formatNumber(to)})`;
}

function share(value: unknown): string {
  return typeof value === 'number' ? formatPercent(value) : 'null';
}

/** Log-scale ticks as plain multipliers: ×0.5, ×1, ×2. */
function tick(value: number): string {
  return `×${Number(value.toPrecision(2))}`;
}
