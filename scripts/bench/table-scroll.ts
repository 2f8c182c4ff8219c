/**
 * Scrolling a 100,000-row result table in real Chromium: the results' test page (built beside the
 * app) shows one `show` result of that many rows, and the table's scroller is moved as a wheel
 * moves it, 200 px a frame, then in jumps through the whole table; each sample is the median frame
 * of one pass. A frame time is a speed, so it is measured here, not asserted by the e2e suite.
 */
import type { BrowserSession } from './browser-session.ts';
import type { BenchContext } from './context.ts';
import { summarise, type Timing } from './timing.ts';

export const SCROLL_ROWS = 100_000;
export const RESULTS_PAGE = `/test/e2e/pages/results.html?only=big&rows=${SCROLL_ROWS}`;

export interface TableScroll {
  /** Median frame of 60 frames scrolled by 200 px, per pass. */
  wheel: Timing;
  /** Median frame of 40 jumps of a 40th of the table each, per pass. */
  jumps: Timing;
}

export async function tableScroll(ctx: BenchContext, session: Pick<BrowserSession, 'withPage'>): Promise<TableScroll> {
  const wheel: number[] = [];
  const jumps: number[] = [];
  await session.withPage(RESULTS_PAGE, async (page) => {
    const scroller = page.locator('seg-result seg-table .scroller');
    await scroller.waitFor();
    for (let pass = 0; pass < ctx.options.warmups + ctx.options.runs; pass++) {
      const frames = await scroller.evaluate(async (element) => {
        const time = async (steps: number, move: (i: number) => void) => {
          const times: number[] = [];
          let last = performance.now();
          for (let i = 1; i <= steps; i++) {
            move(i);
            await new Promise((resolve) => requestAnimationFrame(resolve));
            const now = performance.now();
            times.push(now - last);
            last = now;
          }
          return times.sort((a, b) => a - b)[Math.floor(steps / 2)]!;
        };
        element.scrollTop = 0;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return { wheel: await time(60, () => (element.scrollTop += 200)), jumps: await time(40, (i) => (element.scrollTop = (element.scrollHeight * i) / 40)) };
      });
      if (pass < ctx.options.warmups) continue;
      wheel.push(frames.wheel);
      jumps.push(frames.jumps);
    }
  });
  return { wheel: summarise(wheel), jumps: summarise(jumps) };
}
