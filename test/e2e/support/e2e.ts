// What an end-to-end test file sees: `test(name, run)` and the context passed to run.
// A new test is a new file test/e2e/<topic>.e2e.ts that calls test(); the harness finds it.
import type { Page } from 'playwright-core';
import type { PageWatch } from './page-watch.ts';

export interface E2EContext {
  page: Page;
  /** The origin the built app is served from, e.g. http://127.0.0.1:41234. */
  origin: string;
  /** Everything the page did on the network and the console so far. */
  watch: PageWatch;
  /** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** A line printed under the test's result, for measurements worth reading. */
  note(message: string): void;
}

export interface TestOptions {
  timeoutMs?: number;
  /** Problems (console errors, failed requests) this test provokes on purpose; any other fails it. */
  expectedProblems?: RegExp[];
  /**
   * Let the app install its service worker (the offline copy). Blocked otherwise: a service
   * worker answers requests before page.route() sees them, and its first download is load.
   */
  serviceWorkers?: boolean;
}

export interface E2ETest {
  name: string;
  run: (t: E2EContext) => Promise<void>;
  options: TestOptions;
}

const registered: E2ETest[] = [];

export function test(name: string, run: (t: E2EContext) => Promise<void>, options: TestOptions = {}): void {
  registered.push({ name, run, options });
}

export function registeredTests(): readonly E2ETest[] {
  return registered;
}
