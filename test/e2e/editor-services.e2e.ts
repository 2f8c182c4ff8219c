import assert from 'node:assert/strict';
import { clickToEnd, editor, eventually, events, findWord, markers, openEditorPage } from './editor-support.ts';
import { test } from './support/e2e.ts';

test('editor: typing a column prefix offers the column in completion', async (t) => {
  await openEditorPage(t);
  await clickToEnd(t, 1);
  await t.page.keyboard.type('segment s = coun');
  const rows = editor(t, 1).locator('.suggest-widget.visible .monaco-list-row');
  await rows.first().waitFor();
  const labels = await rows.allInnerTexts();
  assert.match(labels[0], /^country/, `the column comes first: ${JSON.stringify(labels)}`);
  assert.ok(labels.some((l) => /^count\b/.test(l)), `the function count is offered too: ${JSON.stringify(labels)}`);
  t.note(`screenshot: ${await t.screenshot('editor-completion')}`);
  await t.page.keyboard.press('Enter');
  const last = await eventually(() => events(t), (e) => e.some((x) => x.type === 'change' && x.value === 'segment s = country'), 'accepting inserts the column');
  assert.equal(last.filter((e) => e.type === 'change').at(-1)?.value, 'segment s = country');
});

test('editor: a suggestion accepted in the middle of a word replaces the whole word; a new line offers the statement keywords', async (t) => {
  await openEditorPage(t);
  await clickToEnd(t, 1);
  await t.page.keyboard.type('segment s = countr');
  // Escape closes the suggestions only once they are open; before that it leaves the editor for the cell.
  const widget = editor(t, 1).locator('.suggest-widget.visible');
  await widget.waitFor();
  await t.page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden' });
  await t.page.keyboard.press('ArrowLeft');
  await t.page.keyboard.press('ArrowLeft');
  await t.page.keyboard.press('Control+Space');
  const rows = editor(t, 1).locator('.suggest-widget.visible .monaco-list-row');
  await rows.first().waitFor();
  assert.match((await rows.allInnerTexts())[0]!, /^country/);
  await t.page.keyboard.press('Enter');
  await eventually(() => events(t), (e) => e.filter((x) => x.type === 'change').at(-1)?.value === 'segment s = country', 'the word is replaced, not split');
  await t.page.keyboard.press('End');
  await t.page.keyboard.press('Enter');
  await t.page.keyboard.type('sh');
  await rows.first().waitFor();
  assert.ok((await rows.allInnerTexts()).some((l) => /^show\b/.test(l)), 'show is offered on the second line');
});

test('editor: inside quotes Ctrl+Space offers no names, and Enter after it starts a new line', async (t) => {
  await openEditorPage(t);
  await clickToEnd(t, 1);
  await t.page.keyboard.type("segment s = country = 'Lisboa");
  await t.page.keyboard.press('Control+Space');
  await editor(t, 1).locator('.suggest-widget.visible').getByText('No suggestions.').waitFor();
  await t.page.keyboard.press('Enter');
  await eventually(() => events(t), (e) => e.filter((x) => x.type === 'change').at(-1)?.value === "segment s = country = 'Lisboa\n'", 'Enter typed a newline (inside the quotes Monaco closed)');
});

test('editor: Enter after a word typed in full starts a new line, though its suggestion is open', async (t) => {
  await openEditorPage(t);
  await clickToEnd(t, 1);
  await t.page.keyboard.type('segment s = country');
  await editor(t, 1).locator('.suggest-widget.visible').waitFor();
  await t.page.keyboard.press('Enter');
  await t.page.keyboard.type("segment u = age < 30");
  const typed = await eventually(() => events(t), (e) => e.some((x) => x.type === 'change' && /age < 30$/.test(x.value ?? '')), 'the second line is typed');
  assert.equal(typed.filter((e) => e.type === 'change').at(-1)?.value, 'segment s = country\nsegment u = age < 30');
});

test('editor: a misspelt column is marked while typing, with "did you mean"', async (t) => {
  await openEditorPage(t);
  await clickToEnd(t, 1);
  await t.page.keyboard.type("segment t = contry = 'US'");
  const found = await eventually(() => markers(t), (m) => m.length > 0, 'a marker appears');
  assert.deepEqual(found.map((m) => [m.message, m.startLineNumber, m.startColumn, m.endColumn]), [
    ["unknown column 'contry' — did you mean 'country'?", 1, 13, 19],
  ]);
  await editor(t, 1).locator('.squiggly-error').waitFor();
  const typo = await findWord(t, 1, 'contry');
  await t.page.mouse.move(typo!.x - 2, typo!.y);
  await t.page.mouse.move(typo!.x, typo!.y);
  await editor(t, 1).locator('.monaco-hover:not(.hidden)').getByText("unknown column 'contry' — did you mean 'country'?").waitFor();
  t.note(`screenshot: ${await t.screenshot('editor-marker')}`);

  // Fixing the typo clears the marker.
  await t.page.keyboard.press('Escape');
  await clickToEnd(t, 1);
  await t.page.keyboard.press('Home');
  for (let i = 0; i < 'segment t = co'.length; i++) await t.page.keyboard.press('ArrowRight');
  await t.page.keyboard.type('u');
  await eventually(() => markers(t), (m) => m.length === 0, 'the marker goes away');

  // A typo typed into a quick-to-check cell is drawn in the frame that draws the letter, not a frame later.
  for (let i = 0; i < 'ntry'.length; i++) await t.page.keyboard.press('ArrowRight');
  await editor(t, 1).evaluate((host) => {
    const w = window as unknown as { afterTypedFrame?: Promise<{ text: string; squiggle: boolean }> };
    w.afterTypedFrame = new Promise((resolve) => {
      addEventListener(
        'keydown',
        // Monaco renders in an animation frame callback queued after this one; the timer runs once that frame is done.
        () => requestAnimationFrame(() => setTimeout(() => resolve({ text: host.shadowRoot!.querySelector('.view-lines')!.textContent!.replace(/\u00a0/g, ' '), squiggle: !!host.shadowRoot!.querySelector('.squiggly-error') }))),
        { capture: true, once: true },
      );
    });
  });
  await t.page.keyboard.press('x');
  const frame = await t.page.evaluate(() => (window as unknown as { afterTypedFrame: Promise<{ text: string; squiggle: boolean }> }).afterTypedFrame);
  assert.match(frame.text, /countryx = 'US'/, 'the letter is drawn in that frame');
  assert.ok(frame.squiggle, 'the squiggle under "countryx" is drawn in the same frame');
  assert.deepEqual((await markers(t)).map((m) => m.message), ["unknown column 'countryx' — did you mean 'country'?"]);
});

test('editor: hover shows a column type, a segment with its size, a function signature; in SQL cells a table and a column', async (t) => {
  await openEditorPage(t);
  const hoverIn = (n: number) => editor(t, n).locator('.monaco-hover:not(.hidden) .hover-contents');
  const hover = hoverIn(0);
  const hoverText = async (word: string, n = 0) => {
    const hover = hoverIn(n);
    const box = await findWord(t, n, word);
    assert.ok(box, `"${word}" is on screen`);
    await t.page.mouse.move(box.x - 2, box.y);
    await t.page.mouse.move(box.x, box.y);
    await hover.first().waitFor();
    const text = (await hover.allInnerTexts()).join('\n');
    await t.page.mouse.move(5, 5);
    await hover.first().waitFor({ state: 'detached' });
    return text;
  };
  assert.match(await hoverText('age'), /age — INTEGER, a column of customers/);
  assert.match(await hoverText('sum'), /sum\(link\.x \[where C\] \[within D\]\)/);
  const box = await findWord(t, 0, 'adults');
  await t.page.mouse.move(box!.x, box!.y);
  await hover.filter({ hasText: 'members' }).waitFor();
  const adults = (await hover.allInnerTexts()).join('\n');
  assert.match(adults, /segment adults · boolean \(cell 0\)/);
  assert.match(adults, /1,042 members/);
  t.note(`screenshot: ${await t.screenshot('editor-hover')}`);
  await t.page.mouse.move(5, 5);
  await hover.first().waitFor({ state: 'detached' });
  assert.match(await hoverText('customers', 2), /table customers — \d+ columns/);
  assert.match(await hoverText('country', 2), /country — VARCHAR, a column of customers/);
});

test('editor: SQL cells complete table aliases with their columns and tables by name', async (t) => {
  await openEditorPage(t);
  await clickToEnd(t, 2);
  await t.page.keyboard.type('\nhaving c.');
  const rows = editor(t, 2).locator('.suggest-widget.visible .monaco-list-row');
  await rows.first().waitFor();
  const labels = (await rows.allInnerTexts()).map((l) => l.split(/\s/)[0]);
  assert.deepEqual(labels.slice(0, 3), ['customer_id', 'country', 'age']);
  t.note(`screenshot: ${await t.screenshot('editor-sql-completion')}`);
  await t.page.keyboard.press('Escape');
  await t.page.keyboard.type(' in (select customer_id from ord');
  await editor(t, 2).locator('.suggest-widget.visible .monaco-list-row', { hasText: 'orders' }).first().waitFor();
});
