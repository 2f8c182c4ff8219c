import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { openResults, result } from './results-support.ts';
import { test, type E2EContext } from './support/e2e.ts';

async function save(t: E2EContext, element: Locator, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([t.page.waitForEvent('download'), element.locator('.toolbar button', { hasText: button }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

test('results: CSV download holds the table; SVG and PNG downloads hold the whole chart, made in the page', async (t) => {
  await openResults(t, '?only=compare-long-names');
  const element = result(t, 'compare-long-names');

  const csv = await save(t, element, 'CSV');
  assert.match(csv.name, /^compare-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.csv$/);
  const lines = csv.bytes.toString('utf8').split('\r\n');
  assert.equal(lines[0], 'segment,size,share,pct(orders>3),avg(margin),sum(spend)');
  assert.equal(lines[3], 'small,0,0,,,0');
  assert.equal(lines[1], 'customers_who_bought_twice_in_the_last_quarter_and_opened_every_newsletter,1204,0.4013,0.62,12.5,12345678901234567890');

  const svg = await save(t, element, 'SVG');
  assert.match(svg.name, /\.svg$/);
  const text = svg.bytes.toString('utf8');
  assert.match(text, /^<\?xml/);
  // Four Plot charts (size and three metrics) and the headings, placed in one picture.
  assert.equal((text.match(/<svg[^>]*class="plot-/g) ?? []).length, 4);
  assert.ok(text.includes('pct(orders&gt;3)'));
  assert.match(text, /style="color: rgb\(31, 35, 40\)/, 'the page colour is written down, not left as currentColor');
  const exported = path.join('test-results', 'results-export.svg');
  fs.writeFileSync(exported, svg.bytes);
  t.note(`exported SVG: ${exported}`);

  const png = await save(t, element, 'PNG');
  assert.match(png.name, /\.png$/);
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.bytes.readUInt32BE(16);
  const chartWidth = await element.locator('.chart').evaluate((c) => c.getBoundingClientRect().width);
  assert.equal(width, (Math.ceil(chartWidth) + 24) * 2, 'drawn at twice the chart’s size, with a margin');
  const picture = path.join('test-results', 'results-export.png');
  fs.writeFileSync(picture, png.bytes);
  t.note(`exported PNG: ${picture}`);
  assert.deepEqual(t.watch.offOrigin(), []);
});

test('results: the view switch shows the chart, the table or both; exporting the chart from the table view shows it again', async (t) => {
  await openResults(t, '?only=trend');
  const element = result(t, 'trend');
  const visible = async () => [await element.locator('.chart').isVisible(), await element.locator('seg-table').isVisible()];
  assert.deepEqual(await visible(), [true, true]);
  await element.locator('.views button', { hasText: 'Chart' }).click();
  assert.deepEqual(await visible(), [true, false]);
  assert.equal(await element.locator('.views button', { hasText: 'Chart' }).getAttribute('aria-pressed'), 'true');
  await element.locator('.views button', { hasText: 'Table' }).click();
  assert.deepEqual(await visible(), [false, true]);
  await element.locator('seg-table [role=columnheader] button').nth(2).click();
  await element.locator('.views button', { hasText: 'Both' }).click();
  await element.locator('.views button', { hasText: 'Table' }).click();
  assert.equal(await element.locator('seg-table [role=columnheader]').nth(2).getAttribute('aria-sort'), 'ascending', 'the sort survives switching views');
  const svg = await save(t, element, 'SVG');
  assert.ok(svg.bytes.length > 1000);
  assert.deepEqual(await visible(), [true, true]);
});
