import assert from 'node:assert/strict';
import { cell, cellCount, cellStatus, chartText, clickToEnd, eventually, focused, openNotebook, settled, shotOf } from './notebook-support.ts';
import { openApp } from './support/app.ts';
import { test } from './support/e2e.ts';

const at = (cellIndex: number, where: string) => (f: { cell: number; where: string } | undefined) => f?.cell === cellIndex && f.where === where;

test('notebook: Shift+Enter runs a cell and moves to the next, making a new cell after the last', async (t) => {
  await openNotebook(t);
  await clickToEnd(t, 3);
  await t.page.keyboard.press('Shift+Enter');
  // Cell 4 is text: the focus lands on its frame; from there Shift+Enter goes on to cell 5's editor.
  await eventually(() => focused(t), at(4, 'frame'), 'Shift+Enter in cell 3 moves to cell 4');
  await t.page.keyboard.press('Shift+Enter');
  await eventually(() => focused(t), at(5, 'editor'), 'Shift+Enter on cell 4 moves into cell 5\'s editor');
  t.note(`screenshot: ${await shotOf(cell(t, 5), 'notebook-shift-enter')}`);

  const cells = await cellCount(t);
  await clickToEnd(t, cells - 1);
  await t.page.keyboard.press('Shift+Enter');
  await eventually(() => focused(t), at(cells, 'editor'), 'after the last cell a new one is made and entered');
  assert.equal(await cellCount(t), cells + 1);

  // Ctrl+Enter runs in place: the focus stays in the editor.
  await t.page.keyboard.type('compare active by region');
  await t.page.keyboard.press('ControlOrMeta+Enter');
  await eventually(() => cellStatus(t, cells), (s) => s === 'done', 'the new cell ran');
  assert.deepEqual(await focused(t), { cell: cells, where: 'editor' });
  // The chart is drawn after the cell is done, once Plot is loaded: a frame or more later.
  await eventually(() => chartText(t, cells), (text) => /active/.test(text), 'the new cell shows its chart');
});

test('notebook: the keyboard help under the cells lists d d and i i with the other shortcuts', async (t) => {
  await openApp(t);
  const help = await t.page.locator('seg-notebook footer').innerText();
  assert.match(help, /Del or d d delete · z undo a delete · i i interrupt the run/);
});

test('notebook: keyboard only — Enter enters a cell, Escape leaves, arrows move between cells, focus is visible', async (t) => {
  await openNotebook(t);
  await clickToEnd(t, 5);
  await t.page.keyboard.press('Escape');
  await eventually(() => focused(t), at(5, 'frame'), 'Escape leaves the editor for the cell');
  const outline = await cell(t, 5).locator('.frame').evaluate((frame) => getComputedStyle(frame).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused cell has a visible outline');
  t.note(`screenshot: ${await shotOf(cell(t, 5), 'notebook-focus-frame')}`);

  await t.page.keyboard.press('ArrowDown');
  await eventually(() => focused(t), at(6, 'frame'), '↓ goes to the next cell');
  await t.page.keyboard.press('ArrowUp');
  await eventually(() => focused(t), at(5, 'frame'), '↑ comes back');
  await t.page.keyboard.press('Enter');
  await eventually(() => focused(t), at(5, 'editor'), 'Enter enters the editor');
  await t.page.keyboard.press('Escape');
  await eventually(() => focused(t), at(5, 'frame'), 'Escape leaves it again');

  // b inserts a cell below and enters it; Escape, then Delete removes it again (with an undo bar).
  const count = await cellCount(t);
  await t.page.keyboard.press('b');
  await eventually(() => focused(t), at(6, 'editor'), 'b inserts a cell below and enters it');
  assert.equal(await cellCount(t), count + 1);
  await t.page.keyboard.press('Escape');
  await eventually(() => focused(t), at(6, 'frame'), 'Escape leaves the new cell');
  await t.page.keyboard.press('Delete');
  await eventually(() => cellCount(t), (n) => n === count, 'Delete removes it');
  await t.page.locator('seg-notebook .undo').waitFor();
  await eventually(() => focused(t), at(6, 'frame'), 'the focus moves to the cell that took its place');
  // z puts it back, focused; Ctrl+Z does too.
  await t.page.keyboard.press('z');
  await eventually(() => cellCount(t), (n) => n === count + 1, 'z brings the deleted cell back');
  await eventually(() => focused(t), at(6, 'frame'), 'the cell that came back has the focus');
  await t.page.keyboard.press('Delete');
  await eventually(() => cellCount(t), (n) => n === count, 'Delete removes it again');
  await t.page.keyboard.press('ControlOrMeta+z');
  await eventually(() => cellCount(t), (n) => n === count + 1, 'Ctrl+Z brings it back too');
  await t.page.keyboard.press('Delete');
  await eventually(() => cellCount(t), (n) => n === count, 'and Delete removes it');
  // Jupyter's d d deletes too (a Mac has no Delete key), and i i interrupts a run.
  await t.page.keyboard.press('b');
  await eventually(() => focused(t), at(7, 'editor'), 'b inserts a cell below cell 6');
  await cell(t, 7).locator('select[aria-label="Cell kind"]').selectOption('sql');
  await clickToEnd(t, 7);
  await t.page.keyboard.type('select count(*) from range(100000000000) a');
  await t.page.keyboard.press('ControlOrMeta+Enter');
  await eventually(() => cellStatus(t, 7), (s) => s === 'running', 'the slow query runs');
  // The first Escape may only close the editor's suggestions.
  await t.page.keyboard.press('Escape');
  await t.page.waitForTimeout(300);
  if (!at(7, 'frame')(await focused(t))) await t.page.keyboard.press('Escape');
  await eventually(() => focused(t), at(7, 'frame'), 'Escape leaves the running cell');
  await t.page.keyboard.press('i');
  await t.page.keyboard.press('i');
  await eventually(() => cellStatus(t, 7), (s) => s === 'stale', 'i i interrupts it');
  await t.page.keyboard.press('d');
  await t.page.keyboard.press('d');
  await eventually(() => cellCount(t), (n) => n === count, 'd d removes it for the rest of the test');
  await eventually(() => focused(t), at(7, 'frame'), 'the focus moves to the cell that took its place');
  await t.page.keyboard.press('ArrowUp');
  await t.page.keyboard.press('ArrowUp');

  // Tab goes from the cell's frame to its controls.
  await t.page.keyboard.press('Tab');
  await eventually(() => focused(t), at(5, 'select'), 'Tab reaches the cell kind');
  const place = await t.page.evaluate(() => {
    const toolbar = document.querySelector('seg-notebook')!.shadowRoot!.querySelector('.toolbar')!.getBoundingClientRect();
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return { toolbarBottom: toolbar.bottom, focusedTop: active!.getBoundingClientRect().top };
  });
  assert.ok(place.focusedTop >= place.toolbarBottom, `the focused control is below the sticky toolbar, not under it (${JSON.stringify(place)})`);
  t.note(`screenshot: ${await shotOf(cell(t, 5), 'notebook-focus-controls')}`);

  // A text cell: Enter edits the Markdown, Escape shows it rendered with the new words.
  await t.page.keyboard.press('Shift+Tab');
  await t.page.keyboard.press('ArrowUp');
  await eventually(() => focused(t), at(4, 'frame'), 'on the text cell above');
  await t.page.keyboard.press('Enter');
  await eventually(() => focused(t), at(4, 'markdown'), 'Enter edits the text');
  await t.page.keyboard.type('\n\nEach bar is one *region*.');
  t.note(`screenshot: ${await shotOf(cell(t, 4), 'notebook-markdown-editing')}`);
  await t.page.keyboard.press('Escape');
  await eventually(() => focused(t), at(4, 'frame'), 'Escape renders it and leaves');
  assert.equal(await cell(t, 4).locator('seg-markdown-cell em').innerText(), 'region');
  // Left in its text area (the analyst clicked elsewhere), it renders when run from the cell, as in Jupyter.
  await t.page.keyboard.press('Enter');
  await eventually(() => focused(t), at(4, 'markdown'), 'Enter edits the text again');
  await clickToEnd(t, 5);
  await t.page.keyboard.press('Escape');
  await t.page.keyboard.press('ArrowUp');
  await eventually(() => focused(t), at(4, 'frame'), 'back on the text cell, still in its text area');
  assert.equal(await cell(t, 4).locator('seg-markdown-cell textarea').count(), 1);
  await t.page.keyboard.press('ControlOrMeta+Enter');
  await cell(t, 4).locator('seg-markdown-cell em').waitFor();
  await settled(t);
});

test('notebook: Tab walks past a code cell\'s text to its results and on to the next cell, typing nothing', async (t) => {
  await openNotebook(t);
  await settled(t);
  const source = (index: number) =>
    t.page.evaluate((i) => (document.querySelector('seg-notebook') as HTMLElement & { controller: { getNotebook(): { cells: { source: string }[] } } }).controller.getNotebook().cells[i]!.source, index);
  const before = await source(5);
  await clickToEnd(t, 5);
  await t.page.keyboard.press('Escape');
  await eventually(() => focused(t), at(5, 'frame'), 'on cell 5');
  const stops: string[] = [];
  for (let i = 0; i < 40; i++) {
    await t.page.keyboard.press('Tab');
    const f = await focused(t);
    stops.push(f ? `${f.cell}:${f.where}` : 'outside');
    if (f?.cell === 6) break;
  }
  assert.ok(!stops.some((s) => s.endsWith(':editor')), `Tab never enters an editor: ${stops.join(' ')}`);
  assert.ok(stops.includes('5:seg-cell-output'), `Tab reaches cell 5's results: ${stops.join(' ')}`);
  assert.equal(stops.at(-1), '6:frame', `Tab goes on to the next cell: ${stops.join(' ')}`);
  assert.equal(await source(5), before, 'the cell\'s text is unchanged');
  await t.page.keyboard.press('Shift+Tab');
  await eventually(() => focused(t), (f) => f?.cell === 5 && f.where !== 'editor', 'Shift+Tab goes back into cell 5\'s results');
});

/** The innermost focused element's tag and text, through shadow roots ('body' when focus fell out). */
function deepFocus(t: Parameters<typeof openNotebook>[0]): Promise<string> {
  return t.page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? `${active.tagName.toLowerCase()}: ${(active.textContent ?? '').replace(/\s+/g, ' ').trim()}` : 'none';
  });
}

test('notebook: the focus never falls to the page — menus give it back to their button, Interrupt to Run all, a new notebook to its cell', async (t) => {
  await openNotebook(t);
  const menu = t.page.locator('seg-file-menu');
  const exportButton = menu.locator('.bar button[popovertarget=export]');
  const panel = menu.locator('#export');
  await exportButton.focus();
  await t.page.keyboard.press('Enter');
  await panel.locator('button.item').first().waitFor();
  await t.page.keyboard.press('Tab');
  assert.match(await deepFocus(t), /^button: HTML report/);
  await t.page.keyboard.press('Escape');
  await eventually(() => deepFocus(t), (f) => /^button: Export/.test(f), 'Escape in the panel gives the focus back to Export');

  // Tab past the panel's last item closes it.
  await t.page.keyboard.press('Enter');
  await panel.locator('button.item').first().waitFor();
  for (let i = 0; i < 12 && (await panel.evaluate((p) => p.matches(':popover-open'))); i++) await t.page.keyboard.press('Tab');
  assert.equal(await panel.evaluate((p) => p.matches(':popover-open')), false, 'the panel closed once the focus left it');

  // Interrupt turns disabled under the focus: it moves to Run all.
  const count = await cellCount(t);
  await t.page.locator('seg-notebook .add-row button', { hasText: 'SQL' }).click();
  await eventually(() => focused(t), at(count, 'editor'), 'the new SQL cell has the focus');
  await t.page.keyboard.type('select count(*) from range(100000000000) a');
  await t.page.keyboard.press('ControlOrMeta+Enter');
  await eventually(() => cellStatus(t, count), (s) => s === 'running', 'the slow query runs');
  await t.page.locator('seg-notebook .toolbar button', { hasText: 'Interrupt' }).focus();
  await t.page.keyboard.press('Enter');
  await eventually(() => cellStatus(t, count), (s) => s === 'stale', 'Interrupt stops it');
  assert.match(await deepFocus(t), /^button: Run all/);

  // New: the focus is in the blank notebook's first cell, ready to type.
  await menu.locator('.bar button', { hasText: /^New$/ }).click();
  await t.page.locator('seg-notebook header h1', { hasText: 'Untitled notebook' }).waitFor();
  await eventually(() => focused(t), at(0, 'editor'), "the new notebook's cell has the focus");
});
