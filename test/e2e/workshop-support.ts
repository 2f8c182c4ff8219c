// The workshop gallery from the end-to-end tests: open a notebook from it and wait for its run.
import { cellCount, cellStatus, eventually } from './notebook-support.ts';
import type { E2EContext } from './support/e2e.ts';

/** Clicks the gallery's card for `title` and waits until every code cell of that notebook is done. */
export async function openFromGallery(t: E2EContext, title: string): Promise<void> {
  await t.page.locator('seg-gallery .card', { hasText: title }).click();
  await waitForNotebookRun(t, title);
}

/** Waits until the notebook titled `title` is on the page and every one of its code cells is done. */
export async function waitForNotebookRun(t: E2EContext, title: string): Promise<void> {
  await t.page.waitForFunction((wanted) => document.querySelector('seg-notebook')?.shadowRoot?.querySelector('header h1')?.textContent === wanted, title);
  await eventually(
    async () => {
      const states: string[] = [];
      for (let i = 0, n = await cellCount(t); i < n; i++) states.push(await cellStatus(t, i));
      return states.filter((s) => s !== '');
    },
    (code) => code.length > 0 && code.every((s) => s === 'done'),
    `every code cell of ${title} done`,
    60_000,
  );
}
