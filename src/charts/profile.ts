/** `profile`: each attribute value's lift as a bar from 1 on a log scale — over-represented right, under left. */
import * as Plot from '@observablehq/plot';
import type { CellResult } from '../notebook/outcome.ts';
import { BAR_STEP, figure, label, labelMargin, records, WIDTH, type ChartContext } from './common.ts';

const MAX_ROWS = 25;

export function profileChart(result: CellResult, { document, width = WIDTH }: ChartContext): Element {
  const rows = records(result)
    .filter((r) => typeof r.lift === 'number' && r.lift > 0)
    .slice(0, MAX_ROWS)
    .map((r) => ({ ...r, lift: r.lift as number, _label: `${label(r.attribute!)} = ${label(r.value!)}` }));
  const labels = rows.map((r) => r._label);
  const lifts = rows.map((r) => r.lift);
  const low = Math.min(1, ...lifts) / 1.25;
  const high = Math.max(1, ...lifts) * 1.25;
  const svg = Plot.plot({
    document,
    width,
    height: 40 + Math.max(1, rows.length) * BAR_STEP,
    marginLeft: labelMargin(labels, 60, 280),
    marginRight: 20,
    x: { type: 'log', domain: [low, high], label: 'lift (segment share ÷ baseline share)', grid: true, tickFormat: '~g' },
    y: { domain: labels, label: null },
    color: { domain: ['over', 'under'], range: ['#2b6cb0', '#dd6b20'] },
    marks: [
      Plot.barX(rows, { y: '_label', x1: 1, x2: 'lift', fill: (r) => (r.lift >= 1 ? 'over' : 'under') }),
      Plot.text(rows.filter((r) => r.lift >= 1), { y: '_label', x: 'lift', text: liftText, textAnchor: 'start', dx: 4, fontSize: 9 }),
      Plot.text(rows.filter((r) => r.lift < 1), { y: '_label', x: 'lift', text: liftText, textAnchor: 'end', dx: -4, fontSize: 9 }),
      Plot.ruleX([1], { stroke: 'currentColor' }),
    ],
  });
  return figure(document, 'seg-chart-profile', [svg]);
}

function liftText(row: { lift: number }): string {
  return `×${row.lift.toFixed(2)}`;
}
