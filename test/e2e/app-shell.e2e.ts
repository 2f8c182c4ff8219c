import assert from 'node:assert/strict';
import { openApp, waitForSettled } from './support/app.ts';
import { test } from './support/e2e.ts';

test('app shell: starts, lists the sample tables, draws the revenue chart, stays on its origin', async (t) => {
  const timings = await openApp(t);
  t.note(`engine ready ${Math.round(timings.engineReadyMs)} ms, first chart ${Math.round(timings.firstChartMs)} ms after navigation`);

  const rows = await t.page.locator('seg-app tbody tr').allInnerTexts();
  assert.deepEqual(rows.map((row) => row.split('\t')[0]), ['customers', 'orders', 'accounts', 'deals']);
  for (const row of rows) assert.match(row.split('\t')[1], /^[1-9][\d,]*$/, `row count in "${row}"`);

  const chart = t.page.locator('seg-app .chart');
  const chartText = await chart.innerText();
  for (const label of ['Month', 'Revenue', 'web', 'store', 'app']) assert.ok(chartText.includes(label), `chart shows "${label}"`);

  // The recorder must see worker traffic too, or "no request left the origin" would prove nothing.
  assert.ok(t.watch.requests.some((url) => url.endsWith('.wasm')), 'the DuckDB wasm request was recorded');
  assert.ok(t.watch.requests.some((url) => url.endsWith('/samples/orders.csv')), 'the sample data request was recorded');
  assert.deepEqual(t.watch.offOrigin(), []);
  t.note(`${t.watch.requests.length} requests, all to ${t.origin}`);

  t.note(`screenshot: ${await t.screenshot('app-shell')}`);
  await t.page.emulateMedia({ colorScheme: 'dark' });
  t.note(`screenshot: ${await t.screenshot('app-shell-dark')}`);
});

test('app shell: a sample file that cannot be loaded gives a clear message, not a blank page', async (t) => {
  await t.page.route('**/samples/orders.csv', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await t.page.goto(`${t.origin}/`);
  assert.equal(await waitForSettled(t), 'failed');
  const message = await t.page.locator('seg-app [role=alert]').innerText();
  assert.match(message, /orders/, 'the message names the table that failed');
  t.note(`screenshot: ${await t.screenshot('app-shell-error')}`);
}, { expectedProblems: [/orders\.csv \(HTTP 404\)/, /404/] });
