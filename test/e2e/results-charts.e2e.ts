import assert from 'node:assert/strict';
import path from 'node:path';
import { openResults, result } from './results-support.ts';
import { test } from './support/e2e.ts';

const CHARTED = ['compare', 'compare-by', 'compare-long-names', 'compare-many', 'overlap', 'overlap-many', 'profile', 'profile-zeros', 'trend', 'trend-monthly', 'split', 'split-long-names'];
const TABLE_ONLY = ['show', 'sql', 'empty'];

async function screenshots(t: Parameters<Parameters<typeof test>[1]>[0], scheme: 'light' | 'dark'): Promise<void> {
  for (const fixture of [...CHARTED, ...TABLE_ONLY, 'expect']) {
    const file = path.join('test-results', `results-${fixture}-${scheme}.png`);
    await t.page.locator(`section[data-fixture="${fixture}"]`).screenshot({ path: file });
    t.note(`screenshot: ${file}`);
  }
}

test('results: a chart over a table for compare, overlap, profile, trend and split; a table alone for show and sql (light)', async (t) => {
  assert.equal(await openResults(t), CHARTED.length + TABLE_ONLY.length + 1);
  for (const fixture of CHARTED) {
    const element = result(t, fixture);
    assert.ok(await element.locator('.chart svg[class^="plot"]').count() > 0, `${fixture} has a Plot chart`);
    assert.ok(await element.locator('seg-table [role=columnheader]').count() > 0, `${fixture} has a table`);
    const width = await element.locator('.chart').evaluate((chart) => Math.max(...[...chart.querySelectorAll('svg')].map((s) => s.getBoundingClientRect().width)));
    const room = await element.evaluate((host) => host.getBoundingClientRect().width);
    assert.ok(Math.abs(width - room) <= 1, `${fixture}: the chart fills the width it has (${width} of ${room})`);
    assert.ok(!(await element.locator('.chart').evaluate((c) => c.scrollWidth > c.clientWidth + 1)), `${fixture}: nothing spills sideways`);
  }
  for (const fixture of TABLE_ONLY) {
    assert.equal(await result(t, fixture).locator('.chart').count(), 0, `${fixture} has no chart`);
    assert.ok(await result(t, fixture).locator('seg-table').isVisible());
  }
  assert.deepEqual(await result(t, 'show').locator('.toolbar button').allInnerTexts(), ['Copy', 'CSV']);
  assert.equal(await result(t, 'empty').locator('seg-table .count').innerText(), 'no rows');
  await screenshots(t, 'light');
});

test('results: charts redraw to the new width when the page narrows, and follow a dark page', async (t) => {
  await openResults(t, '?only=compare');
  const panels = () => result(t, 'compare').locator('.seg-chart-panel').evaluateAll((ps) => ps.map((p) => Math.round(p.getBoundingClientRect().top)));
  assert.equal(new Set(await panels()).size, 2, 'three metric panels sit in two rows at 1280 px');
  await t.page.setViewportSize({ width: 520, height: 900 });
  await t.page.waitForFunction(() => {
    const host = document.querySelector('seg-result')!;
    const svg = host.shadowRoot!.querySelector('.chart svg[class^="plot"]')!;
    return Math.abs(Number(svg.getAttribute('width')) - host.getBoundingClientRect().width) <= 8;
  });
  assert.equal(new Set(await panels()).size, 3, 'one panel per row at 520 px');
  const narrow = path.join('test-results', 'results-compare-narrow.png');
  await t.page.locator('section').screenshot({ path: narrow });
  t.note(`screenshot: ${narrow}`);

  await t.page.setViewportSize({ width: 1280, height: 900 });
  await openResults(t);
  await t.page.emulateMedia({ colorScheme: 'dark' });
  const colour = await result(t, 'overlap').locator('.chart').evaluate((c) => getComputedStyle(c).color);
  assert.equal(colour, 'rgb(230, 237, 243)', 'chart text takes the dark page’s foreground');
  await screenshots(t, 'dark');
});

test('results: expect shows a green ✓ for a passed expectation and a red ✗ with its detail for a failed one', async (t) => {
  await openResults(t, '?only=expect');
  const items = result(t, 'expect').locator('.expectations li');
  assert.equal(await items.count(), 2);
  assert.match(await items.nth(0).innerText(), /✓ passed\s+size\(tier\.champions\) > 100\s+size\(tier\.champions\) = 741/);
  assert.match(await items.nth(1).innerText(), /✗ failed\s+share\(active\) > 0\.9\s+share\(active\) = 0\.58/);
  const [pass, fail] = await items.locator('.badge').evaluateAll((badges) => badges.map((b) => getComputedStyle(b).backgroundColor));
  assert.equal(pass, 'rgb(26, 127, 55)');
  assert.equal(fail, 'rgb(207, 34, 46)');
  assert.equal(await result(t, 'expect').locator('seg-table').count(), 0, 'no table for expectations');
});
