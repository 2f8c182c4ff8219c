import assert from 'node:assert/strict';
import { cell, cellCount, cellStatus, chartText, eventually, focused, openNotebook, outputText, settled, shotOf } from './notebook-support.ts';
import { openApp } from './support/app.ts';
import { test, type E2EContext } from './support/e2e.ts';

const source = (t: Parameters<typeof cell>[0], index: number) =>
  t.page.evaluate((i) => {
    const page = document.querySelector('seg-notebook') as HTMLElement & { controller: { getNotebook(): { cells: { kind: string; source: string; name?: string }[] } } };
    return page.controller.getNotebook().cells[i];
  }, index);

test('notebook: insert, move, change kind, delete and undo — nothing is lost', async (t) => {
  await openNotebook(t);
  const count = await cellCount(t);
  await cell(t, 5).locator('button[aria-label^="Insert a cell below"]').click();
  await eventually(() => focused(t), (f) => f?.cell === 6 && f.where === 'editor', 'the inserted cell is entered');
  await t.page.keyboard.type('compare active by region');
  await settled(t);
  assert.equal(await cellStatus(t, 6), 'done');
  assert.match(await chartText(t, 6), /active/);

  await cell(t, 6).locator('button[aria-label^="Move cell up"]').click();
  assert.deepEqual(await source(t, 5), { kind: 'seg', source: 'compare active by region' });
  await settled(t);
  assert.equal(await cellStatus(t, 5), 'done', 'a moved cell keeps its results');
  assert.match(await chartText(t, 5), /active/);

  // The toolbar counts the cells in error as their badges do, in the notebook as it is now.
  const toolbar = t.page.locator('seg-notebook p.status');
  await cell(t, 5).locator('select').selectOption('sql');
  await settled(t);
  assert.equal(await cellStatus(t, 5), 'error', 'compare is no SQL');
  assert.match(await toolbar.innerText(), /1 cell with errors/);
  await cell(t, 5).locator('select').selectOption('markdown');
  assert.deepEqual(await source(t, 5), { kind: 'markdown', source: 'compare active by region' });
  await settled(t);
  assert.doesNotMatch(await toolbar.innerText(), /with errors/, 'text is in error no more');

  // A cell of definitions only shows what it defined, with member counts.
  await cell(t, 5).locator('select').selectOption('seg');
  await cell(t, 5).locator('seg-code-editor .view-lines').click();
  await t.page.keyboard.press('ControlOrMeta+A');
  await t.page.keyboard.type('segment whales = spend > 5000\nsegment minnows = spend < 50');
  await t.page.keyboard.press('Escape');
  await settled(t);
  assert.match(await outputText(t, 5), /Defines whales \d[\d,]* members minnows \d[\d,]* members/);
  t.note(`screenshot: ${await shotOf(cell(t, 5), 'notebook-definition-summary')}`);

  await cell(t, 5).locator('button[aria-label^="Delete cell"]').click();
  assert.equal(await cellCount(t), count);
  const undo = t.page.locator('seg-notebook .undo');
  assert.match(await undo.innerText(), /Deleted a SegQL cell/);
  t.note(`screenshot: ${await shotOf(t.page.locator('seg-notebook .undo'), 'notebook-undo-bar')}`);
  await undo.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await cellCount(t), count + 1);
  assert.deepEqual(await source(t, 5), { kind: 'seg', source: 'segment whales = spend > 5000\nsegment minnows = spend < 50' });
  await settled(t);
  assert.equal(await cellStatus(t, 5), 'done');
});

test('notebook: a SQL cell with a view name makes a view other cells can read; a create table says what it made; compiled SQL is shown formatted', async (t) => {
  await openNotebook(t);
  const input = cell(t, 9).locator('.view-name input');
  await input.fill('by_country');
  await input.press('Enter');
  assert.deepEqual(await focused(t), { cell: 9, where: 'frame' }, 'Enter keeps the keyboard on the cell');
  await settled(t);
  assert.equal(await cellStatus(t, 9), 'done');
  assert.deepEqual(await source(t, 9), { kind: 'sql', name: 'by_country', source: await source(t, 9).then((c) => c!.source) });
  assert.doesNotMatch(await outputText(t, 9), /avg_spend/, 'a view shows no rows');

  const last = await runNewSqlCell(t, 'select * from by_country where members > 20');
  await eventually(() => cellStatus(t, last), (s) => s === 'done', 'the query over the view ran');
  assert.match(await outputText(t, last), /GB/);

  const made = await runNewSqlCell(t, 'create table top3 as select * from by_country limit 3');
  await eventually(() => cellStatus(t, made), (s) => s === 'done', 'the table was made');
  const said = await outputText(t, made);
  assert.match(said, /Created table top3 with 3 rows/);
  assert.doesNotMatch(said, /Count/, "DuckDB's one-row Count table is said in words instead");
  t.note(`screenshot: ${await shotOf(cell(t, made), 'notebook-created-table')}`);

  const panel = cell(t, 3).locator('seg-compiled-sql');
  await panel.locator('summary').click();
  const code = panel.locator('pre code');
  // The population's values table comes first: the views and the compare after it read their lets from it.
  const laidOut = (text: string) =>
    /^CREATE OR REPLACE TEMP TABLE "customers values" AS\nWITH\n {2}"population customers" AS \(/.test(text) &&
    /\nCREATE OR REPLACE VIEW "active" AS\nWITH\n {2}"population customers" AS \(\s+SELECT\s+\*\s+FROM\s+"customers values"/.test(text);
  await eventually(() => code.innerText(), laidOut, 'the SQL is laid out by sql-formatter');
  await panel.scrollIntoViewIfNeeded();
  t.note(`screenshot: ${await shotOf(cell(t, 3), 'notebook-compiled-sql')}`);
});

/** A SQL cell added at the end through the toolbar, `text` typed into it and run: its number. */
async function runNewSqlCell(t: E2EContext, text: string): Promise<number> {
  await t.page.locator('seg-notebook .add-row button', { hasText: 'SQL' }).click();
  const last = (await cellCount(t)) - 1;
  await eventually(() => focused(t), (f) => f?.cell === last && f.where === 'editor', 'the new SQL cell is entered');
  await t.page.keyboard.type(text);
  await t.page.keyboard.press('Escape');
  await t.page.keyboard.press('ControlOrMeta+Enter');
  return last;
}

/** A SQL cell added at the end, running a query that never ends: its number. */
function runEndlessQuery(t: E2EContext): Promise<number> {
  return runNewSqlCell(t, 'select count(*) from range(100000000000) a');
}

test('notebook: a running cell shows its time ticking; Interrupt cancels it and leaves it out of date', async (t) => {
  await openNotebook(t);
  const last = await runEndlessQuery(t);
  const badge = cell(t, last).locator('seg-cell-status .badge');
  const first = await eventually(() => badge.innerText(), (text) => /^Running \d+ ms$/.test(text) || /^Running \d\.\d s$/.test(text), 'the cell is running');
  const later = await eventually(() => badge.innerText(), (text) => text !== first && /^Running/.test(text), 'the elapsed time ticks');
  t.note(`badge: "${first}" then "${later}"`);
  t.note(`screenshot: ${await shotOf(cell(t, last), 'notebook-running')}`);
  await t.page.locator('seg-notebook .toolbar button', { hasText: 'Interrupt' }).click();
  await eventually(() => cellStatus(t, last), (s) => s === 'stale', 'the interrupted cell is out of date', 10_000);
  await eventually(() => t.page.locator('seg-notebook .toolbar [role=status]').innerText(), (text) => /Interrupted/.test(text), 'the toolbar says so');
  assert.match(await chartText(t, 3), /big_spenders/, 'cells that had finished keep their results');

  // The engine is usable again (restarted if the query would not stop): a cell that reads a segment's view runs.
  await t.page.waitForTimeout(1500);
  t.note(`toolbar: "${await t.page.locator('seg-notebook .toolbar [role=status]').innerText()}"`);
  t.note(`screenshot: ${await t.screenshot('notebook-interrupted')}`);
  await cell(t, 9).locator('seg-code-editor .view-lines').click();
  await t.page.keyboard.press('ControlOrMeta+Enter');
  await settled(t);
  assert.equal(await cellStatus(t, 9), 'done');
  assert.match(await outputText(t, 9), /avg_spend/);
  t.note(`toolbar after: "${await t.page.locator('seg-notebook .toolbar [role=status]').innerText()}"`);
});

test('notebook: once the interrupted cell is deleted, the toolbar no longer says "Interrupted"', async (t) => {
  await openNotebook(t);
  const toolbar = t.page.locator('seg-notebook .toolbar [role=status]');
  const last = await runEndlessQuery(t);
  await eventually(() => cellStatus(t, last), (s) => s === 'running', 'the cell is running');
  await t.page.locator('seg-notebook .toolbar button', { hasText: 'Interrupt' }).click();
  await eventually(() => cellStatus(t, last), (s) => s === 'stale', 'the interrupted cell is out of date', 10_000);
  await eventually(() => toolbar.innerText(), (text) => /Interrupted/.test(text), 'the toolbar says so');

  await cell(t, last).locator('button[aria-label^="Delete cell"]').click();
  assert.equal(await cellCount(t), last);
  await eventually(() => toolbar.innerText(), (text) => !/Interrupted/.test(text), 'the toolbar no longer says "Interrupted"');
  // Nothing runs by itself after the delete: the toolbar stays quiet.
  await t.page.waitForTimeout(1000);
  assert.doesNotMatch(await toolbar.innerText(), /Interrupted/);
  t.note(`toolbar: "${await toolbar.innerText()}"`);
});

test('notebook: what is typed into a new cell before the editor has loaded is kept, and the editor takes it over with the caret', async (t) => {
  // Monaco's chunk is held back until the text is typed: a first "+ SegQL" on a slow connection.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await t.page.route(/\/assets\/monaco-runtime-[\w-]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await openApp(t);
  const count = await cellCount(t);
  await t.page.locator('seg-notebook .add-row button', { hasText: 'SegQL' }).click();
  await eventually(() => focused(t), (f) => f?.cell === count && f.where === 'editor', 'the new cell is entered while its editor loads');
  await t.page.keyboard.type('segment held = age > 30');
  assert.equal(await cell(t, count).locator('seg-code-editor .monaco-editor').count(), 0, 'Monaco had not come');
  assert.equal(await cellCount(t), count + 1, 'the spaces typed did not press the button that added the cell');
  assert.deepEqual(await source(t, count), { kind: 'seg', source: 'segment held = age > 30' });
  t.note(`screenshot: ${await shotOf(cell(t, count), 'notebook-typing-before-editor')}`);

  release();
  await cell(t, count).locator('seg-code-editor .monaco-editor').waitFor();
  await eventually(() => focused(t), (f) => f?.cell === count && f.where === 'editor', 'Monaco has the focus');
  await t.page.keyboard.type('0');
  assert.deepEqual(await source(t, count), { kind: 'seg', source: 'segment held = age > 300' }, 'the caret stayed where the typing left it');
  await t.page.keyboard.press('Shift+Enter');
  await settled(t);
  assert.match(await outputText(t, count), /Defines held \d[\d,]* members/);
});

test('notebook: the blank cell Shift+Enter adds after the last is not counted out of date', async (t) => {
  await openNotebook(t);
  const last = (await cellCount(t)) - 1;
  await cell(t, last).locator('seg-code-editor .view-lines').click();
  await t.page.keyboard.press('Shift+Enter');
  await eventually(() => cellCount(t), (n) => n === last + 2, 'a new cell after the last');
  await settled(t);
  const toolbar = await t.page.locator('seg-notebook .toolbar [role=status]').innerText();
  assert.doesNotMatch(toolbar, /out of date/, `the toolbar says "${toolbar}"`);
  assert.match(toolbar, /^Ran 1 cell/);
});
