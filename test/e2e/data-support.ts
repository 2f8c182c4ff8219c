// The data panel in the app: adding files through its picker, reading what it shows, and opening
// the app again in the same browser (the same OPFS and IndexedDB, as after closing the tab).
import type { Locator } from 'playwright-core';
import { outputText, settled } from './notebook-support.ts';
import { waitForSettled } from './support/app.ts';
import type { E2EContext } from './support/e2e.ts';

export function panel(t: E2EContext): Locator {
  return t.page.locator('seg-data-panel');
}

export function tableRow(t: E2EContext, name: string): Locator {
  return panel(t).locator(`li[data-table="${name}"]`);
}

export async function addFiles(t: E2EContext, files: { name: string; content: string | Buffer }[]): Promise<void> {
  await panel(t)
    .locator('#picker')
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content) })));
}

/** Waits until the table's row says it is loaded (its row and column counts) or could not be read, and returns that text. */
export async function settledRow(t: E2EContext, name: string): Promise<string> {
  // Settled means loaded (or failed) and unchanged for half a second: a table given to a notebook
  // can show its rows, then "waiting to load" while the run that reads it starts, then its rows again.
  const settled = await t.page.waitForFunction(
    (table) => {
      const root = document.querySelector('seg-data-panel')?.shadowRoot;
      const row = root?.querySelector(`li[data-table="${table}"]`);
      const detail = row?.querySelector('.detail')?.textContent?.trim();
      const seen = ((window as unknown as { __settledRows?: Record<string, { text: string; since: number }> }).__settledRows ??= {});
      if (!(row?.classList.contains('loaded') || row?.classList.contains('error')) || !detail) {
        delete seen[table];
        return false;
      }
      const now = performance.now();
      if (seen[table]?.text !== detail) seen[table] = { text: detail, since: now };
      return now - seen[table]!.since >= 500 ? detail : false;
    },
    name,
    { timeout: 60_000, polling: 100 },
  );
  return (await settled.jsonValue()) as string;
}

/** Closes the page and opens the app in a new one of the same browser context; waits for its first run. */
export async function reopenApp(t: E2EContext): Promise<E2EContext> {
  const context = t.page.context();
  const page = await context.newPage();
  t.watch.attach(context, page);
  page.setDefaultTimeout(60_000);
  await t.page.close();
  const reopened: E2EContext = { ...t, page, screenshot: async (name) => {
    const file = `test-results/${name}.png`;
    await page.screenshot({ path: file, fullPage: true });
    return file;
  } };
  await page.goto(`${t.origin}/`);
  const state = await waitForSettled(reopened);
  if (state !== 'ready') throw new Error(`the reopened app did not start: ${await page.locator('seg-notebook [role=alert]').first().innerText()}`);
  return reopened;
}

/** Runs `sql` in a new SQL cell at the end of the notebook (through the page's controller) and returns the cell's output text. */
export async function queryInCell(t: E2EContext, sql: string): Promise<string> {
  const index = await t.page.evaluate(async (text) => {
    type Controller = { cells: unknown[]; insert(index: number, kind: string): string; editSource(id: string, source: string): void; runCell(id: string): Promise<unknown> };
    const controller = (document.querySelector('seg-notebook') as HTMLElement & { controller: Controller }).controller;
    const at = controller.cells.length;
    const id = controller.insert(at, 'sql');
    controller.editSource(id, text);
    await controller.runCell(id);
    return at;
  }, sql);
  await settled(t);
  return outputText(t, index);
}
