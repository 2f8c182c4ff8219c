// Reaching into the notebook page from the end-to-end tests: cells by number, their editors,
// states and focus. Playwright's CSS locators pierce the page's shadow roots.
import type { Locator } from 'playwright-core';
import { eventually } from './editor-support.ts';
import { openApp, type AppTimings } from './support/app.ts';
import type { E2EContext } from './support/e2e.ts';

export { eventually };

/** Opens the app, waits for the first run and for Monaco in every code cell. */
export async function openNotebook(t: E2EContext): Promise<AppTimings> {
  const timings = await openApp(t);
  await t.page.waitForFunction(() => {
    const page = document.querySelector('seg-notebook');
    const cells = [...(page?.shadowRoot?.querySelectorAll('seg-cell') ?? [])];
    const code = cells.filter((c) => c.getAttribute('kind') !== 'markdown');
    return code.length > 0 && code.every((c) => c.shadowRoot?.querySelector('seg-code-editor')?.shadowRoot?.querySelector('.monaco-editor'));
  });
  return timings;
}

/** The cell with this number (0-based, Markdown cells counted, as in error messages). */
export function cell(t: E2EContext, index: number): Locator {
  return t.page.locator('seg-notebook seg-cell').nth(index);
}

export function cellCount(t: E2EContext): Promise<number> {
  return t.page.locator('seg-notebook seg-cell').count();
}

/** The state the cell's badge shows ('done', 'error', 'stale', …), or '' for Markdown cells. */
export async function cellStatus(t: E2EContext, index: number): Promise<string> {
  const badge = cell(t, index).locator('seg-cell-status');
  return (await badge.count()) ? ((await badge.getAttribute('status')) ?? '') : '';
}

/** Text drawn in the cell's charts (SVG text included). */
export async function chartText(t: E2EContext, index: number): Promise<string> {
  const charts = cell(t, index).locator('.seg-chart');
  return (await charts.allTextContents()).join(' | ');
}

/** Which cell holds the focus and where: its frame, its code editor, or its Markdown text. */
export function focused(t: E2EContext): Promise<{ cell: number; where: string } | undefined> {
  return t.page.evaluate(() => {
    const page = document.querySelector('seg-notebook');
    const host = page?.shadowRoot?.activeElement;
    if (!host || host.tagName !== 'SEG-CELL') return undefined;
    const inner = host.shadowRoot?.activeElement;
    const frame = host.shadowRoot?.querySelector<HTMLElement>('.frame');
    const where = inner === frame ? 'frame' : inner?.tagName === 'SEG-CODE-EDITOR' ? 'editor' : inner?.tagName === 'SEG-MARKDOWN-CELL' ? 'markdown' : (inner?.tagName ?? 'none').toLowerCase();
    return { cell: Number(frame?.dataset.cell), where };
  });
}

/** The centre of a whole word as drawn in the cell's code editor, first match from the top. */
export function wordIn(t: E2EContext, index: number, word: string): Promise<{ x: number; y: number } | undefined> {
  return cell(t, index).locator('seg-code-editor').evaluate((host, wanted) => {
    const lines = [...host.shadowRoot!.querySelectorAll<HTMLElement>('.view-line')].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').replace(/\u00a0/g, ' ');
        const m = new RegExp(`(?<![\\w])${wanted}(?![\\w])`).exec(text);
        if (!m) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + wanted.length);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
    }
    return undefined;
  }, word);
}

/** Double-clicks a word in the cell's editor (selecting it) and types over it. */
export async function replaceWord(t: E2EContext, index: number, word: string, replacement: string): Promise<void> {
  await cell(t, index).scrollIntoViewIfNeeded();
  const box = await wordIn(t, index, word);
  if (!box) throw new Error(`"${word}" is not in cell ${index}'s editor`);
  await t.page.mouse.dblclick(box.x, box.y);
  await t.page.keyboard.type(replacement);
}

/** Clicks at the end of the cell's text, so typing appends to it. */
export async function clickToEnd(t: E2EContext, index: number): Promise<void> {
  await cell(t, index).locator('seg-code-editor .view-lines').click();
  await t.page.keyboard.press('ControlOrMeta+End');
}

/**
 * Waits until the notebook is idle again after edits, their debounced run included: under load that
 * run may start later than the pause, so the controller is asked whether one is still to come.
 * The first pause covers changes that reach the controller late (a file read, a menu's action).
 */
export async function settled(t: E2EContext): Promise<void> {
  await t.page.waitForTimeout(450);
  await t.page.waitForFunction(() => {
    const page = document.querySelector<HTMLElement & { controller?: { busy: boolean; runScheduled: boolean } }>('seg-notebook');
    return page?.dataset.state === 'ready' && page.controller?.busy === false && page.controller.runScheduled === false;
  });
}

/** All text under the cell's output (errors, summary, results), through shadow roots. */
export function outputText(t: E2EContext, index: number): Promise<string> {
  return cell(t, index).locator('seg-cell-output').evaluate((root) => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      for (const child of node.childNodes) walk(child);
    };
    walk(root);
    return parts.join(' ').replace(/\s+/g, ' ');
  });
}

/** Saves a screenshot of one element as test-results/<name>.png and returns its path. */
export async function shotOf(target: Locator, name: string): Promise<string> {
  const file = `test-results/${name}.png`;
  await target.screenshot({ path: file });
  return file;
}
