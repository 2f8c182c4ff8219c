// Opening the editor test page (test/e2e/pages/editor.html) and reaching into its editors.
import type { Locator } from 'playwright-core';
import type { E2EContext } from './support/e2e.ts';
import type { RecordedEvent } from './pages/editor-page.ts';

export const EDITOR_PAGE = '/test/e2e/pages/editor.html';
const EDITORS = 3;

/** Opens the page and waits until Monaco shows every editor. */
export async function openEditorPage(t: E2EContext): Promise<void> {
  await t.page.goto(`${t.origin}${EDITOR_PAGE}`);
  await t.page.waitForFunction((n) => window.editorTest?.events.filter((e) => e.type === 'ready').length === n, EDITORS);
}

/** The n-th <seg-code-editor> (Playwright's CSS locators pierce shadow roots). */
export function editor(t: E2EContext, n: number): Locator {
  return t.page.locator('seg-code-editor').nth(n);
}

/** Clicks at the end of the editor's text, so typing appends to it. */
export async function clickToEnd(t: E2EContext, n: number): Promise<void> {
  await editor(t, n).locator('.view-lines').click();
  await t.page.keyboard.press('ControlOrMeta+End');
}

export function events(t: E2EContext): Promise<RecordedEvent[]> {
  return t.page.evaluate(() => window.editorTest.events.slice());
}

export function markers(t: E2EContext) {
  return t.page.evaluate(() => window.editorTest.markers());
}

/** The cell's container that holds the focus now, if focus is on one. */
export function focusedCell(t: E2EContext): Promise<string | undefined> {
  return t.page.evaluate(() => {
    const active = document.querySelector('editor-test-notebook')?.shadowRoot?.activeElement;
    return active instanceof HTMLElement ? active.dataset.cell : undefined;
  });
}

/** Whether the n-th editor's text has the focus. */
export function editorHasFocus(t: E2EContext, n: number): Promise<boolean> {
  return t.page.evaluate((index) => {
    const host = document.querySelector('editor-test-notebook')?.shadowRoot?.querySelectorAll('seg-code-editor')[index];
    return !!host?.shadowRoot?.activeElement && host.shadowRoot.activeElement.closest('.monaco-editor') !== null;
  }, n);
}

export interface WordBox {
  x: number;
  y: number;
  /** The computed colour of the token the word is drawn in. */
  color: string;
}

/** The centre and colour of a whole word as drawn in the n-th editor, first match from the top. */
export function findWord(t: E2EContext, n: number, word: string): Promise<WordBox | undefined> {
  return editor(t, n).evaluate((host, wanted) => {
    const lines = [...host.shadowRoot!.querySelectorAll<HTMLElement>('.view-line')].sort(
      (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
    );
    const escaped = wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').replace(/\u00a0/g, ' ');
        const m = new RegExp(`(?<![\\w])${escaped}(?![\\w])`).exec(text);
        if (!m) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + wanted.length);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2, color: getComputedStyle(node.parentElement!).color };
      }
    }
    return undefined;
  }, word);
}

/** Waits until `check` holds, polling; fails with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}
