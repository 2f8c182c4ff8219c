import assert from 'node:assert/strict';
import path from 'node:path';
import { clickToEnd, EDITOR_PAGE, editor, eventually, findWord, openEditorPage } from './editor-support.ts';
import { test } from './support/e2e.ts';

const LINE_HEIGHT = 20;
const PADDING = 16;

test('editor: Monaco is styled inside shadow roots — line numbers, gutter, hidden input, coloured tokens', async (t) => {
  await openEditorPage(t);
  const first = editor(t, 0);
  const numbers = await first.locator('.line-numbers').allInnerTexts();
  assert.deepEqual(numbers.slice(0, 3), ['1', '2', '3']);
  const layout = await first.evaluate((host) => {
    const root = host.shadowRoot!;
    const lineNumber = root.querySelector<HTMLElement>('.line-numbers')!;
    const text = root.querySelector<HTMLElement>('.view-lines')!;
    const input = getComputedStyle(root.querySelector<HTMLElement>('.native-edit-context, .inputarea')!);
    return {
      lineNumberPosition: getComputedStyle(lineNumber).position,
      numbersLeftOfText: lineNumber.getBoundingClientRect().right <= text.getBoundingClientRect().left,
      inputTuckedAway: input.position === 'absolute' && input.zIndex === '-10',
    };
  });
  const colour = async (word: string) => (await findWord(t, 0, word))?.color;
  assert.equal(layout.lineNumberPosition, 'absolute', "Monaco's line-number CSS applies");
  assert.equal(layout.numbersLeftOfText, true, 'the gutter sits left of the text');
  assert.equal(layout.inputTuckedAway, true, 'the input element sits hidden behind the text, not as a visible textarea');
  // Monaco colours a model's lines in a task after it first draws them (a race seen once in CI).
  await eventually(() => colour('segment'), (c) => c === 'rgb(0, 0, 255)', 'the keyword coloured');
  assert.equal(await colour('segment'), 'rgb(0, 0, 255)', 'keyword');
  assert.equal(await colour('sum'), 'rgb(121, 94, 38)', 'function');
  assert.equal(await colour('spenders'), 'rgb(0, 128, 0)', 'comment');
  assert.equal(await colour('1_000'), 'rgb(9, 134, 88)', 'number');
  assert.equal(await colour('adults'), 'rgb(0, 0, 0)', 'identifier');
  t.note(`screenshot: ${await t.screenshot('editor-light')}`);
  const closeUp = path.join('test-results', 'editor-cell-light.png');
  await first.screenshot({ path: closeUp });
  t.note(`screenshot: ${closeUp}`);

  await t.page.emulateMedia({ colorScheme: 'dark' });
  await t.page.waitForFunction(() => {
    const host = document.querySelector('editor-test-notebook')?.shadowRoot?.querySelector('seg-code-editor');
    const bg = host?.shadowRoot?.querySelector('.monaco-editor-background');
    return bg && getComputedStyle(bg).backgroundColor === 'rgb(21, 27, 35)';
  });
  t.note(`screenshot: ${await t.screenshot('editor-dark')}`);
});

test('editor: cells grow with their text, without inner scrollbars', async (t) => {
  await openEditorPage(t);
  const height = (n: number) => editor(t, n).locator('.editor').evaluate((e) => e.getBoundingClientRect().height);
  const lines = (n: number) => editor(t, n).locator('.view-line').count();
  assert.equal(await height(0), (await lines(0)) * LINE_HEIGHT + PADDING);
  assert.equal(await height(1), LINE_HEIGHT + PADDING, 'an empty cell is one line tall');
  await clickToEnd(t, 1);
  // Lines end in ')', where no suggestion opens, so Enter starts a new line.
  await t.page.keyboard.type('segment a1 = (age > 1)');
  for (let i = 2; i <= 12; i++) {
    await t.page.keyboard.press('Enter');
    await t.page.keyboard.type(`segment a${i} = (age > ${i})`);
  }
  assert.equal(await lines(1), 12);
  assert.equal(await height(1), 12 * LINE_HEIGHT + PADDING, 'twelve lines, twelve lines tall');
  const scroll = await editor(t, 1).evaluate((host) => {
    const scrollable = host.shadowRoot!.querySelector<HTMLElement>('.lines-content')!;
    const bar = host.shadowRoot!.querySelector<HTMLElement>('.scrollbar.vertical');
    return { top: scrollable.style.top, barWidth: bar ? bar.getBoundingClientRect().width : 0 };
  });
  assert.deepEqual(scroll, { top: '0px', barWidth: 0 });
  t.note(`screenshot: ${await t.screenshot('editor-grown')}`);
});

test('editor: the page shows the text before Monaco arrives, then swaps it in', async (t) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await t.page.route('**/assets/monaco-runtime-*.js', async (route) => {
    await held;
    await route.continue();
  });
  await t.page.goto(`${t.origin}${EDITOR_PAGE}`);
  const preview = editor(t, 0).locator('pre.preview');
  await preview.waitFor();
  assert.match(await preview.innerText(), /^population customers key customer_id/);
  assert.equal(await editor(t, 0).locator('.monaco-editor').count(), 0);
  const before = await preview.evaluate((pre) => {
    const text = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT).nextNode()!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 'population'.length);
    return { height: pre.getBoundingClientRect().height, textLeft: range.getBoundingClientRect().left };
  });
  t.note(`screenshot: ${await t.screenshot('editor-before-monaco')}`);
  release();
  await editor(t, 0).locator('.monaco-editor').waitFor();
  await preview.waitFor({ state: 'detached' });
  // Monaco draws its lines in the frame after it is created, and the line is one span until the
  // SegQL tokens arrive: measure once the word is drawn as a token of its own.
  await editor(t, 0).locator('.view-line span span', { hasText: /^population$/ }).first().waitFor();
  const after = await editor(t, 0).evaluate((host) => {
    const root = host.shadowRoot!;
    const word = [...root.querySelectorAll('.view-line span span')].find((s) => s.textContent === 'population');
    return { height: root.querySelector('.editor')!.getBoundingClientRect().height, textLeft: word ? word.getBoundingClientRect().left : Number.NaN };
  });
  t.note(`preview → Monaco: height ${before.height} → ${after.height} px, text starts at x ${before.textLeft.toFixed(1)} → ${after.textLeft.toFixed(1)}`);
  assert.equal(after.height, before.height, 'the cell keeps its height when Monaco arrives');
  assert.ok(Math.abs(after.textLeft - before.textLeft) <= 2, 'the text stays where it was');
});
