import assert from 'node:assert/strict';
import { panel, queryInCell, reopenApp, settledRow, tableRow } from './data-support.ts';
import { openNotebook, shotOf } from './notebook-support.ts';
import { test } from './support/e2e.ts';

test(
  'data: a notebook whose data is neither on the site nor in this browser asks for exactly those files, by name',
  async (t) => {
    await openNotebook(t);
    // As when a notebook written elsewhere is opened: its front matter names files this browser never saw.
    await t.page.evaluate(() => {
      const controller = (document.querySelector('seg-notebook') as HTMLElement & { controller: { getNotebook(): { frontMatter?: string }; setFrontMatter(y: string): void } }).controller;
      const yaml = controller.getNotebook().frontMatter ?? '';
      controller.setFrontMatter(`${yaml}  regions: lookup/regions.csv\n  targets:\n    path: targets.tsv\n    header: true\n`);
    });
    const missing = panel(t).locator('.missing');
    await missing.waitFor({ timeout: 30_000 });
    await t.page.waitForFunction(() => document.querySelector('seg-data-panel')?.shadowRoot?.querySelectorAll('.missing li').length === 2);
    const asked = await missing.innerText();
    assert.match(asked, /needs 2 files this browser does not have/);
    assert.match(asked, /regions\.csv for table regions/);
    assert.match(asked, /targets\.tsv for table targets/);
    assert.doesNotMatch(asked, /customers|orders/, 'data the site serves is not asked for');
    t.note(`screenshot: ${await shotOf(panel(t), 'data-missing')}`);

    await missing.locator('input[data-path="lookup/regions.csv"]').setInputFiles({ name: 'regions.csv', mimeType: 'text/csv', buffer: Buffer.from('region,target\nEurope,10\nAPAC,20\n') });
    assert.match(await settledRow(t, 'regions'), /^2 rows · 2 columns$/);
    await t.page.waitForFunction(() => document.querySelector('seg-data-panel')?.shadowRoot?.querySelectorAll('.missing li').length === 1);
    assert.match(await missing.innerText(), /needs a file this browser does not have:\s+targets\.tsv/);
    assert.match(await queryInCell(t, 'select sum(target) as total from regions'), /\b30\b/);
    assert.match(await tableRow(t, 'targets').innerText(), /file missing/);

    const again = await reopenApp(t);
    assert.match(await settledRow(again, 'regions'), /^2 rows · 2 columns$/, 'the file given is kept in the browser');
  },
  // The app asks the site for the files first: those requests fail, on purpose.
  { expectedProblems: [/regions\.csv/, /targets\.tsv/, /404/] },
);
