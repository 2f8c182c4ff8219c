import assert from 'node:assert/strict';
import { cell, cellCount, cellStatus, eventually, focused, openNotebook, outputText, settled } from './notebook-support.ts';
import { test } from './support/e2e.ts';

/** Adds a SQL cell at the end, types `sql` and runs it with Ctrl+Enter; returns its number. */
async function runNewSqlCell(t: Parameters<typeof openNotebook>[0], sql: string): Promise<number> {
  await t.page.locator('seg-notebook .add-row button', { hasText: 'SQL' }).click();
  const index = (await cellCount(t)) - 1;
  await eventually(() => focused(t), (f) => f?.cell === index && f.where === 'editor', 'the new SQL cell is entered');
  await t.page.keyboard.type(sql);
  await t.page.keyboard.press('Escape');
  await t.page.keyboard.press('ControlOrMeta+Enter');
  return index;
}

test('notebook: a SQL cell cannot read files — it says so under the cell', async (t) => {
  await openNotebook(t);
  const index = await runNewSqlCell(t, "SELECT * FROM read_text('/etc/passwd')");
  await eventually(() => cellStatus(t, index), (s) => s === 'error', 'the cell fails');
  const errors = await cell(t, index).locator('.errors').innerText();
  assert.match(errors, /SQL cells cannot read files or URLs/);
  t.note(`error: ${errors}`);
  t.note(`screenshot: ${await t.screenshot('notebook-sandbox')}`);
});

test('notebook: a query that breaks the engine loses no text; the engine restarts and the notebook runs again on request', async (t) => {
  await openNotebook(t);
  // An edit first: it must survive the engine's failure.
  await cell(t, 5).locator('seg-code-editor .view-lines').click();
  await t.page.keyboard.press('ControlOrMeta+A');
  await t.page.keyboard.type('compare big_spenders by country');
  await t.page.keyboard.press('Escape');
  await settled(t);
  const index = await runNewSqlCell(t, "SELECT length(repeat('abcdefgh', 400000000)) AS n");
  await eventually(() => cellStatus(t, index), (s) => s === 'error' || s === 'stale', 'the breaking query ends', 60_000);
  t.note(`the breaking cell: ${await outputText(t, index)}`);
  const status = t.page.locator('seg-notebook .toolbar [role=status]');
  await eventually(() => status.innerText(), (text) => /restarted/.test(text), 'the notebook says the engine restarted', 60_000);
  t.note(`toolbar: "${await status.innerText()}"`);
  const text = await t.page.evaluate(() => (document.querySelector('seg-notebook') as HTMLElement & { controller: { text(): string } }).controller.text());
  assert.match(text, /```seg\ncompare big_spenders by country\n```/, 'the edit is still in the notebook');
  assert.match(text, /repeat\('abcdefgh', 400000000\)/, 'so is the breaking cell');
  t.note(`screenshot: ${await t.screenshot('notebook-engine-restarted')}`);

  await cell(t, 5).locator('button[aria-label^="Run cell"]').click();
  await settled(t);
  assert.equal(await cellStatus(t, 5), 'done');
  assert.match(await outputText(t, 5), /country/);
}, { timeoutMs: 150_000, expectedProblems: [/out of memory|memory access out of bounds|Aborted|RuntimeError/i] });
