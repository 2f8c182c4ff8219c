import assert from 'node:assert/strict';
import { openApp, waitForSettled } from './support/app.ts';
import { test } from './support/e2e.ts';
import { openFromGallery } from './workshop-support.ts';

test('workshop: after one visit the app opens and runs a tutorial with the network gone', async (t) => {
  const started = Date.now();
  const lap = (what: string) => t.note(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await openApp(t);
  lap('first visit ran');
  // The offline copy is complete when the service worker is active: it installs all or nothing.
  const state = await t.page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active!;
    if (worker.state !== 'activated') await new Promise((resolve) => worker.addEventListener('statechange', resolve, { once: true }));
    return worker.state;
  });
  assert.equal(state, 'activated');
  lap('offline copy stored');
  const cached = await t.page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('segbook-'))!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  for (const needed of [/^\/$/, /\/assets\/duckdb-eh-.*\.wasm$/, /\/assets\/duckdb-browser-eh\.worker-.*\.js$/, /\/assets\/monaco-runtime-.*\.js$/, /\/samples\/orders\.csv$/, /\/samples\/orders-[0-9a-f]{8}\.arrow$/]) {
    assert.ok(cached.some((path) => needed.test(path)), `the offline copy holds ${needed}`);
  }
  assert.ok(!cached.some((path) => path.startsWith('/test/') || path.endsWith('.br')), 'no test pages, no compressed variants');
  t.note(`offline copy: ${cached.length} files`);

  await t.page.context().setOffline(true);
  const fromWorker: string[] = [];
  t.page.on('response', (response) => {
    if (response.fromServiceWorker()) fromWorker.push(new URL(response.url()).pathname);
  });
  await t.page.reload();
  assert.equal(await waitForSettled(t), 'ready');
  lap('offline reload ran');
  assert.ok(fromWorker.includes('/'), 'the page itself came from the offline copy');
  assert.ok(fromWorker.some((path) => path.endsWith('.wasm')), 'so did the DuckDB wasm');
  // Offline for real: what the copy does not hold cannot be fetched.
  const reachable = await t.page.evaluate(() => fetch(`/not-in-the-copy-${Date.now()}`).then(() => true, () => false));
  assert.equal(reachable, false);

  await openFromGallery(t, 'Firmographic segmentation (B2B)');
  // The sample data arrives as the build's prebuilt tables (scripts/vite/sample-tables.ts).
  for (const table of ['accounts', 'deals']) {
    assert.ok(fromWorker.some((path) => new RegExp(`^/samples/${table}-[0-9a-f]{8}\\.arrow$`).test(path)), `${table}'s prebuilt table came from the offline copy`);
  }
  lap('tutorial ran offline');
  t.note(`screenshot: ${await t.screenshot('workshop-offline')}`);
}, { serviceWorkers: true, timeoutMs: 120_000, expectedProblems: [/not-in-the-copy-/] });
