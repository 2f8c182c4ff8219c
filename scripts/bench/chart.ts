/**
 * The ratios of a run as one SVG: a dot per comparison on a log scale, its target as a tick,
 * one panel per row. Drawn by Observable Plot on a linkedom document, as the CLI draws its charts.
 */
import * as Plot from '@observablehq/plot';
import { blankDocument } from '../../src/cli/dom.ts';
import type { Ratio } from './report-types.ts';

const WIDTH = 720;
const STEP = 20;
const COLORS = { met: '#1a7f37', missed: '#cf222e', none: '#57606a' };
const TICKS = [0.1, 0.2, 0.5, 1, 1.5, 2, 3, 5, 10, 20, 50, 100];

export function ratioChart(ratios: Ratio[]): string {
  const document = blankDocument();
  const groups = [...new Set(ratios.map((r) => r.group))];
  const domain = logDomain(ratios.flatMap((r) => [r.value, r.target ?? r.value, 1]));
  let y = 8;
  const panels: string[] = [];
  for (const group of groups) {
    const rows = ratios.filter((r) => r.group === group).map((r) => ({ ...r, color: COLORS[status(r)] }));
    const height = 44 + rows.length * STEP;
    const plot = Plot.plot({
      document,
      width: WIDTH,
      height,
      marginLeft: 90,
      marginRight: 60,
      marginTop: 24,
      x: { type: 'log', domain, ticks: TICKS.filter((t) => t >= domain[0] && t <= domain[1]), tickFormat: (t: number) => `${t}×`, label: `${group} (log scale)`, grid: true },
      y: { label: null, domain: rows.map((r) => r.label) },
      marks: [
        Plot.ruleX([1], { stroke: '#8c959f' }),
        Plot.ruleY(rows, { y: 'label', x1: 1, x2: 'value', stroke: 'color' }),
        Plot.tickX(rows.filter((r) => r.target !== undefined), { x: 'target', y: 'label', stroke: '#0969da', strokeWidth: 2 }),
        Plot.dot(rows, { x: 'value', y: 'label', fill: 'color', r: 4 }),
        Plot.text(rows, { x: 'value', y: 'label', text: (r: Ratio) => `${r.value.toFixed(2)}×`, dx: 8, textAnchor: 'start', fill: '#24292f' }),
      ],
    }) as unknown as Element;
    plot.setAttribute('y', String(y));
    panels.push(plot.outerHTML);
    y += height + 8;
  }
  const legend = `<text x="8" y="${y + 14}" font-family="system-ui, sans-serif" font-size="11" fill="#57606a">dot: measured (green: target met, red: missed, grey: no target) · blue tick: target · 1× rule: parity</text>`;
  const total = y + 24;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${total}" viewBox="0 0 ${WIDTH} ${total}">` +
    `<rect width="100%" height="100%" fill="white"/>${panels.join('')}${legend}</svg>\n`;
}

function status(r: Ratio): keyof typeof COLORS {
  if (r.target === undefined) return 'none';
  return (r.bound === 'at least' ? r.value >= r.target : r.value <= r.target) ? 'met' : 'missed';
}

/** Whole powers-ish around the values, so 1× and every target stay in view. */
function logDomain(values: number[]): [number, number] {
  const positive = values.filter((v) => v > 0);
  return [Math.min(...positive) / 1.3, Math.max(...positive) * 1.6];
}
