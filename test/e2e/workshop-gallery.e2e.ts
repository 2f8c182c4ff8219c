import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseNotebook } from '../../src/notebook/format.ts';
import { cell, chartText, outputText } from './notebook-support.ts';
import { openApp } from './support/app.ts';
import { test } from './support/e2e.ts';
import { openFromGallery, waitForNotebookRun } from './workshop-support.ts';

test('workshop: the start screen offers the tutorials; one opens from the gallery and runs clean', async (t) => {
  await openApp(t);
  const gallery = t.page.locator('seg-gallery');
  assert.ok(await gallery.locator('#gallery-body').isVisible(), 'the gallery is open on the start screen');
  assert.deepEqual(await gallery.locator('.cards[aria-label=Tutorials] .card strong').allInnerTexts(), [
    'Demographic segmentation',
    'Geographic segmentation',
    'Psychographic segmentation',
    'Behavioural segmentation (RFM)',
    'Firmographic segmentation (B2B)',
    'Lifecycle stages',
  ]);
  assert.equal(await gallery.locator('.cards[aria-label=Exercises] .card').count(), 3);
  assert.ok(await gallery.getByRole('button', { name: 'Open with sample data' }).isVisible());
  assert.ok(await gallery.getByRole('button', { name: 'Open a bundle…' }).isVisible());
  await gallery.screenshot({ path: 'test-results/workshop-gallery-panel.png' });
  t.note(`screenshot: ${await t.screenshot('workshop-gallery')}, test-results/workshop-gallery-panel.png`);

  await openFromGallery(t, 'Psychographic segmentation');
  assert.equal(await gallery.locator('#gallery-body').isVisible(), false, 'the gallery folds away for the notebook');
  assert.equal(await t.page.title(), 'Psychographic segmentation · Segbook');
  // The method end to end: a comparison, personas, the A/B split and the trend, all drawn.
  const index = cellWith(readFileSync('notebooks/tutorials/psychographic.seg.md', 'utf8'));
  const profile = await chartText(t, index('profile conscious'));
  assert.match(profile, /core_value/);
  assert.match(profile, /= Q[1-4] \(\d[\d,.]*(–\d[\d,.]*)?\)/, 'a quartile says which values it holds');
  await cell(t, index('profile conscious')).screenshot({ path: 'test-results/workshop-profile-ranges.png' });
  assert.match(await outputText(t, index('split made_to_last')), /control[\s\S]*newsletter[\s\S]*made_to_last/);
  assert.match(await chartText(t, index('trend active_conscious')), /active_deal_seekers/);
  await cell(t, index('trend active_conscious')).scrollIntoViewIfNeeded();
  t.note(`screenshot: ${await t.screenshot('workshop-tutorial-open')}, test-results/workshop-profile-ranges.png`);

  await gallery.getByRole('button', { name: 'Show tutorials' }).click();
  await gallery.getByRole('button', { name: 'Open with sample data' }).click();
  await waitForNotebookRun(t, 'Getting started with Segbook');
});

/** The number of the notebook's cell whose source holds `text`. */
function cellWith(notebookText: string): (text: string) => number {
  const cells = parseNotebook(notebookText).cells;
  return (text) => {
    const index = cells.findIndex((c) => c.source.includes(text));
    assert.ok(index >= 0, `a cell with ${text}`);
    return index;
  };
}
