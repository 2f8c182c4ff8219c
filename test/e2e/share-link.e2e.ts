import assert from 'node:assert/strict';
import { addFiles, panel, settledRow } from './data-support.ts';
import { clickToEnd, openNotebook, settled, shotOf } from './notebook-support.ts';
import { inFreshBrowser, keptState, menuMessage, menuPanel, menuShot, notebookText, savedInBrowser } from './persist-support.ts';
import { waitForSettled } from './support/app.ts';
import { test } from './support/e2e.ts';

test('share: a link opens the notebook in a fresh browser, which asks for the data the link does not carry', async (t) => {
  await openNotebook(t);
  await addFiles(t, [{ name: 'regions.csv', content: 'region,target\nEurope,10\nAPAC,20\n' }]);
  assert.match(await settledRow(t, 'regions'), /^2 rows/);
  await clickToEnd(t, 5);
  await t.page.keyboard.type(' -- shared with a colleague');
  await savedInBrowser(t);
  const text = await notebookText(t);
  assert.match(text, /regions: regions\.csv/, 'the front matter names the added file');

  const share = await menuPanel(t, 'share');
  await share.locator('button', { hasText: 'Copy link' }).click();
  const box = share.locator('input.link');
  await box.waitFor();
  const link = await box.inputValue();
  assert.match(link, new RegExp(`^${t.origin}/#nb=[A-Za-z0-9_-]+$`));
  assert.match(await menuMessage(t), /opens this notebook\. Whoever opens it is asked for the data files/);
  t.note(`link: ${link.length} characters for a notebook of ${text.length}`);
  t.note(`screenshot: ${await menuShot(t, 'share-link-panel')}`);

  const other = await inFreshBrowser(t, link);
  try {
    const colleague = other.t;
    assert.equal(await notebookText(colleague), text, 'the notebook arrives as it was sent');
    assert.equal(new URL(colleague.page.url()).hash, '', 'the notebook left the address once kept');
    assert.match(await menuMessage(colleague), /Opened the notebook from the link/);
    assert.equal(await keptState(colleague), 'Saved in this browser');
    const missing = panel(colleague).locator('.missing');
    await missing.waitFor();
    assert.match(await missing.innerText(), /regions\.csv/, 'the data the link does not carry is asked for by name');
    assert.doesNotMatch(await missing.innerText(), /customers|orders/, 'the site serves the samples');
    t.note(`screenshot: ${await colleague.screenshot('share-link-opened')}`);

    await colleague.page.reload();
    assert.equal(await waitForSettled(colleague), 'ready');
    assert.equal(await notebookText(colleague), text, 'a reload reopens the kept copy');
  } finally {
    await other.close();
  }
}, { expectedProblems: [/regions\.csv/, /404/] });

test('share: a damaged link says so and the app opens as usual', async (t) => {
  await t.page.goto(`${t.origin}/#nb=AAAA-not-a-notebook`);
  assert.equal(await waitForSettled(t), 'ready');
  const alert = t.page.locator('seg-file-menu .message[role=alert]');
  assert.match(await alert.innerText(), /^This link does not hold a notebook Segbook can open: part of it is missing or was changed\./);
  assert.equal(await t.page.locator('seg-notebook header h1').innerText(), 'Getting started with Segbook');
  t.note(`screenshot: ${await shotOf(t.page.locator('seg-notebook header').first(), 'share-link-damaged')}`);
  await settled(t);
});
