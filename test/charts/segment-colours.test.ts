// One colour per segment across a notebook: the same name has the same fill in every chart given
// the notebook's colours, and charts drawn without them still colour by position.
import { describe, expect, it } from 'vitest';
import { chartFor, type ChartContext } from '../../src/charts/index.ts';
import { SegmentColours } from '../../src/charts/segment-colours.ts';
import { htmlReport } from '../../src/cli/html.ts';
import { blankDocument } from '../../src/cli/dom.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { notebookColours, notebookProgram, resultColours } from '../../src/notebook/notebook-colours.ts';
import type { CellResult } from '../../src/notebook/outcome.ts';
import { runReport } from '../../src/notebook/run-report.ts';
import * as sample from './sample-results.ts';

const TIERS = ['tier.champions', 'tier.loyal', 'tier.promising', 'tier.at_risk', 'tier.hibernating'];
const PALETTE = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'];
const GREY = '#9498a0';

function draw(result: CellResult, context: Omit<ChartContext, 'document'> = {}): Element {
  const chart = chartFor(result, { document: blankDocument(), width: 640, ...context });
  if (!chart) throw new Error(`no chart for ${result.statement}`);
  return chart;
}

/** Each bar's name (its title, before the colon) → its fill, over the whole chart. */
function barFills(chart: Element): Map<string, string> {
  const fills = new Map<string, string>();
  for (const bar of chart.querySelectorAll('g[aria-label="bar"] rect')) {
    const name = bar.querySelector('title')?.textContent?.split(/[:,]/)[0] ?? '';
    fills.set(name, bar.getAttribute('fill') ?? '');
  }
  return fills;
}

function legendFills(chart: Element): Map<string, string> {
  return new Map([...chart.querySelectorAll('.seg-chart-legend g')].map((g) => [g.querySelector('title')!.textContent!, g.querySelector('rect')!.getAttribute('fill')!]));
}

function compareOf(names: string[]): CellResult {
  return { statement: 'compare', columns: ['segment', 'size', 'share'], types: ['VARCHAR', 'BIGINT', 'DOUBLE'], rows: names.map((name, i) => [name, 10 + i, 0.1]) };
}

describe('segment colours across charts', () => {
  const colours = SegmentColours.inOrder(TIERS);

  it('gives a segment the same fill in a compare and a trend, wherever it sits in each', () => {
    const compare = barFills(draw(sample.compare, { segmentColours: colours }));
    const trend = draw(sample.trend, { segmentColours: colours });
    // tier.at_risk is fourth in the compare and second in the trend.
    expect(compare.get('tier.at_risk')).toBe(PALETTE[3]);
    expect(legendFills(trend)).toEqual(new Map([['tier.champions', compare.get('tier.champions')], ['tier.at_risk', compare.get('tier.at_risk')]]));
    const strokes = [...trend.querySelectorAll('g[aria-label="line"] path')].map((p) => p.getAttribute('stroke'));
    expect(strokes).toEqual([PALETTE[0], PALETTE[3]]);
  });

  it('keeps the fills when a chart lists the segments in another order, and keeps its legend matching its bars', () => {
    const byRegion: CellResult = {
      ...sample.compareBy,
      rows: sample.compareBy.rows.map((row) => [TIERS[['customers_now', 'expansion', 'churn_risk', 'prospects_in_play'].indexOf(row[0] as string) + 1]!, ...row.slice(1)]),
    };
    const chart = draw(byRegion, { segmentColours: colours });
    const bars = barFills(chart);
    expect(legendFills(chart)).toEqual(bars);
    expect(bars).toEqual(new Map(TIERS.slice(1).map((name, i) => [name, PALETTE[i + 1]])));
  });

  it('draws everyone grey, a colour no segment takes', () => {
    const many = SegmentColours.inOrder(Array.from({ length: 18 }, (_, i) => `s${i}`));
    const fills = barFills(draw(compareOf(['everyone', 's8', 's9', 's17']), { segmentColours: many }));
    expect(fills.get('everyone')).toBe(GREY);
    expect([...fills.values()].filter((fill) => fill === GREY)).toHaveLength(1);
  });

  it('gives names the notebook does not define colours no defined name has, never one already in the chart', () => {
    const fills = barFills(draw(compareOf(['tier.loyal', 'made_up', 'tier.champions', 'also_made_up']), { segmentColours: colours }));
    expect(fills.get('tier.loyal')).toBe(PALETTE[1]);
    expect(fills.get('tier.champions')).toBe(PALETTE[0]);
    expect([fills.get('made_up'), fills.get('also_made_up')]).toEqual([PALETTE[5], PALETTE[6]]);
  });

  it('matches names whatever their case, as SegQL does', () => {
    expect(barFills(draw(compareOf(['TIER.Loyal']), { segmentColours: colours })).get('TIER.Loyal')).toBe(PALETTE[1]);
  });

  it('without the notebook’s colours, colours by position in the chart as before', () => {
    expect([...barFills(draw(sample.compare)).values()]).toEqual(PALETTE.slice(0, 5));
    expect([...legendFills(draw(sample.trend)).values()]).toEqual(PALETTE.slice(0, 2));
    expect([...barFills(draw(sample.split)).values()]).toEqual(PALETTE.slice(0, 2));
  });
});

describe('notebook colours', () => {
  const notebook = parseNotebook(
    [
      '```seg',
      'population customers key customer_id',
      'segment big = spend > 1000',
      'partition tier { gold: spend > 500, rest: otherwise }',
      '```',
      '',
      '```seg',
      "split test = big into control 10%, treatment 90% seed 'x'",
      'compare test, tier, customers',
      '```',
      '',
    ].join('\n'),
  );
  const program = notebookProgram(notebook);
  const colours = notebookColours(program);
  const split: CellResult = { statement: 'split', columns: ['arm', 'size', 'share'], types: ['VARCHAR', 'BIGINT', 'DOUBLE'], rows: [['control', 10, 0.1], ['treatment', 90, 0.9]] };
  const compare = compareOf(['test.control', 'test.treatment', 'tier.gold', 'tier.rest', 'customers']);

  it('assigns segments, parts and arms in definition order, and the population’s own name the grey of everyone', () => {
    expect(['big', 'tier.gold', 'tier.rest', 'test.control', 'test.treatment', 'customers', 'everyone'].map((name) => colours.of(name))).toEqual([...PALETTE.slice(0, 5), GREY, GREY]);
  });

  it('colours a split’s own chart, which names its arms bare, as the charts naming them split.arm', () => {
    const [forSplit, forCompare] = resultColours(colours, program, 1, [split, compare]);
    const arms = barFills(draw(split, { segmentColours: forSplit! }));
    const compared = barFills(draw(compare, { segmentColours: forCompare! }));
    expect([arms.get('control'), arms.get('treatment')]).toEqual([compared.get('test.control'), compared.get('test.treatment')]);
    expect(arms.get('control')).toBe(PALETTE[3]);
  });

  it('keeps every colour when a segment is inserted above the others or one is removed; a new name takes a colour none has', () => {
    const edited = (segments: string) =>
      notebookProgram(parseNotebook(['```seg', 'population customers key customer_id', segments, 'partition tier { gold: spend > 500, rest: otherwise }', '```', ''].join('\n')));
    const before = notebookColours(edited('segment big = spend > 1000'));
    const inserted = notebookColours(edited('segment new = spend > 1\nsegment big = spend > 1000'), before);
    expect(['big', 'tier.gold', 'tier.rest'].map((name) => inserted.of(name))).toEqual(PALETTE.slice(0, 3));
    expect(inserted.of('new')).toBe(PALETTE[3]);
    const removed = notebookColours(edited('segment new = spend > 1'), inserted);
    expect(['new', 'tier.gold', 'tier.rest'].map((name) => removed.of(name))).toEqual([PALETTE[3], PALETTE[1], PALETTE[2]]);
    // Opened afresh, the notebook colours in definition order again, as its report does.
    expect(notebookColours(edited('segment new = spend > 1')).of('new')).toBe(PALETTE[0]);
  });

  it('colours the HTML report as the page does', () => {
    const cells = [
      { index: 0, kind: 'seg' as const, name: null, status: 'done' as const, results: [], errors: [], sql: [], summary: [] },
      { index: 1, kind: 'seg' as const, name: null, status: 'done' as const, results: [split, compare], errors: [], sql: [], summary: [] },
    ];
    const html = htmlReport(runReport({ asof: '2024-12-31', cells, problems: [], cancelled: false }), notebook, 'colours');
    const page = blankDocument();
    page.body.innerHTML = html.slice(html.indexOf('<main'), html.lastIndexOf('</main>') + 7);
    const [splitChart, compareChart] = [...page.querySelectorAll('.seg-chart')];
    expect(barFills(splitChart!).get('treatment')).toBe(PALETTE[4]);
    expect(barFills(compareChart!).get('test.treatment')).toBe(PALETTE[4]);
    expect(barFills(compareChart!).get('customers')).toBe(GREY);
  });
});
