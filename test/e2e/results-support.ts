// Opening the results test page (test/e2e/pages/results.html) and reaching into its <seg-result>s.
import type { Locator } from 'playwright-core';
import type {} from './pages/results-page.ts';
import type { E2EContext } from './support/e2e.ts';

export const RESULTS_PAGE = '/test/e2e/pages/results.html';

/** Opens the page (optionally with ?only=NAME&rows=N) and waits until every result has drawn. */
export async function openResults(t: E2EContext, query = ''): Promise<number> {
  await t.page.goto(`${t.origin}${RESULTS_PAGE}${query}`);
  await t.page.waitForFunction(() => window.resultsTest !== undefined);
  return t.page.evaluate(() => window.resultsTest.ready());
}

/** The <seg-result> of one fixture (Playwright's CSS locators pierce shadow roots). */
export function result(t: E2EContext, fixture: string): Locator {
  return t.page.locator(`section[data-fixture="${fixture}"] seg-result`);
}

/** The texts of a table's cells in one column, for the rows in the page, top to bottom. */
export function columnTexts(table: Locator, column: number): Promise<string[]> {
  return table.evaluate((host, c) => {
    const rows = [...host.shadowRoot!.querySelectorAll('.body [role=row]')] as HTMLElement[];
    rows.sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')));
    return rows.map((row) => (row.querySelectorAll('[role=cell]')[c] as HTMLElement).textContent!.trim());
  }, column);
}
