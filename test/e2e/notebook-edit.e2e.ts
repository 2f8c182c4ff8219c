import assert from 'node:assert/strict';
import {
  cell, cellCount, cellStatus, chartText, eventually, focused, openNotebook, outputText, replaceWord, settled, shotOf, wordIn,
} from './notebook-support.ts';
import { test } from './support/e2e.ts';

test('notebook: editing a segment\'s condition updates its chart and the cells that use it, and only those', async (t) => {
  await openNotebook(t);
  const compare = await chartText(t, 3);
  const byRegion = await chartText(t, 5);
  const population = await cell(t, 1).locator('seg-cell-status .badge').innerText();
  assert.match(population, /^Done in \d+ ms$/);
  assert.match(compare, /199 · 6\.6%/, 'big_spenders starts at 199 members');

  await replaceWord(t, 3, '1500', '3000');
  // The keystroke's own frame leaves the other cells as they were; those that use the edit dim in the frames after.
  const soon = await t.page.evaluate(async () => {
    for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    return document.querySelector('seg-notebook')!.shadowRoot!.querySelectorAll('seg-cell')[5]!.shadowRoot!.querySelector('seg-cell-status')?.getAttribute('status');
  });
  assert.equal(soon, 'stale', 'a cell using big_spenders is out of date within three frames of the keystroke');
  await eventually(() => cellStatus(t, 3), (s) => s === 'stale' || s === 'running' || s === 'queued', 'the edited cell goes out of date');
  t.note(`screenshot: ${await t.screenshot('notebook-edit-stale')}`);
  await settled(t);
  const after = await eventually(() => chartText(t, 3), (text) => text !== compare, 'the compare chart is redrawn');
  assert.doesNotMatch(after, /199 · 6\.6%/);
  assert.notEqual(await chartText(t, 5), byRegion, 'the chart of a cell using big_spenders is redrawn too');
  assert.equal(await cellStatus(t, 3), 'done');
  assert.equal(await cell(t, 1).locator('seg-cell-status .badge').innerText(), population, 'the population cell did not run again');
  assert.match(await t.page.locator('seg-notebook .toolbar [role=status]').innerText(), /^Ran 5 cells in/, 'the five cells that use big_spenders ran');
  await cell(t, 3).scrollIntoViewIfNeeded();
  t.note(`screenshot: ${await t.screenshot('notebook-edit-chart')}`);
});

test('notebook: typing a column prefix in a new cell offers the column in completion', async (t) => {
  await openNotebook(t);
  const before = await cellCount(t);
  await t.page.locator('seg-notebook .add-row button', { hasText: 'SegQL' }).click();
  await eventually(() => focused(t), (f) => f?.cell === before && f.where === 'editor', 'the new cell\'s editor has the focus');
  await t.page.keyboard.type('segment s = coun');
  const rows = cell(t, before).locator('.suggest-widget.visible .monaco-list-row');
  await rows.first().waitFor();
  const labels = await rows.allInnerTexts();
  assert.match(labels[0]!, /^country/, `the column comes first: ${JSON.stringify(labels)}`);
  t.note(`screenshot: ${await t.screenshot('notebook-completion')}`);
  // The list is drawn fixed on the screen: scrolling the page with the wheel closes it rather
  // than leaving it over another cell; the wheel over the list scrolls the list.
  const list = await cell(t, before).locator('.suggest-widget.visible').boundingBox();
  await t.page.mouse.move(list!.x + 10, list!.y + 10);
  await t.page.mouse.wheel(0, 40);
  assert.equal(await rows.count() > 0, true, 'the wheel over the list leaves it open');
  await t.page.mouse.move(list!.x + list!.width + 200, list!.y + 10);
  await t.page.mouse.wheel(0, -200);
  await cell(t, before).locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
  await t.page.keyboard.press('ControlOrMeta+Space');
  await rows.first().waitFor();
  await t.page.keyboard.press('Enter');
  await settled(t);
  assert.equal(await cellStatus(t, before), 'error', 'a segment compared with nothing is still a condition; country alone is not boolean');
});

test('notebook: a typo is marked in the editor and explained under the cell with "did you mean"', async (t) => {
  await openNotebook(t);
  const caption = () => cell(t, 5).locator('seg-result .caption').first().innerText();
  assert.equal(await caption(), 'big_spenders by region');
  await replaceWord(t, 5, 'region', 'regoin');
  await cell(t, 5).locator('seg-code-editor .squiggly-error').waitFor();
  const typo = await wordIn(t, 5, 'regoin');
  await t.page.mouse.move(typo!.x - 2, typo!.y);
  await t.page.mouse.move(typo!.x, typo!.y);
  await cell(t, 5).locator('.monaco-hover:not(.hidden)').getByText("unknown column 'regoin' — did you mean 'region'?").waitFor();
  await settled(t);
  assert.equal(await cellStatus(t, 5), 'error');
  assert.equal(await cell(t, 5).locator('.errors').innerText(), "Cell 5, line 1, column 25: unknown column 'regoin' — did you mean 'region'?");
  assert.equal(await caption(), 'big_spenders by region', 'the dimmed result keeps the words of the statement that made it');
  t.note(`screenshot: ${await t.screenshot('notebook-typo')}`);

  // A SQL cell's error from DuckDB is placed at the name it quotes.
  await t.page.mouse.move(5, 5);
  await replaceWord(t, 9, 'big_spenders', 'big_spender');
  await settled(t);
  assert.equal(await cellStatus(t, 9), 'error');
  assert.match(await cell(t, 9).locator('.errors').innerText(), /^Cell 9, line 2, column 6: .*big_spender/);
  await cell(t, 9).locator('seg-code-editor .squiggly-error').waitFor();
  assert.match(await outputText(t, 9), /big_spender/);
  t.note(`screenshot: ${await t.screenshot('notebook-sql-error')}`);
});

test('notebook: a partition part that can never have members is a warning: marked, explained under the cell, and the cell still runs', async (t) => {
  await openNotebook(t);
  const source = 'partition value_band {\n  any: spend > 0\n  big: spend >= 1500\n  none: otherwise\n}\ncompare value_band on avg(spend)';
  await t.page.evaluate((text) => {
    const page = document.querySelector('seg-notebook') as HTMLElement & { controller: { cells: { cell: { id: string } }[]; editSource(id: string, source: string): void } };
    page.controller.editSource(page.controller.cells[5]!.cell.id, text);
  }, source);
  await settled(t);
  assert.equal(await cellStatus(t, 5), 'done');
  assert.equal(
    await cell(t, 5).locator('.warnings').innerText(),
    "Cell 5, line 3, column 3: part 'big' never has members: everyone it matches is in 'any' already (each goes to the first part that matches): put the stricter part first",
  );
  await cell(t, 5).locator('seg-code-editor .squiggly-warning').waitFor();
  assert.equal(await cell(t, 5).locator('.errors').count(), 0);
  assert.match(await outputText(t, 5), /value_band\.big/);
  t.note(`screenshot: ${await t.screenshot('notebook-warning')}`);
});

test('notebook: a segment empty because its text is in the wrong case gets a warning at the text, under the cell and in the editor', async (t) => {
  await openNotebook(t);
  await t.page.evaluate((text) => {
    const page = document.querySelector('seg-notebook') as HTMLElement & { controller: { cells: { cell: { id: string } }[]; editSource(id: string, source: string): void } };
    page.controller.editSource(page.controller.cells[5]!.cell.id, text);
  }, "segment americans = country = 'us'");
  // The hint comes once the cell ran and its view came out empty: wait for it, not for a pause.
  await cell(t, 5).locator('.warnings').waitFor();
  await settled(t);
  await eventually(() => cellStatus(t, 5), (s) => s === 'done', 'the cell is done');
  assert.equal(await cell(t, 5).locator('.warnings').innerText(), "Cell 5, line 1, column 31: no one in customers has country 'us'; 867 have 'US' — text comparisons are exact, case included");
  await cell(t, 5).locator('seg-code-editor .squiggly-warning').waitFor();
  await cell(t, 5).scrollIntoViewIfNeeded();
  t.note(`screenshot: ${await shotOf(cell(t, 5), 'notebook-literal-hint')}`);
});
