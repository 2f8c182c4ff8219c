// Pages beyond the one the harness opens: a second page in the same browser context (the same
// IndexedDB and OPFS, as after closing and reopening a tab) or a page in a fresh context (another
// person's browser). Each is watched like the first, so its console errors and requests fail the test.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { waitForSettled } from './support/app.ts';
import type { E2EContext } from './support/e2e.ts';

type AppPage = HTMLElement & { controller: { text(): string; busy: boolean } };

/** A context for the notebook helpers whose page is `page`; screenshots are of that page. */
export function onPage(t: E2EContext, page: Page): E2EContext {
  return {
    ...t,
    page,
    screenshot: async (name) => {
      const file = path.join('test-results', `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
  };
}

/** Opens the app in a new page of the same context, waits for its first run, and returns it. */
export async function reopen(t: E2EContext, url = `${t.origin}/`): Promise<E2EContext> {
  const page = await t.page.context().newPage();
  return openIn(t, page, t.page.context(), url);
}

/**
 * Playwright cannot answer the File System Access pickers, so tests take the other road: the file
 * input and downloads, which browsers without those pickers use.
 */
export const WITHOUT_FILE_PICKERS = 'window.showOpenFilePicker = undefined; window.showSaveFilePicker = undefined;';

/** Opens the app in a new browser context (nothing kept from before), as someone else would. */
export async function inFreshBrowser(t: E2EContext, url: string, screen: { deviceScaleFactor?: number } = {}): Promise<{ t: E2EContext; close: () => Promise<void> }> {
  const browser = t.page.context().browser();
  if (!browser) throw new Error('no browser to open a fresh context in');
  // As the harness does: no offline copy (service worker) downloading behind the test's back.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, serviceWorkers: 'block', ...screen });
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  await context.addInitScript(WITHOUT_FILE_PICKERS);
  const page = await context.newPage();
  return { t: await openIn(t, page, context, url), close: () => t.watch.close(context) };
}

async function openIn(t: E2EContext, page: Page, context: BrowserContext, url: string): Promise<E2EContext> {
  t.watch.attach(context, page);
  page.setDefaultTimeout(60_000);
  const other = onPage(t, page);
  await page.goto(url);
  const state = await waitForSettled(other);
  if (state !== 'ready') throw new Error(`the reopened app did not start: ${await page.locator('seg-notebook [role=alert]').innerText()}`);
  return other;
}

export function notebookText(t: E2EContext): Promise<string> {
  return t.page.evaluate(() => (document.querySelector('seg-notebook') as AppPage).controller.text());
}

/** The menu's line about where the notebook is kept ("Saved in this browser · changes not in a file"). */
export function keptState(t: E2EContext): Promise<string> {
  return t.page.locator('seg-file-menu .state').innerText();
}

/**
 * The kept state once it reads `expected`, or what it reads after 10 s: the page says a file was
 * saved a moment after the browser has the download.
 */
export async function keptStateBecomes(t: E2EContext, expected: string): Promise<string> {
  await t.page.locator('seg-file-menu .state', { hasText: expected }).waitFor({ timeout: 10_000 }).catch(() => undefined);
  return keptState(t);
}

/** Waits until the last edit is written to this browser's storage. */
export async function savedInBrowser(t: E2EContext): Promise<void> {
  await t.page.locator('seg-file-menu .state', { hasText: 'Saved in this browser' }).waitFor();
}

/** Opens one of the menu's panels (recent, share, export) and returns it. */
export async function menuPanel(t: E2EContext, id: 'recent' | 'share' | 'export'): Promise<Locator> {
  await t.page.locator(`seg-file-menu button[popovertarget=${id}]`).click();
  const panel = t.page.locator(`seg-file-menu #${id}`);
  await panel.waitFor();
  return panel;
}

/** Clicks a menu button (or a panel's item) that downloads a file; returns its name and text. */
export async function downloadFrom(t: E2EContext, target: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([t.page.waitForEvent('download'), target.click()]);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

/** The line the menu shows after an action. */
export function menuMessage(t: E2EContext): Promise<string> {
  return t.page.locator('seg-file-menu .message').innerText();
}

/** A screenshot of the menu bar and the panel open under it (panels sit in the top layer, outside the menu's box). */
export async function menuShot(t: E2EContext, name: string): Promise<string> {
  const box = await t.page.evaluate(() => {
    const menu = document.querySelector('seg-file-menu')!;
    const open = menu.shadowRoot!.querySelector(':popover-open') ?? menu;
    const [a, b] = [menu.getBoundingClientRect(), open.getBoundingClientRect()];
    return { x: Math.max(0, a.x - 8), y: Math.max(0, a.y - 8), right: Math.max(a.right, b.right) + 8, bottom: Math.max(a.bottom, b.bottom) + 8 };
  });
  const file = path.join('test-results', `${name}.png`);
  await t.page.screenshot({ path: file, clip: { x: box.x, y: box.y, width: box.right - box.x, height: box.bottom - box.y } });
  return file;
}
