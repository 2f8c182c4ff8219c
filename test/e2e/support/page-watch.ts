// Records every request a browser context makes (pages and their workers), failed loads,
// console errors and uncaught page errors, so each test can be checked for all of them.
import type { BrowserContext, Page, Request } from 'playwright-core';

export class PageWatch {
  readonly requests: string[] = [];
  readonly failedRequests: string[] = [];
  readonly consoleErrors: string[] = [];
  readonly pageErrors: string[] = [];

  /** Contexts the test is closing: what their pages were still loading is cut short by the test. */
  private readonly closing = new WeakSet<BrowserContext>();

  constructor(readonly origin: string) {}

  attach(context: BrowserContext, page: Page): void {
    // A reload or goto the test does leaves the page: what it was still loading is cut short
    // (the loader database's wasm, fetched once the first results are on screen), as by a close.
    let navigations = 0;
    const startedAfter = new WeakMap<Request, number>();
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations++;
    });
    context.on('request', (request) => {
      this.requests.push(request.url());
      startedAfter.set(request, navigations);
    });
    context.on('requestfailed', (request) => {
      if (this.closing.has(context)) return;
      const failure = request.failure()?.errorText ?? 'failed';
      if (failure === 'net::ERR_ABORTED' && (startedAfter.get(request) ?? navigations) < navigations) return;
      this.failedRequests.push(`${request.url()} (${failure})`);
    });
    context.on('response', (response) => {
      if (response.status() >= 400) this.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
    });
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // "Failed to load resource" names no URL in its text; the location does.
      const { url } = message.location();
      this.consoleErrors.push(url && !message.text().includes(url) ? `${message.text()} (${url})` : message.text());
    });
    page.on('pageerror', (error) => this.pageErrors.push(error.stack ?? error.message));
  }

  /**
   * Closes a context the test opened besides its own. The app may still be loading then (the loader
   * database's wasm, fetched once the first results are on screen); the close cuts that short.
   */
  async close(context: BrowserContext): Promise<void> {
    this.closing.add(context);
    await context.close();
  }

  /** Requests to anything but the app's own origin (blob: URLs of this origin count as local). */
  offOrigin(): string[] {
    return this.requests.filter((url) => !isLocal(url, this.origin));
  }

  /** Every problem that fails a test. Requests off the origin and uncaught errors are never expected. */
  problems(expectedProblems: RegExp[] = []): string[] {
    const expected = (problem: string) => expectedProblems.some((re) => re.test(problem));
    return [
      ...this.offOrigin().map((url) => `request left the origin: ${url}`),
      ...this.pageErrors.map((text) => `page error: ${text}`),
      ...this.failedRequests.map((what) => `request failed: ${what}`).filter((p) => !expected(p)),
      ...this.consoleErrors.map((text) => `console error: ${text}`).filter((p) => !expected(p)),
    ];
  }
}

function isLocal(url: string, origin: string): boolean {
  if (url.startsWith('data:')) return true;
  const bare = url.startsWith('blob:') ? url.slice('blob:'.length) : url;
  try {
    return new URL(bare).origin === origin;
  } catch {
    return false;
  }
}
