import assert from 'node:assert/strict';
import fs from 'node:fs';
import { addFiles, queryInCell, settledRow } from './data-support.ts';
import { cellCount, outputText, openNotebook, settled } from './notebook-support.ts';
import { downloadFrom, inFreshBrowser, menuMessage, menuPanel, notebookText } from './persist-support.ts';
import type { E2EContext } from './support/e2e.ts';
import { test } from './support/e2e.ts';

async function outputs(t: E2EContext): Promise<string[]> {
  const texts: string[] = [];
  const cells = await cellCount(t);
  for (let i = 0; i < cells; i++) {
    const output = t.page.locator('seg-notebook seg-cell').nth(i).locator('seg-cell-output');
    texts.push((await output.count()) ? (await outputText(t, i)).replace(/Done in \d+ ms|\d+ ms/g, '') : '');
  }
  return texts;
}

test('share: a bundle carries the notebook and its data; opened in a fresh browser it gives the same text and the same results (a file that is not a bundle is refused)', async (t) => {
  await openNotebook(t);
  await addFiles(t, [{ name: 'targets.csv', content: 'region,target\nEurope,70\nAPAC,15\nLATAM,20\nNorth America,80\n' }]);
  assert.match(await settledRow(t, 'targets'), /^4 rows/);
  assert.match(await queryInCell(t, 'select region, target from targets order by target desc'), /North America/);
  await settled(t);
  const text = await notebookText(t);
  const results = await outputs(t);

  const share = await menuPanel(t, 'share');
  const bundle = await downloadFrom(t, share.locator('button', { hasText: 'Download bundle' }));
  assert.equal(bundle.name, 'getting-started-with-segbook.segbundle');
  assert.match(await menuMessage(t), /^Saved getting-started-with-segbook\.segbundle: the notebook and 3 data files/);
  const saved = 'test-results/share.segbundle';
  fs.writeFileSync(saved, bundle.bytes);
  t.note(`bundle: ${bundle.bytes.length} bytes (${saved})`);

  const other = await inFreshBrowser(t, `${t.origin}/`);
  try {
    const attendee = other.t;
    assert.equal(await attendee.page.locator('seg-notebook header h1').innerText(), 'Getting started with Segbook');
    const before = await notebookText(attendee);
    const openBundle = async (file: string | { name: string; mimeType: string; buffer: Buffer }) => {
      const panel = await menuPanel(attendee, 'share');
      const [chooser] = await Promise.all([attendee.page.waitForEvent('filechooser'), panel.locator('button', { hasText: 'Open a bundle…' }).click()]);
      await chooser.setFiles(file);
    };

    // A file that is not a bundle first: refused in words, the notebook untouched.
    await openBundle({ name: 'broken.segbundle', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 this is not really a zip') });
    const alert = attendee.page.locator('seg-file-menu .message[role=alert]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /^This file is not a Segbook bundle Segbook can open: /);
    assert.equal(await notebookText(attendee), before);

    await openBundle(saved);
    await attendee.page.locator('seg-file-menu .message', { hasText: 'Opened getting-started-with-segbook.seg.md' }).waitFor();
    assert.match(await menuMessage(attendee), /from share\.segbundle with 3 data files/);
    assert.equal(await notebookText(attendee), text, 'the same notebook text');
    assert.match(await settledRow(attendee, 'targets'), /^4 rows/, 'the added file came with the bundle');
    await settled(attendee);
    assert.deepEqual(await outputs(attendee), results, 'the same results, cell by cell');
    t.note(`screenshot: ${await attendee.screenshot('share-bundle-opened')}`);
  } finally {
    await other.close();
  }
});

test("share: a bundle's data file never replaces a different file of the same name kept in this browser", async (t) => {
  await openNotebook(t);
  await addFiles(t, [{ name: 'targets.csv', content: 'region,target\nEurope,70\nAPAC,15\n' }]);
  assert.match(await settledRow(t, 'targets'), /^2 rows/);
  const share = await menuPanel(t, 'share');
  const bundle = await downloadFrom(t, share.locator('button', { hasText: 'Download bundle' }));

  const other = await inFreshBrowser(t, `${t.origin}/`);
  try {
    const colleague = other.t;
    await addFiles(colleague, [{ name: 'targets.csv', content: 'region,target\nEurope,1\nAPAC,2\nLATAM,3\n' }]);
    assert.match(await settledRow(colleague, 'targets'), /^3 rows/);
    await settled(colleague);
    const panel = await menuPanel(colleague, 'share');
    const [chooser] = await Promise.all([colleague.page.waitForEvent('filechooser'), panel.locator('button', { hasText: 'Open a bundle…' }).click()]);
    await chooser.setFiles({ name: 'from-a-colleague.segbundle', mimeType: 'application/zip', buffer: bundle.bytes });
    await colleague.page.locator('seg-file-menu .message', { hasText: 'Opened getting-started-with-segbook.seg.md' }).waitFor();
    assert.match(await notebookText(colleague), /\n {2}targets: targets-2\.csv\n/, "the bundle's file is kept under a new name, which its notebook names");
    await settled(colleague);
    assert.match(await settledRow(colleague, 'targets'), /^2 rows/, "the bundle's notebook reads the bundle's file");
    assert.match(await queryInCell(colleague, 'select sum(target) as total from targets'), /\btotal\b\s+85\b/);
  } finally {
    await other.close();
  }
});
