// Each chart drawn in Node (linkedom, as the CLI's HTML report does) and read back by structure:
// its marks, how many bars, what the axes say, and that long names are cut but kept as titles.
import { describe, expect, it } from 'vitest';
import { chartFor } from '../../src/charts/index.ts';
import { blankDocument } from '../../src/cli/dom.ts';
import type { CellResult } from '../../src/notebook/outcome.ts';
import { compareLongNames, compareMany, emptyCompare, expectMixed, overlapMany, profileWithZeros, splitThreeArms, trendMonthly } from './edge-results.ts';
import * as sample from './sample-results.ts';

function draw(result: CellResult, width = 640): Element {
  const chart = chartFor(result, { document: blankDocument(), width });
  if (!chart) throw new Error(`no chart for ${result.statement}`);
  return chart;
}

/** The elements of the marks Plot labels `name` (e.g. "bar", "dot", "y-axis tick label"), in every SVG of the chart. */
function marks(chart: Element, name: string, tag: string): Element[] {
  return [...chart.querySelectorAll(`g[aria-label="${name}"] ${tag}`)];
}

function texts(chart: Element, name: string): string[] {
  return marks(chart, name, 'text').map((t) => t.childNodes[0]?.textContent ?? '');
}

function titles(elements: Element[]): string[] {
  return elements.map((e) => e.querySelector('title')?.textContent ?? '');
}

function svgs(chart: Element): Element[] {
  return [...chart.querySelectorAll('svg')].filter((svg) => !svg.parentElement?.closest('svg'));
}

describe('compare', () => {
  it('draws one size bar per segment with size and share, and one panel of bars per metric', () => {
    const chart = draw(sample.compare);
    const bars = marks(chart, 'bar', 'rect');
    // 5 segments × (size + 3 metrics).
    expect(bars).toHaveLength(20);
    expect(texts(chart, 'y-axis tick label').slice(0, 5)).toEqual(['tier.champions', 'tier.loyal', 'tier.promising', 'tier.at_risk', 'tier.hibernating']);
    expect(texts(chart, 'text')).toContain('741 · 24.7%');
    expect(texts(chart, 'text')).toContain('535.19');
    const headings = [...chart.querySelectorAll('svg.seg-chart-title text')].map((t) => t.textContent);
    expect(headings).toEqual(['members (share of the population)', 'spend_12m', 'orders_12m', 'median_days_since_order']);
    expect(chart.querySelector('.seg-chart-panels')?.children).toHaveLength(3);
  });

  it('lays the metric panels side by side when there is room, one under another when not', () => {
    const panelWidths = (width: number) => [...draw(sample.compare, width).querySelectorAll('.seg-chart-panel > svg[class^="plot"]')].map((s) => Number(s.getAttribute('width')));
    expect(panelWidths(1000)).toEqual([314, 314, 314]);
    expect(panelWidths(640)).toEqual([306, 306, 306]);
    expect(panelWidths(400)).toEqual([400, 400, 400]);
  });

  it('with `by`, draws a band per value with the segments coloured and a legend naming them', () => {
    const chart = draw(sample.compareBy);
    expect(marks(chart, 'bar', 'rect')).toHaveLength(2 * 16);
    expect(texts(chart, 'fy-axis tick label').slice(0, 4)).toEqual(['AMER', 'APAC', 'EMEA', 'LATAM']);
    expect([...chart.querySelectorAll('.seg-chart-legend text')].map((t) => t.textContent)).toEqual(['customers_now', 'expansion', 'churn_risk', 'prospects_in_play']);
    const fills = new Set(marks(chart, 'bar', 'rect').slice(0, 16).map((r) => r.getAttribute('fill')));
    expect(fills.size).toBe(4);
  });

  it('cuts long segment names with an ellipsis, keeps them whole as titles, and formats percentages and huge integers', () => {
    const chart = draw(compareLongNames);
    const labels = marks(chart, 'y-axis tick label', 'text');
    expect(labels[0]!.childNodes[0]!.textContent).toMatch(/…$/);
    expect(titles(labels)[0]).toBe('customers_who_bought_twice_in_the_last_quarter_and_opened_every_newsletter');
    const values = texts(chart, 'text');
    expect(values).toContain('62%');
    expect(values).toContain('-4.25');
    expect(values).toContain('12,345,678,901,234,567,890');
    expect(values).toContain('no members');
  });
});

describe('many bars', () => {
  /** The y positions of a chart's bar labels, one list per facet band or chart. */
  const labelGaps = (chart: Element) => {
    const ys = marks(chart, 'bar', 'rect').map((r) => Number(r.getAttribute('y')) + Number(r.getAttribute('height')) / 2);
    return ys.slice(1).map((y, i) => y - ys[i]!).filter((gap) => gap > 0);
  };

  it('gives 30 segments thinner bars, still a label’s height apart', () => {
    const chart = draw({ ...compareMany(30, 1), columns: ['segment', 'size', 'share'], types: ['VARCHAR', 'BIGINT', 'DOUBLE'], rows: compareMany(30, 1).rows.map((r) => [r[0]!, r[2]!, r[3]!]) });
    const svg = svgs(chart).find((s) => s.getAttribute('class')?.startsWith('plot'))!;
    expect(Number(svg.getAttribute('height'))).toBeLessThan(30 * 24);
    expect(Math.min(...labelGaps(chart))).toBeGreaterThanOrEqual(12);
  });

  it('with more `by` values than it draws, draws those with the most members, in the table order, and says so', () => {
    // 20 countries, alphabetical as the table has them; the biggest sort last.
    const countries = Array.from({ length: 20 }, (_, i) => `country ${String.fromCharCode(65 + i)}`);
    const rows = countries.map((c, i) => ['everyone', c, i === 19 ? 5000 : 10 + i, 0, 1]);
    const chart = draw({ ...compareMany(1, 1), rows });
    const drawn = [...new Set(texts(chart, 'fy-axis tick label'))];
    expect(drawn).toHaveLength(12);
    expect(drawn).toContain('country T');
    expect(drawn).not.toContain('country A');
    expect(drawn).toEqual([...drawn].sort());
    expect(chart.textContent).toContain('the 12 region values with the most members of 20 are drawn; the table has them all');
  });

  it('counts an empty segment in whole members: no axis of tenths', () => {
    const empty: CellResult = { statement: 'compare', columns: ['segment', 'size', 'share'], types: ['VARCHAR', 'BIGINT', 'DOUBLE'], rows: [['empty', 0, 0], ['few', 3, 0.001]] };
    expect(texts(draw(empty), 'x-axis tick label')).toEqual(['0', '1', '2', '3']);
  });

  it('labels a segment without members "no members" in every panel, and a missing value of one with members null', () => {
    const chart = draw({
      statement: 'compare',
      columns: ['segment', 'size', 'share', 'avg(spend)', 'orders'],
      types: ['VARCHAR', 'BIGINT', 'DOUBLE', 'DOUBLE', 'BIGINT'],
      rows: [['everyone', 3000, 1, 430.99, 9000], ['none', 0, 0, null, 0], ['unpriced', 12, 0.004, null, 20]],
    });
    expect(texts(chart, 'text')).toEqual(['3,000 · 100%', '12 · 0.4%', 'no members', '430.99', 'no members', 'null', '9,000', '20', 'no members']);
    expect(titles(marks(chart, 'bar', 'rect'))).toEqual(['everyone: 3,000 · 100%', 'unpriced: 12 · 0.4%', 'everyone: 430.99', 'everyone: 9,000', 'unpriced: 20']);
  });

  it('says no segment compared has members instead of drawing empty bars on an axis from 0 to 1', () => {
    for (const rows of [[['none', 0, 0]], [['none', 0, 0], ['nobody', 0, 0]]]) {
      const chart = draw({ statement: 'compare', columns: ['segment', 'size', 'share'], types: ['VARCHAR', 'BIGINT', 'DOUBLE'], rows });
      expect(chart.querySelectorAll('svg[class^="plot"]')).toHaveLength(0);
      expect(chart.querySelector('.seg-chart-note')?.textContent).toBe('no members in any segment compared');
    }
    const by = draw({ ...compareMany(2, 3), rows: compareMany(2, 3).rows.map((r) => [r[0]!, r[1]!, 0, 0, 0]) });
    expect(by.textContent).toBe('no members in any segment compared');
  });

  it('gives each of an 11-part partition its own colour', () => {
    const chart = draw(compareMany(11, 2));
    expect([...chart.querySelectorAll('.seg-chart-legend rect, .seg-chart-legend circle')].map((e) => e.getAttribute('fill')).filter(Boolean)).toHaveLength(11);
    const fills = new Set(marks(chart, 'bar', 'rect').map((r) => r.getAttribute('fill')));
    expect(fills.size).toBe(11);
  });

  it('keeps `by` charts of 6 segments × 12 values within reason, labels apart', () => {
    const chart = draw(compareMany(6, 12));
    const heights = svgs(chart).filter((s) => s.getAttribute('class')?.startsWith('plot')).map((s) => Number(s.getAttribute('height')));
    expect(Math.max(...heights)).toBeLessThan(1100);
    expect(Math.min(...labelGaps(chart))).toBeGreaterThanOrEqual(12);
  });
});

describe('overlap', () => {
  it('is an UpSet chart: a bar per combination over a matrix of dots, and each segment’s size', () => {
    const chart = draw(sample.overlap);
    const [bars, setSizes, matrix] = svgs(chart);
    expect(marks(bars!, 'bar', 'rect')).toHaveLength(7);
    expect(texts(bars!, 'text')).toEqual(['1,139', '322', '265', '95', '92', '90', '59']);
    expect(marks(matrix!, 'dot', 'circle')).toHaveLength(7 * 3);
    expect(texts(matrix!, 'y-axis tick label')).toEqual(['tier.champions', 'opted_in', 'big_baskets']);
    // champions 741 = 322 + 265 + 95 + 59; opted_in 1,648; big_baskets 336.
    expect(texts(setSizes!, 'text')).toEqual(['741', '1,648', '336']);
    expect(titles(marks(bars!, 'bar', 'rect'))[1]).toBe('tier.champions and opted_in: 322');
  });

  it('draws the segment sizes in the page’s text colour, which reads on a dark page where a faint blue did not', () => {
    const setSizes = svgs(draw(sample.overlap))[1]!;
    const bars = setSizes.querySelector('g[aria-label="bar"]')!;
    // Plot leaves out a fill of currentColor: the bars take the SVG's own.
    expect(setSizes.getAttribute('fill')).toBe('currentColor');
    expect([bars, ...bars.querySelectorAll('rect')].map((e) => e.getAttribute('fill'))).toEqual([null, null, null, null]);
    expect(Number(bars.getAttribute('fill-opacity'))).toBeGreaterThanOrEqual(0.5);
  });

  it('draws the combinations in the text colour, as the matrix: a palette colour would read as one segment’s', () => {
    const combinations = svgs(draw(sample.overlap))[0]!.querySelector('g[aria-label="bar"]')!;
    expect([combinations, ...combinations.querySelectorAll('rect')].map((e) => e.getAttribute('fill')).filter(Boolean)).toEqual([]);
    expect(Number(combinations.getAttribute('fill-opacity'))).toBeGreaterThanOrEqual(0.7);
  });

  it('draws the 24 largest of many combinations and says so', () => {
    const chart = draw(overlapMany);
    expect(marks(svgs(chart)[0]!, 'bar', 'rect')).toHaveLength(24);
    expect(chart.querySelector('.seg-chart-note')?.textContent).toContain('the 24 largest of 31 combinations');
  });

  it('turns the counts upright when they do not fit across their bars, and draws fewer bars when even that is too tight', () => {
    const countTexts = (chart: Element) => marks(svgs(chart)[0]!, 'text', 'text');
    expect(countTexts(draw(overlapMany, 1400)).some((t) => t.getAttribute('transform')?.includes('rotate'))).toBe(false);
    const narrow = draw(overlapMany, 560);
    expect(countTexts(narrow).every((t) => t.getAttribute('transform')?.includes('rotate(-90)'))).toBe(true);
    const tight = draw(overlapMany, 300);
    const bars = marks(svgs(tight)[0]!, 'bar', 'rect');
    expect(bars.length).toBeLessThan(24);
    expect(Number(bars[1]!.getAttribute('x')) - Number(bars[0]!.getAttribute('x'))).toBeGreaterThanOrEqual(10);
    expect(tight.querySelector('.seg-chart-note')?.textContent).toContain(`the ${bars.length} largest of 31 combinations`);
  });
});

describe('profile', () => {
  it('draws lift bars from 1 on a log scale, labelled ×lift, largest lifts first, attribute = value on the axis', () => {
    const chart = draw(sample.profile);
    const bars = marks(chart, 'bar', 'rect');
    expect(bars).toHaveLength(25);
    expect(texts(chart, 'y-axis tick label').slice(0, 3)).toEqual(['recency = Q1', 'r = Q4', 'monetary = Q4']);
    expect(texts(chart, 'text')).toContain('×3.26');
    expect(texts(chart, 'x-axis tick label')).toContain('×1');
    expect(chart.querySelector('.seg-chart-note')?.textContent).toContain('the 25 largest of 73 lifts are drawn');
  });

  it("says which values a quartile holds when the result has each quartile's range (the app's from and to)", () => {
    const withRanges: CellResult = {
      ...profileWithZeros,
      columns: [...profileWithZeros.columns, 'from', 'to'],
      types: [...profileWithZeros.types, 'DOUBLE', 'DOUBLE'],
      rows: [
        ['age', 'Q1', 0.5, 0.25, 2, 18, 29],
        ['spend', 'Q4', 0.1, 0.25, 0.4, 1044.99, 18500.5],
        ['visits', 'Q2', 0.2, 0.25, 0.8, 3, 3],
        ['plan', 'pro', 0.2, 0.25, 0.8, null, null],
      ],
    };
    expect(texts(draw(withRanges), 'y-axis tick label')).toEqual(['age = Q1 (18–29)', 'spend = Q4 (1,044.99–18,500.5)', 'visits = Q2 (3)', 'plan = pro']);
  });

  it('draws over-represented values right of 1 and under-represented left, and leaves out lifts of 0 and null', () => {
    const chart = draw(profileWithZeros);
    const bars = marks(chart, 'bar', 'rect');
    expect(bars).toHaveLength(4);
    // In the text's colour (no palette colour: those are the segments'), strong for more common, faint for less.
    const groups = [...chart.querySelectorAll('g[aria-label="bar"]')];
    expect(groups.map((g) => [Number(g.getAttribute('fill-opacity')), g.querySelectorAll('rect').length])).toEqual([[0.85, 3], [0.4, 1]]);
    expect(bars.map((b) => b.getAttribute('fill')).filter(Boolean)).toEqual([]);
    expect(texts(chart, 'text')).toEqual(expect.arrayContaining(['×5.00', '×0.25', '×2.00', '×1.00']));
    expect(texts(chart, 'y-axis tick label')).toContain('plan = (null)');
    expect(chart.querySelector('.seg-chart-note')?.textContent).toContain('2 values with no lift');
  });

  it('profile: says so when the segment or the baseline has no members, rather than counting values left out', () => {
    const nulls = (side: 2 | 3): CellResult => ({
      ...profileWithZeros,
      rows: profileWithZeros.rows.map((r) => r.map((v, i) => (i === side || i === 4 ? null : v))),
    });
    expect(draw(nulls(2)).querySelector('.seg-chart-note')?.textContent).toBe('the segment has no members, so there are no lifts to draw');
    expect(draw(nulls(3)).querySelector('.seg-chart-note')?.textContent).toBe('the baseline has no members, so there are no lifts to draw');
    expect(svgs(draw(nulls(2))).filter((s) => s.getAttribute('class')?.startsWith('plot'))).toEqual([]);
  });
});

describe('trend', () => {
  it('draws a line per segment with a dot per date, a legend, and the as-of dates as ticks', () => {
    const chart = draw(sample.trend, 900);
    expect(marks(chart, 'line', 'path')).toHaveLength(2);
    expect(marks(chart, 'dot', 'circle')).toHaveLength(16);
    expect([...chart.querySelectorAll('.seg-chart-legend text')].map((t) => t.textContent)).toEqual(['tier.champions', 'tier.at_risk']);
    expect(texts(chart, 'x-axis tick label')).toEqual(['2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31', '2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
  });

  it('thins the date ticks so their labels never touch', () => {
    const chart = draw(trendMonthly, 640);
    const ticks = texts(chart, 'x-axis tick label');
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks[0]).toBe('2022-01-31');
    expect(chart.querySelector('.seg-chart-legend title')?.textContent).toBe('active');
  });
});

describe('split', () => {
  it('draws a bar per arm labelled with size and share', () => {
    const chart = draw(splitThreeArms);
    expect(marks(chart, 'bar', 'rect')).toHaveLength(3);
    expect(texts(chart, 'text')).toEqual(['3,334 · 33.3%', '3,333 · 33.3%', '3,333 · 33.3%']);
    expect(texts(chart, 'y-axis tick label')[1]).toMatch(/^email_with.*…$/);
  });
});

describe('chartFor', () => {
  it('draws nothing for show, sql, expect and empty results', () => {
    const document = blankDocument();
    for (const result of [sample.show, sample.sql, expectMixed, emptyCompare]) expect(chartFor(result, { document })).toBeUndefined();
  });

  it('never draws narrower than 280 pixels, and fills the width it is given', () => {
    for (const result of [sample.compare, sample.overlap, sample.profile, sample.trend, sample.split]) {
      const narrowest = Math.max(...svgs(draw(result, 100)).map((s) => Number(s.getAttribute('width'))));
      expect(narrowest, result.statement).toBe(280);
      const widest = Math.max(...svgs(draw(result, 1000)).map((s) => Number(s.getAttribute('width'))));
      expect(widest, result.statement).toBe(1000);
    }
  });

  it('uses the page’s text colour for text and axes (currentColor), so charts read in light and dark pages', () => {
    for (const result of [sample.compare, sample.overlap, sample.profile, sample.trend, sample.split]) {
      const chart = draw(result);
      for (const svg of chart.querySelectorAll('svg[class^="plot"]')) expect(svg.getAttribute('fill')).toBe('currentColor');
      expect(chart.outerHTML).not.toMatch(/fill="(black|#000|#000000)"/);
    }
  });
});
