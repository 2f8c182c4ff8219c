// Opening the app (the notebook page) and waiting for it, shared by the end-to-end tests.
import type { E2EContext } from './e2e.ts';

export interface AppTimings {
  /** Milliseconds from navigation start, read from the app's performance marks. */
  engineReadyMs: number;
  firstChartMs: number;
}

/**
 * Opens the app and waits until the notebook has run and drawn its first chart; fails with the
 * app's own message if it could not start.
 */
export async function openApp(t: E2EContext): Promise<AppTimings> {
  await t.page.goto(`${t.origin}/`);
  const state = await waitForSettled(t);
  if (state !== 'ready') throw new Error(`the app did not start: ${await t.page.locator('seg-notebook [role=alert]').innerText()}`);
  await t.page.waitForFunction(() => performance.getEntriesByName('segbook:first-chart').length > 0);
  return t.page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    return { engineReadyMs: at('segbook:engine-ready'), firstChartMs: at('segbook:first-chart') };
  });
}

/**
 * Waits for the notebook to finish starting and its first run: returns 'ready' or 'failed'.
 * (`data-state` goes starting → loading → running → ready; it is 'ready' again after each run.)
 */
export async function waitForSettled(t: E2EContext): Promise<string> {
  const handle = await t.page.waitForFunction(() => {
    const page = document.querySelector<HTMLElement>('seg-notebook');
    const state = page?.dataset.state;
    if (state === 'failed') return state;
    const ran = (page as (HTMLElement & { controller?: { lastRun?: unknown } }) | null)?.controller?.lastRun !== undefined;
    return state === 'ready' && ran ? state : undefined;
  });
  return String(await handle.jsonValue());
}
