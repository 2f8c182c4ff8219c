import assert from 'node:assert/strict';
import { clickToEnd, openNotebook, settled } from './notebook-support.ts';
import { keptState, keptStateBecomes, menuShot, notebookText, reopen, savedInBrowser } from './persist-support.ts';
import { test } from './support/e2e.ts';

test('persist: an edit is kept in the browser; closing the page (which asks first: the change is in no file) and opening the app again restores the notebook', async (t) => {
  await openNotebook(t);
  assert.equal(await keptStateBecomes(t, 'Saved in this browser'), 'Saved in this browser', 'the sample, unedited, needs no file');
  await clickToEnd(t, 5);
  await t.page.keyboard.press('Enter');
  await t.page.keyboard.type('-- kept across reloads');
  await t.page.keyboard.press('Escape');
  await savedInBrowser(t);
  assert.equal(await keptStateBecomes(t, 'Saved in this browser · changes not in a file'), 'Saved in this browser · changes not in a file');
  const before = await notebookText(t);
  assert.match(before, /-- kept across reloads\n```/);
  const asked = t.page.waitForEvent('dialog');
  await t.page.close({ runBeforeUnload: true });
  const dialog = await asked;
  assert.equal(dialog.type(), 'beforeunload', 'closing with changes not in a file asks first');
  await dialog.accept();
  await t.page.waitForEvent('close');

  const again = await reopen(t);
  assert.equal(await notebookText(again), before, 'the notebook comes back exactly as it was left');
  assert.equal(await again.page.locator('seg-notebook header h1').innerText(), 'Getting started with Segbook');
  assert.equal(await keptState(again), 'Saved in this browser · changes not in a file');

  await again.page.locator('seg-file-menu button[popovertarget=recent]').click();
  const recent = again.page.locator('seg-file-menu #recent');
  await recent.locator('li').first().waitFor();
  assert.match(await recent.locator('li').first().innerText(), /Getting started with Segbook\s+.*open now/);
  t.note(`screenshot: ${await menuShot(again, 'persist-recent')}`);
});

test('persist: a killed tab loses nothing typed more than a second before (crash safety)', async (t) => {
  await openNotebook(t);
  await clickToEnd(t, 5);
  await t.page.keyboard.press('Enter');
  await t.page.keyboard.type('-- ');
  // Steady typing for 2.5 s, each character's time noted; then the renderer dies mid-word.
  const typed: { char: string; at: number }[] = [];
  const text = 'steady typing that never pauses long enough for a debounce 0123456789';
  for (const char of text) {
    await t.page.keyboard.type(char);
    typed.push({ char, at: Date.now() });
    await t.page.waitForTimeout(25);
  }
  const cdp = await t.page.context().newCDPSession(t.page);
  const killedAt = Date.now();
  // The renderer dies at once: no pagehide, no unload, no last write. (A crashed page is left as it is.)
  // Chromium answers Page.crash only sometimes (the page that would answer is gone).
  await Promise.race([cdp.send('Page.crash').catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 500))]);

  const again = await reopen(t);
  const restored = await notebookText(again);
  const mustHave = typed.filter((c) => c.at <= killedAt - 1000).map((c) => c.char).join('');
  assert.ok(mustHave.length > 20, `the test typed for long enough (${mustHave.length} characters before the last second)`);
  const line = /-- (.*)\n```/.exec(restored)?.[1] ?? '';
  assert.ok(line.startsWith(mustHave), `everything typed up to a second before the crash is back: "${mustHave}" vs "${line}"`);
  t.note(`typed ${text.length} characters over ${typed.at(-1)!.at - typed[0]!.at} ms; restored ${line.length}, of which ${mustHave.length} were required`);
  await settled(again);
}, { expectedProblems: [/Target crashed|crash/i] });
