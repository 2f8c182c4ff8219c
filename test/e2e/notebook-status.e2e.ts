// The toolbar's status line: what a run is doing while it goes, and what it did once done.
import assert from 'node:assert/strict';
import { cell, chartText, openNotebook, settled, shotOf } from './notebook-support.ts';
import { test } from './support/e2e.ts';

const STATUS = 'seg-notebook .toolbar [role=status]';

test('notebook: a new notebook, blank, says nothing of a run: none of its cells ran', async (t) => {
  await openNotebook(t);
  await t.page.locator('seg-file-menu .bar button', { hasText: /^New$/ }).click();
  await t.page.locator('seg-notebook header h1', { hasText: 'Untitled notebook' }).waitFor();
  await settled(t);
  assert.equal(await t.page.locator(STATUS).innerText(), '');
  t.note(`screenshot: ${await shotOf(t.page.locator('seg-notebook .toolbar[aria-label=Notebook]'), 'notebook-status-new')}`);
});

test('notebook: while a run goes, the status line says which of its cells it is at, frame by frame', async (t) => {
  await openNotebook(t);
  // Every status line drawn, as the frames show it.
  await t.page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statuses: string[] }).statuses = seen;
    const read = () => {
      const text = document.querySelector('seg-notebook')!.shadowRoot!.querySelector('.toolbar [role=status]')!.textContent!.trim();
      if (text !== seen.at(-1)) seen.push(text);
      requestAnimationFrame(read);
    };
    read();
  });
  // A new let in the population's cell: every cell of code is queued again. The population's own
  // cell has nothing to send to the engine (the sample's key is known unique, and lets are computed
  // where they are used), so it keeps its results and the other five run.
  await t.page.evaluate(() => {
    const controller = (document.querySelector('seg-notebook') as unknown as { controller: { cells: { cell: { id: string; source: string } }[]; editSource(id: string, source: string): void } }).controller;
    const population = controller.cells[1]!.cell;
    controller.editSource(population.id, `${population.source}\nlet orders_ever = count(orders)`);
  });
  await t.page.waitForFunction(() => /^Running cell \d of 6…$/.test(document.querySelector('seg-notebook')!.shadowRoot!.querySelector('.toolbar [role=status]')!.textContent!.trim()), undefined, { polling: 'raf' });
  t.note(`screenshot: ${await shotOf(t.page.locator('seg-notebook .toolbar[aria-label=Notebook]'), 'notebook-status-running')}`);
  await settled(t);
  const statuses = await t.page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
  const counts = statuses.flatMap((s) => /^Running cell (\d) of 6…$/.exec(s)?.[1] ?? []).map(Number);
  assert.ok(counts.length >= 2, `the count moved on as cells finished: ${JSON.stringify(statuses)}`);
  assert.deepEqual(counts, [...counts].sort((a, b) => a - b), 'the count only goes up');
  assert.match(statuses.at(-1)!, /^Ran 5 cells in \d/);
  assert.match(await chartText(t, 3), /everyone/);
  assert.equal(await cell(t, 1).locator('seg-cell-status').getAttribute('status'), 'done');
});
