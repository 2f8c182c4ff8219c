import assert from 'node:assert/strict';
import { cell, cellCount, cellStatus, chartText, openNotebook, outputText } from './notebook-support.ts';
import { waitForSettled } from './support/app.ts';
import { test } from './support/e2e.ts';

test('notebook: shows the notebook and its progress while the engine starts and the data loads', async (t) => {
  await t.page.goto(`${t.origin}/`);
  await t.page.waitForFunction(() => ['starting', 'loading'].includes(document.querySelector<HTMLElement>('seg-notebook')?.dataset.state ?? ''));
  const status = await t.page.locator('seg-notebook .toolbar [role=status]').innerText();
  assert.match(status, /Starting the database engine|Loading data/);
  // The text is there at once: the first screen waits neither for the engine nor for Monaco.
  assert.match(await cell(t, 1).locator('.preview').innerText(), /population customers key customer_id/);
  assert.equal(await t.page.locator('seg-notebook seg-code-editor').count(), 0, 'no code editor before the first results');
  t.note(`screenshot: ${await t.screenshot('notebook-loading')}`);
  assert.equal(await waitForSettled(t), 'ready');
});

test('notebook: the getting-started notebook runs on open — every cell done, charts and tables drawn, nothing off the origin', async (t) => {
  const timings = await openNotebook(t);
  t.note(`engine ready ${Math.round(timings.engineReadyMs)} ms, first chart ${Math.round(timings.firstChartMs)} ms after navigation`);
  assert.equal(await t.page.locator('seg-notebook header h1').innerText(), 'Getting started with Segbook');
  assert.equal(await t.page.title(), 'Getting started with Segbook · Segbook');
  assert.match(await t.page.locator('seg-notebook .toolbar [role=status]').innerText(), /^Ran 6 cells in \d/);
  assert.match(await t.page.locator('seg-notebook .data').innerText(), /customers\s+3,000 rows/);

  const cells = await cellCount(t);
  const states: string[] = [];
  for (let i = 0; i < cells; i++) states.push(await cellStatus(t, i));
  assert.deepEqual(states, ['', 'done', '', 'done', '', 'done', '', 'done', '', 'done', '', 'done']);
  for (const label of ['everyone', 'active', 'big_spenders', 'lapsed', 'active_big_spenders', 'avg(spend)']) {
    assert.ok((await chartText(t, 3)).includes(label), `the compare chart shows "${label}"`);
  }
  assert.match(await chartText(t, 5), /North America/);
  // One colour per segment across the notebook: big_spenders is third in one compare, alone in the other.
  const bigSpenders = await cell(t, 3).locator('g[aria-label="bar"] rect:has(title:text-matches("^big_spenders:"))').first().getAttribute('fill');
  assert.equal(await cell(t, 5).locator('.seg-chart-legend rect').getAttribute('fill'), bigSpenders, 'big_spenders has one colour in both compares');
  assert.match(await outputText(t, 7), /customer_id/);
  assert.match(await outputText(t, 9), /avg_spend/);
  assert.match(await outputText(t, 11), /size\(big_spenders\) > 0/);

  // The recorder must see worker traffic too, or "no request left the origin" would prove nothing.
  assert.ok(t.watch.requests.some((url) => url.endsWith('.wasm')), 'the DuckDB wasm request was recorded');
  // The sample data arrives as the build's prebuilt tables, not as CSV text (scripts/vite/sample-tables.ts).
  assert.ok(t.watch.requests.some((url) => /\/samples\/orders-[0-9a-f]{8}\.arrow$/.test(url)), 'the sample data request was recorded');
  assert.ok(!t.watch.requests.some((url) => url.endsWith('.csv')), 'no CSV file was read');
  assert.deepEqual(t.watch.offOrigin(), []);
  t.note(`${t.watch.requests.length} requests, all to ${t.origin}`);

  t.note(`screenshot: ${await t.screenshot('notebook-run-light')}`);
  await t.page.emulateMedia({ colorScheme: 'dark' });
  await t.page.waitForTimeout(300);
  t.note(`screenshot: ${await t.screenshot('notebook-run-dark')}`);
});

test('notebook: a data file that cannot be loaded is named in a message; the cells that need it say so', async (t) => {
  await t.page.route(/\/samples\/orders-[0-9a-f]{8}\.arrow$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await t.page.goto(`${t.origin}/`);
  assert.equal(await waitForSettled(t), 'ready');
  const alert = await t.page.locator('seg-notebook .problems[role=alert]').innerText();
  assert.match(alert, /orders\.csv/, 'the message names the file that failed');
  assert.equal(await cellStatus(t, 1), 'error');
  assert.match(await cell(t, 1).locator('.errors').innerText(), /table 'orders' is not available/);
  t.note(`screenshot: ${await t.screenshot('notebook-data-error')}`);
}, { expectedProblems: [/orders-[0-9a-f]{8}\.arrow \(HTTP 404\)/, /404/] });
