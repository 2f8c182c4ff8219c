import assert from 'node:assert/strict';
import fs from 'node:fs';
import { clickToEnd, openNotebook, settled } from './notebook-support.ts';
import { keptState, notebookText, reopen, savedInBrowser } from './persist-support.ts';
import type { E2EContext } from './support/e2e.ts';
import { test } from './support/e2e.ts';

/**
 * The File System Access road, with the pickers answered by the page itself: they hand out real
 * file handles from the origin-private file system, which Chromium writes like any other, so Save,
 * Ctrl+S and a handle kept across a reload run exactly as with a file the analyst chose.
 */
const PICKERS = `
  window.pickerCalls = 0;
  window.showSaveFilePicker = async () => {
    window.pickerCalls++;
    return (await navigator.storage.getDirectory()).getFileHandle(window.nextSaveName ?? 'picked.seg.md', { create: true });
  };
  window.showOpenFilePicker = async () => {
    window.pickerCalls++;
    return [await (await navigator.storage.getDirectory()).getFileHandle('to-open.seg.md')];
  };
`;

function fileText(t: E2EContext, name: string): Promise<string> {
  return t.page.evaluate(async (file) => (await (await (await navigator.storage.getDirectory()).getFileHandle(file)).getFile()).text(), name);
}

function pickerCalls(t: E2EContext): Promise<number> {
  return t.page.evaluate(() => (window as unknown as { pickerCalls: number }).pickerCalls);
}

test('persist: with the File System Access API, Save asks where once, then Ctrl+S writes the same file, also after a reload', async (t) => {
  await t.page.context().addInitScript(PICKERS);
  await openNotebook(t);
  const menu = t.page.locator('seg-file-menu');
  await menu.locator('button', { hasText: /^Save$/ }).click();
  await menu.locator('.state', { hasText: 'saved to picked.seg.md' }).waitFor();
  assert.equal(await fileText(t, 'picked.seg.md'), await notebookText(t));
  assert.equal(await pickerCalls(t), 1);

  await clickToEnd(t, 5);
  await t.page.keyboard.type(' -- written in place');
  await savedInBrowser(t);
  await t.page.keyboard.press('ControlOrMeta+S');
  await menu.locator('.state', { hasText: 'saved to picked.seg.md' }).waitFor();
  assert.match(await fileText(t, 'picked.seg.md'), /-- written in place\n```/);
  assert.equal(await pickerCalls(t), 1, 'no second question');
  await t.page.close();

  const again = await reopen(t);
  assert.equal(await keptState(again), 'Saved in this browser · saved to picked.seg.md');
  await clickToEnd(again, 5);
  await again.page.keyboard.type(' -- and after a reload');
  await savedInBrowser(again);
  await again.page.keyboard.press('ControlOrMeta+S');
  await again.page.locator('seg-file-menu .state', { hasText: 'saved to picked.seg.md' }).waitFor();
  assert.match(await fileText(again, 'picked.seg.md'), /-- written in place -- and after a reload\n```/);
  assert.equal(await pickerCalls(again), 0, 'the file kept from before is written without asking');

  const rfm = fs.readFileSync('notebooks/rfm.seg.md', 'utf8');
  await again.page.evaluate(async (text) => {
    const handle = await (await navigator.storage.getDirectory()).getFileHandle('to-open.seg.md', { create: true });
    const stream = await handle.createWritable();
    await stream.write(text);
    await stream.close();
  }, rfm);
  await again.page.locator('seg-file-menu button', { hasText: 'Open…' }).click();
  await again.page.locator('seg-file-menu .state', { hasText: 'saved to to-open.seg.md' }).waitFor();
  assert.equal(await notebookText(again), rfm);
  await settled(again);
});

test('persist: Save as… asks where even when the notebook has a file; Save then writes the new file, and the old one stays as it was', async (t) => {
  await t.page.context().addInitScript(PICKERS);
  await openNotebook(t);
  const menu = t.page.locator('seg-file-menu');
  await menu.locator('button', { hasText: /^Save$/ }).click();
  await menu.locator('.state', { hasText: 'saved to picked.seg.md' }).waitFor();
  const original = await fileText(t, 'picked.seg.md');

  await clickToEnd(t, 5);
  await t.page.keyboard.type(' -- a variant');
  await savedInBrowser(t);
  await t.page.evaluate(() => ((window as unknown as { nextSaveName: string }).nextSaveName = 'variant.seg.md'));
  await t.page.keyboard.press('ControlOrMeta+Shift+S');
  await menu.locator('.state', { hasText: 'saved to variant.seg.md' }).waitFor();
  assert.equal(await pickerCalls(t), 2, 'Save as… asked where');
  assert.equal(await fileText(t, 'variant.seg.md'), await notebookText(t));
  assert.equal(await fileText(t, 'picked.seg.md'), original, 'the first file is untouched');

  await clickToEnd(t, 5);
  await t.page.keyboard.type(' -- more');
  await savedInBrowser(t);
  await menu.locator('button', { hasText: /^Save$/ }).click();
  await menu.locator('.message', { hasText: 'Saved to variant.seg.md' }).waitFor();
  assert.match(await fileText(t, 'variant.seg.md'), /-- a variant -- more\n```/);
  assert.equal(await pickerCalls(t), 2, 'Save writes the new file without asking');

  await menu.locator('button', { hasText: 'Save as…' }).click();
  await t.page.waitForFunction(() => (window as unknown as { pickerCalls: number }).pickerCalls === 3); // the button asks too
  await menu.locator('.state', { hasText: 'saved to variant.seg.md' }).waitFor();
  t.note(`screenshot: ${await t.screenshot('persist-save-as')}`);
});
