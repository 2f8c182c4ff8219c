/** `split`: one bar per arm with its size and share of the split segment. */
import * as Plot from '@observablehq/plot';
import type { CellResult } from '../notebook/outcome.ts';
import { BAR_STEP, count, figure, label, labelMargin, percent, records, WIDTH, type ChartContext } from './common.ts';

export function splitChart(result: CellResult, { document, width = WIDTH }: ChartContext): Element {
  const rows = records(result).map((r) => ({ ...r, _arm: label(r.arm!) }));
  const arms = rows.map((r) => r._arm);
  const svg = Plot.plot({
    document,
    width,
    height: 40 + arms.length * BAR_STEP * 1.4,
    marginLeft: labelMargin(arms),
    marginRight: 90,
    x: { label: 'members', grid: true, nice: true },
    y: { label: null, domain: arms },
    color: { domain: arms },
    marks: [
      Plot.barX(rows, { x: 'size', y: '_arm', fill: '_arm' }),
      Plot.text(rows, { x: 'size', y: '_arm', text: (r) => `${count(r.size)} · ${percent(r.share)}`, textAnchor: 'start', dx: 4 }),
      Plot.ruleX([0]),
    ],
  });
  return figure(document, 'seg-chart-split', [svg]);
}
