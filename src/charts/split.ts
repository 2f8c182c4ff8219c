/** `split`: one bar per arm, labelled with its size and its share of the split segment. */
import * as Plot from '@observablehq/plot';
import type { CellResult } from '../notebook/outcome.ts';
import { formatCompact, formatNumber, formatPercent } from '../ui/format.ts';
import { BAR_STEP, chartWidth, figure, fillsFor, heading, label, labelMargin, nameAxisY, numberOf, PLOT_STYLE, records, textWidth, type ChartContext } from './common.ts';

interface Arm {
  arm: string;
  size: number;
  text: string;
}

export function splitChart(result: CellResult, context: ChartContext): Element {
  const { document } = context;
  const width = chartWidth(context.width);
  const arms: Arm[] = records(result).map((r) => {
    const size = numberOf(r.size) ?? 0;
    return { arm: label(r.arm), size, text: `${formatNumber(size)} · ${typeof r.share === 'number' ? formatPercent(r.share) : '–'}` };
  });
  const names = arms.map((a) => a.arm);
  const marginLeft = labelMargin(names, 40, Math.round(width * 0.32));
  const marginRight = Math.max(...arms.map((a) => textWidth(a.text))) + 12;
  const svg = Plot.plot({
    document,
    width,
    height: 34 + arms.length * (BAR_STEP + 8),
    marginLeft,
    marginRight,
    marginTop: 6,
    style: PLOT_STYLE,
    x: { label: null, grid: true, nice: true, ticks: Math.max(2, Math.floor((width - marginLeft - marginRight) / 70)), tickFormat: (v: number) => formatCompact(v) },
    y: { domain: names, padding: 0.2, axis: null },
    color: { domain: names, range: fillsFor(names, context) },
    marks: [
      Plot.barX(arms, { x: 'size', y: 'arm', fill: 'arm', title: (a: Arm) => `${a.arm}: ${a.text}` }),
      Plot.text(arms, { x: 'size', y: 'arm', text: 'text', textAnchor: 'start', dx: 4 }),
      Plot.ruleX([0]),
      nameAxisY(marginLeft),
    ],
  });
  return figure(document, 'seg-chart-split', [heading(document, 'members per arm (share of the split segment)', width), svg]);
}
