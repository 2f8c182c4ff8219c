import assert from 'node:assert/strict';
import fs from 'node:fs';
import { clickToEnd, openNotebook, settled, shotOf } from './notebook-support.ts';
import { WITHOUT_FILE_PICKERS, downloadFrom, keptStateBecomes, menuMessage, menuPanel, menuShot, notebookText, savedInBrowser } from './persist-support.ts';
import { test } from './support/e2e.ts';

test('persist: Save downloads the notebook as *.seg.md, Ctrl+S saves again, Open… reads a notebook file (upload and download road)', async (t) => {
  await t.page.context().addInitScript(WITHOUT_FILE_PICKERS);
  await openNotebook(t);
  const menu = t.page.locator('seg-file-menu');
  t.note(`screenshot: ${await shotOf(menu, 'persist-menu-bar')}`);

  const first = await downloadFrom(t, menu.locator('button', { hasText: /^Save$/ }));
  assert.equal(first.name, 'getting-started-with-segbook.seg.md');
  assert.equal(first.bytes.toString('utf8'), await notebookText(t));
  assert.equal(first.bytes.toString('utf8'), fs.readFileSync('notebooks/getting-started.seg.md', 'utf8'), 'the sample is written as it came');
  assert.equal(await keptStateBecomes(t, 'Saved in this browser · saved to getting-started-with-segbook.seg.md'), 'Saved in this browser · saved to getting-started-with-segbook.seg.md');
  assert.match(await menuMessage(t), /^Saved to getting-started-with-segbook\.seg\.md\./);

  await clickToEnd(t, 5);
  await t.page.keyboard.type(' -- a change');
  await savedInBrowser(t);
  assert.equal(await keptStateBecomes(t, 'Saved in this browser · changes not in a file'), 'Saved in this browser · changes not in a file');
  const [download] = await Promise.all([t.page.waitForEvent('download'), t.page.keyboard.press('ControlOrMeta+S')]);
  const second = fs.readFileSync(await download.path(), 'utf8');
  assert.match(second, /compare big_spenders by region -- a change\n```/, 'Ctrl+S from inside the editor saves the edit');
  assert.equal(second, await notebookText(t));
  assert.equal(await keptStateBecomes(t, 'Saved in this browser · saved to getting-started-with-segbook.seg.md'), 'Saved in this browser · saved to getting-started-with-segbook.seg.md');

  // A data file is not a notebook: refused, the notebook left as it is.
  const before = await notebookText(t);
  const [picked] = await Promise.all([t.page.waitForEvent('filechooser'), menu.locator('button', { hasText: 'Open…' }).click()]);
  await picked.setFiles({ name: 'sales.csv', mimeType: 'text/csv', buffer: Buffer.from('region,amount\nEU,3\n') });
  await t.page.locator('seg-file-menu .message', { hasText: 'sales.csv is a data file' }).waitFor();
  assert.match(await menuMessage(t), /^sales\.csv is a data file, not a notebook: add it with Add data/);
  assert.equal(await notebookText(t), before);

  const rfm = fs.readFileSync('notebooks/rfm.seg.md', 'utf8');
  const [chooser] = await Promise.all([t.page.waitForEvent('filechooser'), menu.locator('button', { hasText: 'Open…' }).click()]);
  await chooser.setFiles('notebooks/rfm.seg.md');
  await t.page.waitForFunction(() => document.querySelector('seg-notebook')?.shadowRoot?.querySelector('h1')?.textContent !== 'Getting started with Segbook');
  assert.equal(await notebookText(t), rfm, 'the file opens as it is');
  assert.equal(await keptStateBecomes(t, 'Saved in this browser · saved to rfm.seg.md'), 'Saved in this browser · saved to rfm.seg.md');
  assert.match(await menuMessage(t), /^Opened rfm\.seg\.md\./);

  // The same file opened again, unchanged, is the notebook kept already: Recent lists it once.
  await menu.locator('.message button[aria-label=Dismiss]').click();
  const [again] = await Promise.all([t.page.waitForEvent('filechooser'), menu.locator('button', { hasText: 'Open…' }).click()]);
  await again.setFiles('notebooks/rfm.seg.md');
  await menu.locator('.message', { hasText: 'Opened rfm.seg.md' }).waitFor();
  const recent = await menuPanel(t, 'recent');
  assert.equal(await recent.locator('li button.item', { hasText: 'rfm.seg.md' }).count(), 1);
  await t.page.keyboard.press('Escape');
  await settled(t);
  t.note(`screenshot: ${await t.screenshot('persist-opened-file')}`);
});

test('persist: Recent lists the notebooks kept in this browser; New starts a blank one; each opens as it was left', async (t) => {
  await openNotebook(t);
  await clickToEnd(t, 5);
  await t.page.keyboard.type(' -- first notebook');
  await savedInBrowser(t);
  const first = await notebookText(t);

  const bar = t.page.locator('seg-file-menu .bar');
  await bar.locator('button', { hasText: /^New$/ }).click();
  await t.page.locator('seg-notebook header h1', { hasText: 'Untitled notebook' }).waitFor();
  await settled(t);
  assert.equal(await keptStateBecomes(t, 'Saved in this browser'), 'Saved in this browser', 'a blank notebook is not kept until it is edited');

  // By keyboard: the menu button opens its panel, whose items follow it in the tab order.
  await t.page.locator('seg-file-menu button[popovertarget=recent]').focus();
  await t.page.keyboard.press('Enter');
  const recent = t.page.locator('seg-file-menu #recent');
  const item = recent.locator('li button.item', { hasText: 'Getting started with Segbook' });
  await item.waitFor();
  t.note(`screenshot: ${await menuShot(t, 'persist-recent-panel')}`);
  await t.page.emulateMedia({ colorScheme: 'dark' });
  t.note(`screenshot: ${await menuShot(t, 'persist-recent-panel-dark')}`);
  await t.page.emulateMedia({ colorScheme: 'light' });
  await t.page.keyboard.press('Tab');
  assert.equal(await item.evaluate((button) => button.matches(':focus')), true, 'Tab moves into the panel, to the first notebook');
  await t.page.keyboard.press('Enter');
  await t.page.locator('seg-notebook header h1', { hasText: 'Getting started with Segbook' }).waitFor();
  assert.equal(await notebookText(t), first);
  await settled(t);

  // New twice, each edited: two notebooks with one title, told apart by when each was last changed.
  for (const words of ['first', 'second']) {
    await bar.locator('button', { hasText: /^New$/ }).click();
    await t.page.waitForFunction(() => !(document.querySelector('seg-notebook') as HTMLElement & { controller: { text(): string } }).controller.text().includes('-- '));
    // A second apart at least, as a person's edits are: the lines read to the second.
    await t.page.waitForTimeout(1000);
    await clickToEnd(t, 0);
    await t.page.keyboard.type(`-- ${words} untitled`);
    await t.page.keyboard.press('Escape');
    await savedInBrowser(t);
  }
  await (await menuPanel(t, 'recent')).locator('li button.item', { hasText: 'Untitled notebook' }).nth(1).waitFor();
  const lines = (await recent.locator('li button.item').allInnerTexts()).map((line) => line.replace(/ · open now$/, ''));
  assert.equal(new Set(lines).size, lines.length, `no two notebooks in Recent read alike: ${JSON.stringify(lines)}`);
  t.note(`screenshot: ${await menuShot(t, 'persist-recent-same-titles')}`);
});
