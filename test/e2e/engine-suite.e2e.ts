import assert from 'node:assert/strict';
import type { TestResult } from '../engine/browser/mini-runner.ts';
import { declaredTestNames, ENGINE_PAGE, serveParquetFixtures } from './engine-support.ts';
import { test } from './support/e2e.ts';

test(
  'engine: the engine and safety suites of test/engine pass in Chromium, test for test as in Node',
  async (t) => {
    const cleanUp = await serveParquetFixtures(t.page);
    try {
      // A page that fails to start (a bundling mistake) fails the test now, not at its timeout.
      const broken = new Promise<never>((_, reject) => t.page.once('pageerror', (e) => reject(new Error(`the test page failed: ${e.message}`))));
      broken.catch(() => undefined);
      await t.page.goto(`${t.origin}${ENGINE_PAGE}`);
      await Promise.race([t.page.waitForFunction(() => window.engineTest?.done === true, undefined, { timeout: 280_000, polling: 500 }), broken]);
      const results: TestResult[] = await t.page.evaluate(() => window.engineTest.results);
      t.note(`screenshot: ${await t.screenshot('engine-suite')}`);
      const failed = results.filter((r) => !r.ok);
      const seconds = (results.reduce((sum, r) => sum + r.ms, 0) / 1000).toFixed(1);
      t.note(`${results.length - failed.length} of ${results.length} engine tests passed in Chromium (${seconds} s in tests)`);
      assert.deepEqual(
        failed.map((r) => `${r.name}\n       ${r.error?.replace(/\n/g, '\n       ')}`),
        [],
        `failed in Chromium:\n${failed.map((r) => `  ${r.name}: ${r.error}`).join('\n')}`,
      );
      assert.deepEqual(results.map((r) => r.name), declaredTestNames(), 'the page ran exactly the tests the suites declare');
    } finally {
      cleanUp();
    }
  },
  {
    timeoutMs: 300_000,
    // The suite's "file not found" test asks for a file that is not there, on purpose.
    expectedProblems: [/engine-fixtures\/absent\/nowhere\.csv/],
  },
);
