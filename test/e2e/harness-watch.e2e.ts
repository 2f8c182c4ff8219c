import assert from 'node:assert/strict';
import { test } from './support/e2e.ts';
import { PageWatch } from './support/page-watch.ts';

test("harness: a load the test's own reload cuts short is not a failure; one the page abandons is", async (t) => {
  const watch = new PageWatch(t.origin);
  watch.attach(t.page.context(), t.page);
  const url = `${t.origin}/harness-watch.html`;
  await t.page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>watch</title>' }));
  // Never answered: only the page's own abort or the reload ends these requests.
  await t.page.route(/\/held-/, () => undefined);
  await t.page.goto(url);

  const abandoned = t.page.waitForEvent('requestfailed', (request) => request.url().endsWith('/held-by-the-page'));
  await t.page.evaluate(() => {
    const controller = new AbortController();
    fetch('/held-by-the-page', { signal: controller.signal }).catch(() => undefined);
    setTimeout(() => controller.abort(), 100);
  });
  await abandoned;

  const held = t.page.waitForRequest((request) => request.url().endsWith('/held-by-the-reload'));
  await t.page.evaluate(() => void fetch('/held-by-the-reload').catch(() => undefined));
  await held;
  const cut = t.page.waitForEvent('requestfailed', (request) => request.url().endsWith('/held-by-the-reload'));
  await t.page.reload();
  await cut;

  assert.deepEqual(watch.failedRequests, [`${t.origin}/held-by-the-page (net::ERR_ABORTED)`]);
}, { expectedProblems: [/\/held-by-the-page /] });
