import assert from 'node:assert/strict';
import path from 'node:path';
import { eventually, shotOf } from './notebook-support.ts';
import { columnTexts, openResults, result } from './results-support.ts';
import { test } from './support/e2e.ts';

test('results: clicking a header sorts numbers numerically, then descending, then back; nulls stay last', async (t) => {
  await openResults(t, '?only=show');
  const table = result(t, 'show').locator('seg-table');
  const names = await table.locator('[role=columnheader] .name').allInnerTexts();
  const header = (name: string) => table.locator('[role=columnheader]').nth(names.indexOf(name));
  const original = await columnTexts(table, 0);

  await header('age').locator('button').click();
  assert.equal(await header('age').getAttribute('aria-sort'), 'ascending');
  const ascending = await columnTexts(table, 3);
  assert.deepEqual(ascending, ['28', '32', '34', '35', '39', '48', '50', '56', '68', 'null']);

  await header('age').locator('button').click();
  assert.equal(await header('age').getAttribute('aria-sort'), 'descending');
  assert.deepEqual(await columnTexts(table, 3), ['68', '56', '50', '48', '39', '35', '34', '32', '28', 'null']);
  assert.match(await table.locator('.footer').innerText(), /sorted by age, descending/);

  await header('age').locator('button').click();
  assert.equal(await header('age').getAttribute('aria-sort'), 'none');
  assert.deepEqual(await columnTexts(table, 0), original, 'the third click restores the result’s order');

  // Dates and money read for people: YYYY-MM-DD, thousands separators, right-aligned numbers.
  assert.match((await columnTexts(table, 8))[0]!, /^\d{4}-\d{2}-\d{2}$/);
  assert.match((await columnTexts(table, 16))[0]!, /^3,268\.6$/);
  const align = await table.locator('.body [role=cell]').nth(3).evaluate((c) => getComputedStyle(c).textAlign);
  assert.equal(align, 'right');
});

test('results: headers sort from the keyboard (Tab to a header button, Enter or Space)', async (t) => {
  await openResults(t, '?only=compare');
  const table = result(t, 'compare').locator('seg-table');
  await table.locator('[role=columnheader] button').first().focus();
  await t.page.keyboard.press('Tab');
  await t.page.keyboard.press('Enter');
  const size = table.locator('[role=columnheader]').nth(1);
  assert.equal(await size.getAttribute('aria-sort'), 'ascending');
  assert.deepEqual(await columnTexts(table, 1), ['152', '460', '741', '800', '847']);
  await t.page.keyboard.press('Space');
  assert.deepEqual(await columnTexts(table, 1), ['847', '800', '741', '460', '152']);
  const outline = await size.locator('button').evaluate((b) => getComputedStyle(b).outlineStyle);
  assert.equal(outline, 'solid', 'the focused header shows a focus ring');
});

test('results: a 100,000-row table keeps fewer than 200 rows in the page, scrolls to the end, and sorts', async (t) => {
  await openResults(t, '?only=big&rows=100000');
  const table = result(t, 'big').locator('seg-table');
  assert.equal(await table.locator('.count').innerText(), '100,000 rows');
  const rowElements = () => table.locator('.body [role=row]').count();
  const initial = await rowElements();
  assert.ok(initial > 5 && initial < 200, `rows in the page at the top: ${initial}`);

  // Frame times are a speed: `npm run bench` measures them (scripts/bench/table-scroll.ts).
  const scroller = table.locator('.scroller');
  // Rows scrolled out of view leave nothing behind: lit-html 3.3.1–3.3.3 left one comment node
  // per row removed (lit/lit#5298), and each pass through the table made every frame slower.
  const nodesAfterPass = () =>
    scroller.evaluate(async (element) => {
      for (let i = 0; i <= 40; i++) {
        element.scrollTop = (element.scrollHeight * (i % 2 === 0 ? i : 40 - i)) / 40;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return element.querySelector('.body')!.childNodes.length;
    });
  const once = await nodesAfterPass();
  const twice = await nodesAfterPass();
  assert.ok(once < 1000 && twice <= once + 50, `nodes in the table body after one pass ${once}, after two ${twice}`);
  await scroller.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await t.page.waitForFunction(() => {
    const host = document.querySelector('seg-result')!.shadowRoot!.querySelector('seg-table')!;
    return [...host.shadowRoot!.querySelectorAll('.body [role=row]')].some((r) => r.getAttribute('aria-rowindex') === '100001');
  });
  assert.ok((await rowElements()) < 200, 'still fewer than 200 rows at the end');
  const last = await columnTexts(table, 0);
  // customer_id names a customer: written without separators (src/ui/format.ts).
  assert.equal(last.at(-1), '100000', 'the last row is the 100,000th customer');

  const started = Date.now();
  await table.locator('[role=columnheader] button').nth(3).click();
  await scroller.evaluate((element) => (element.scrollTop = 0));
  await t.page.waitForFunction(() => {
    const host = document.querySelector('seg-result')!.shadowRoot!.querySelector('seg-table')!;
    return host.shadowRoot!.querySelector('.body [role=row][aria-rowindex="2"]') !== null;
  });
  t.note(`sorting 100k rows by spend: ${Date.now() - started} ms to the first rows`);
  const spend = await columnTexts(table, 3);
  const numbers = spend.slice(0, 10).map((s) => Number(s.replace(/,/g, '')));
  assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), 'ascending by spend');
  assert.ok((await rowElements()) < 200);
  const shot = path.join('test-results', 'results-big-table.png');
  await t.page.locator('section').screenshot({ path: shot });
  t.note(`screenshot: ${shot}`);
});

test('results: Copy puts the table on the clipboard as TSV, in the order shown', async (t) => {
  await t.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.origin });
  await openResults(t, '?only=compare');
  const element = result(t, 'compare');
  await element.locator('seg-table [role=columnheader] button').nth(1).click();
  await element.locator('.toolbar button', { hasText: 'Copy' }).click();
  await element.locator('.status', { hasText: 'copied 5 rows' }).waitFor();
  const text = await t.page.evaluate(() => navigator.clipboard.readText());
  const lines = text.trimEnd().split('\n');
  assert.equal(lines[0], 'segment\tsize\tshare\tspend_12m\torders_12m\tmedian_days_since_order');
  assert.equal(lines[1], 'tier.promising\t152\t0.0506666666666667\t68.20625\t1.58552631578947\t13.5', 'fractions keep 15 significant digits, without binary noise');
  assert.equal(lines.length, 6);

  // Ctrl+C on the table itself, with nothing selected, copies it too.
  await t.page.evaluate(() => navigator.clipboard.writeText(''));
  await element.locator('seg-table .scroller').focus();
  await t.page.keyboard.press('ControlOrMeta+c');
  await t.page.waitForFunction(async () => (await navigator.clipboard.readText()).startsWith('segment\t'));
});

test('results: Ctrl+C on a table says what it copied in the Copy button\'s words, politely and briefly', async (t) => {
  await t.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.origin });
  await openResults(t, '?only=compare');
  const element = result(t, 'compare');
  await element.locator('.toolbar button', { hasText: 'Copy' }).click();
  const button = element.locator('header .status');
  const said = await eventually(() => button.innerText(), (text) => text !== '', 'the Copy button says what it copied');
  const copied = await t.page.evaluate(() => navigator.clipboard.readText());

  await t.page.evaluate(() => navigator.clipboard.writeText(''));
  await element.locator('seg-table .scroller').focus();
  await t.page.keyboard.press('ControlOrMeta+c');
  const status = element.locator('seg-table .status');
  await eventually(() => status.innerText(), (text) => text === said, `the table says "${said}" too`);
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  assert.equal(await t.page.evaluate(() => navigator.clipboard.readText()), copied, 'the same text as the button copies');
  t.note(`screenshot: ${await shotOf(element, 'results-copied-by-keyboard')}`);
  await eventually(() => status.innerText(), (text) => text === '', 'the message goes, as the button\'s does', 6000);
});
