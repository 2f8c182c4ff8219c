import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Locator } from 'playwright-core';
import { addFiles, queryInCell, settledRow } from './data-support.ts';
import { cell, openNotebook } from './notebook-support.ts';
import { fromFileMenu } from './safety-support.ts';
import { test, type E2EContext } from './support/e2e.ts';

const VISITS = 'customer_id,visits\n' + Array.from({ length: 200 }, (_, i) => `${i + 1},${(i * 7) % 23}`).join('\n') + '\n';

/** Clicks what starts a download and returns the file's name and size. */
async function download(t: E2EContext, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([t.page.waitForEvent('download'), click()]);
  return `${file.suggestedFilename()} (${fs.statSync(await file.path()).size.toLocaleString('en-US')} bytes)`;
}

test('safety: a whole session — open, add a data file, run, export every way — sends nothing off the origin', async (t) => {
  await openNotebook(t);
  await addFiles(t, [{ name: 'visits.csv', content: VISITS }]);
  assert.match(await settledRow(t, 'visits'), /^200 rows · 2 columns$/);
  const joined = await queryInCell(t, 'select c.country, sum(v.visits) as visits from visits v join customers c using (customer_id) group by all order by visits desc');
  assert.match(joined, /country.*visits/);

  const compare: Locator = cell(t, 3).locator('seg-result').first();
  const files = [
    await download(t, () => compare.locator('.toolbar button', { hasText: 'CSV' }).click()),
    await download(t, () => compare.locator('.toolbar button', { hasText: 'SVG' }).click()),
    await download(t, () => compare.locator('.toolbar button', { hasText: 'PNG' }).click()),
    await download(t, () => fromFileMenu(t.page, 'Export', 'HTML report')),
    await download(t, () => fromFileMenu(t.page, 'Share', 'Download bundle')),
  ];
  await t.page.locator('seg-file-menu .bar button', { hasText: 'Export' }).click();
  files.push(await download(t, () => t.page.locator('seg-file-menu [popover][aria-label="Export"] button', { hasText: 'Download members' }).click()));
  for (const file of files) t.note(`exported ${file}`);

  assert.ok(t.watch.requests.some((url) => url.endsWith('.wasm')), 'the engine\'s requests were recorded');
  assert.deepEqual(t.watch.offOrigin(), []);
  t.note(`${t.watch.requests.length} requests over the session, all to ${t.origin}`);
}, { timeoutMs: 120_000 });
