// The results' end-to-end test page: one <seg-result> per fixture (every statement kind, from the
// sample notebooks, and made-up edge cases). `?only=NAME` shows one; `?rows=N` sizes the big table.
// window.resultsTest tells the tests when every result has drawn.
import '../../../src/ui/seg-result.ts';
import type { CellResult } from '../../../src/notebook/outcome.ts';
import type { SegResult } from '../../../src/ui/seg-result.ts';
import { bigTable, compareLongNames, compareMany, emptyCompare, expectMixed, overlapMany, profileWithZeros, splitThreeArms, trendMonthly } from '../../charts/edge-results.ts';
import * as sample from '../../charts/sample-results.ts';

const params = new URLSearchParams(location.search);

const FIXTURES: Record<string, () => CellResult> = {
  compare: () => sample.compare,
  'compare-by': () => sample.compareBy,
  'compare-long-names': () => compareLongNames,
  'compare-many': () => compareMany(6, 12),
  overlap: () => sample.overlap,
  'overlap-many': () => overlapMany,
  profile: () => sample.profile,
  'profile-zeros': () => profileWithZeros,
  trend: () => sample.trend,
  'trend-monthly': () => trendMonthly,
  split: () => sample.split,
  'split-long-names': () => splitThreeArms,
  show: () => sample.show,
  sql: () => sample.sql,
  expect: () => ({ ...sample.expect, rows: [...sample.expect.rows, ...expectMixed.rows] }),
  empty: () => emptyCompare,
  big: () => bigTable(Number(params.get('rows') ?? 100_000)),
};

const only = params.get('only');
const main = document.getElementById('results')!;
const elements: SegResult[] = [];
for (const [name, make] of Object.entries(FIXTURES)) {
  if (only ? name !== only : name === 'big') continue;
  const section = document.createElement('section');
  section.dataset.fixture = name;
  const title = document.createElement('h2');
  title.textContent = name;
  const result = document.createElement('seg-result');
  result.result = make();
  section.append(title, result);
  main.appendChild(section);
  elements.push(result);
}

export const resultsTest = {
  /** Resolves when every result has rendered, its table and chart included. */
  async ready(): Promise<number> {
    await Promise.all(elements.map((e) => e.updateComplete));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await Promise.all(elements.map((e) => e.updateComplete));
    return elements.length;
  },
};

declare global {
  interface Window {
    resultsTest: typeof resultsTest;
  }
}
window.resultsTest = resultsTest;
