import assert from 'node:assert/strict';
import { clickToEnd, openNotebook } from './notebook-support.ts';
import { menuMessage, menuPanel, notebookText, reopen, savedInBrowser } from './persist-support.ts';
import { waitForSettled } from './support/app.ts';
import { test } from './support/e2e.ts';

test('persist: two tabs on one notebook never write over each other — the second to change it keeps a copy', async (t) => {
  await openNotebook(t);
  await clickToEnd(t, 5);
  await t.page.keyboard.type(' -- kept');
  await savedInBrowser(t);
  const two = await reopen(t);
  assert.equal(await notebookText(two), await notebookText(t), 'the second tab opens the same kept notebook');

  await clickToEnd(t, 5);
  await t.page.keyboard.type(' -- from tab one');
  await savedInBrowser(t);
  await clickToEnd(two, 5);
  await two.page.keyboard.type(' -- from tab two');
  await savedInBrowser(two);
  assert.match(await menuMessage(two), /also changed in another tab\. The changes made here are kept as a copy/);
  const [first, second] = [await notebookText(t), await notebookText(two)];
  assert.match(first, /-- kept -- from tab one\n/);
  assert.match(second, /-- kept -- from tab two\n/);

  // A reload keeps each tab on its own version, though the copy was written last.
  await t.page.reload();
  await waitForSettled(t);
  assert.equal(await notebookText(t), first, 'the first tab, reloaded, shows its own version');
  await two.page.reload();
  await waitForSettled(two);
  assert.equal(await notebookText(two), second, 'the second tab, reloaded, shows its copy');

  // Both versions are kept: a new tab opens the copy (it was written last) and the other is in Recent.
  await t.page.close();
  await two.page.close();
  const three = await reopen(t);
  assert.equal(await notebookText(three), second);
  const recent = await menuPanel(three, 'recent');
  const other = recent.locator('li button.item:not([disabled])', { hasText: 'Getting started with Segbook' });
  assert.equal(await other.count(), 1);
  assert.match(await recent.locator('li button.item[disabled]').innerText(), /^Getting started with Segbook\s+copy · .* · open now$/, 'the copy says so');
  assert.doesNotMatch(await other.innerText(), /copy/);
  await other.click();
  await three.page.waitForFunction((text) => (document.querySelector('seg-notebook') as HTMLElement & { controller: { text(): string } }).controller.text() === text, first);
});
