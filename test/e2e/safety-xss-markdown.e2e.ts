import assert from 'node:assert/strict';
import YAML from 'yaml';
import { cellCount } from './notebook-support.ts';
import { executableMarkup, installSentinel, provesTheSentinelWorks, rendered, sentinelHits, setNotebook, withoutPolicy, xssPayloads } from './safety-support.ts';
import { openApp } from './support/app.ts';
import { test } from './support/e2e.ts';

test('safety: every XSS payload as a notebook title and as a Markdown cell shows as text; nothing runs', async (t) => {
  const payloads = xssPayloads();
  assert.equal(payloads.length, 333);
  await installSentinel(t.page);
  await withoutPolicy(t);
  await openApp(t);
  await provesTheSentinelWorks(t.page);

  // Titles, one payload at a time, in a one-cell notebook so each change re-renders little.
  await setNotebook(t.page, { cells: [{ kind: 'markdown', source: 'Titles' }] });
  const titles = await t.page.evaluate(async (yamls) => {
    const host = document.querySelector('seg-notebook') as HTMLElement & {
      controller: { setFrontMatter(yaml: string): void; title?: string };
      updateComplete: Promise<unknown>;
    };
    // A title reads back with its white space and control characters tidied by the browser: the
    // tab must show what a scratch document shows for the same text.
    const scratch = document.implementation.createHTMLDocument('');
    const shown: { title?: string; heading: string; tab: string; asText: string }[] = [];
    for (const yaml of yamls) {
      host.controller.setFrontMatter(yaml);
      await host.updateComplete;
      scratch.title = `${host.controller.title} · Segbook`;
      shown.push({ title: host.controller.title, heading: host.shadowRoot!.querySelector('header h1')!.textContent!, tab: document.title, asText: scratch.title });
    }
    return shown;
  }, payloads.map((p) => YAML.stringify({ title: p })));
  titles.forEach((shown, i) => {
    assert.equal(shown.title, payloads[i], `payload ${i + 1} is read back as the title`);
    assert.equal(shown.heading, payloads[i], `payload ${i + 1} is the heading's text`);
    assert.equal(shown.tab, shown.asText, `payload ${i + 1} is the tab's title`);
  });

  // Markdown: one cell per payload, so no payload can hide another inside a code block.
  await setNotebook(t.page, {
    frontMatter: YAML.stringify({ title: payloads[0] }),
    cells: payloads.map((source) => ({ kind: 'markdown' as const, source })),
  });
  await rendered(t.page);
  assert.equal(await cellCount(t), payloads.length);
  const cells = await t.page.locator('seg-notebook seg-markdown-cell .rendered').evaluateAll((els) =>
    els.map((el) => ({ empty: el.classList.contains('empty'), text: el.textContent ?? '', html: el.innerHTML })),
  );
  assert.equal(cells.length, payloads.length, 'every Markdown cell is rendered');
  cells.forEach((cell, i) => {
    assert.equal(cell.empty, payloads[i]!.trim() === '', `payload ${i + 1} renders as ${cell.empty ? 'an empty cell' : 'text'}`);
  });
  const raw = cells.filter((cell) => /<(img|svg|a |script|iframe|math|style|form|input)\b/i.test(cell.html)).length;
  t.note(`${cells.length} Markdown cells rendered, ${cells.filter((c) => c.empty).length} blank; ${raw} with payload markup as elements (markdown-it shows raw HTML as text)`);

  // Images and media fail or load asynchronously: give any handler time to fire.
  await t.page.waitForTimeout(1000);
  assert.deepEqual(await executableMarkup(t.page), []);
  assert.deepEqual(await sentinelHits(t.page), []);
  await t.page.locator('seg-notebook seg-cell').nth(41).scrollIntoViewIfNeeded();
  await t.page.screenshot({ path: 'test-results/safety-xss-markdown.png' });
  t.note('screenshot: test-results/safety-xss-markdown.png');
}, { timeoutMs: 90_000 });
