// Opening the app and waiting for it, shared by the end-to-end tests.
import type { E2EContext } from './e2e.ts';

export interface AppTimings {
  /** Milliseconds from navigation start, read from the app's performance marks. */
  engineReadyMs: number;
  firstChartMs: number;
}

/** Opens the app and waits until it has finished starting; fails with the app's own message if it could not. */
export async function openApp(t: E2EContext): Promise<AppTimings> {
  await t.page.goto(`${t.origin}/`);
  const state = await waitForSettled(t);
  if (state !== 'ready') throw new Error(`the app did not start: ${await t.page.locator('seg-app [role=alert]').innerText()}`);
  await t.page.locator('seg-app .chart svg').first().waitFor();
  return t.page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    return { engineReadyMs: at('segbook:engine-ready'), firstChartMs: at('segbook:first-chart') };
  });
}

/** Waits for the app to leave its loading states and returns where it ended: 'ready' or 'failed'. */
export async function waitForSettled(t: E2EContext): Promise<string> {
  const handle = await t.page.waitForFunction(() => {
    const state = document.querySelector('seg-app')?.dataset.state;
    return state === 'ready' || state === 'failed' ? state : undefined;
  });
  return String(await handle.jsonValue());
}
