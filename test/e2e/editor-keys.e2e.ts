import assert from 'node:assert/strict';
import { clickToEnd, editor, editorHasFocus, eventually, events, focusedCell, openEditorPage } from './editor-support.ts';
import { test } from './support/e2e.ts';

test('editor: Shift+Enter asks to run and advance, Ctrl+Enter to run in place, neither types a newline', async (t) => {
  await openEditorPage(t);
  await clickToEnd(t, 1);
  await t.page.keyboard.type('segment young = age < 30');
  await t.page.keyboard.press('Escape'); // close any suggestions, as a user would before running
  await clickToEnd(t, 1);
  await t.page.keyboard.press('Shift+Enter');
  const advanced = await eventually(() => events(t), (e) => e.some((x) => x.type === 'run-advance'), 'a run-advance event');
  assert.deepEqual(advanced.filter((e) => e.type === 'run-advance'), [{ type: 'run-advance', cell: 1, value: 'segment young = age < 30' }]);
  // The page moves the focus to the next cell, as the notebook will.
  await eventually(() => editorHasFocus(t, 2), (focused) => focused, 'the next editor has the focus');

  await clickToEnd(t, 1);
  await t.page.keyboard.press('ControlOrMeta+Enter');
  const ran = await eventually(() => events(t), (e) => e.some((x) => x.type === 'run'), 'a run event');
  assert.deepEqual(ran.filter((e) => e.type === 'run'), [{ type: 'run', cell: 1, value: 'segment young = age < 30' }]);
  assert.equal(await editorHasFocus(t, 1), true, 'Ctrl+Enter keeps the focus');
  assert.equal((await editor(t, 1).locator('.view-line').count()), 1, 'no newline was typed');
});

test('editor: Ctrl+Enter with suggestions open runs the cell and closes them, so the next Escape leaves the editor', async (t) => {
  await openEditorPage(t);
  await clickToEnd(t, 1);
  await t.page.keyboard.type('segment s = ag');
  await editor(t, 1).locator('.suggest-widget.visible').waitFor();
  await t.page.keyboard.press('ControlOrMeta+Enter');
  await eventually(() => events(t), (e) => e.some((x) => x.type === 'run'), 'a run event');
  await editor(t, 1).locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
  await t.page.keyboard.press('Escape');
  assert.equal(await focusedCell(t), '1', 'one Escape focuses the cell');
});

test('editor: Escape leaves the editor for the cell; open suggestions close first', async (t) => {
  await openEditorPage(t);
  await clickToEnd(t, 1);
  await t.page.keyboard.type('segment s = ag');
  await editor(t, 1).locator('.suggest-widget.visible').waitFor();
  await t.page.keyboard.press('Escape');
  await editor(t, 1).locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
  assert.equal(await editorHasFocus(t, 1), true, 'the first Escape only closes the suggestions');
  await t.page.keyboard.press('Escape');
  assert.equal(await focusedCell(t), '1', 'the second Escape focuses the cell');
  assert.deepEqual((await events(t)).filter((e) => e.type === 'leave'), [{ type: 'leave', cell: 1 }]);
  t.note(`screenshot: ${await t.screenshot('editor-escape')}`);
});
