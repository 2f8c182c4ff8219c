/**
 * Real Chromium for the browser rows: the app and the benchmark pages built by Vite into
 * bench-data/browser-dist/ (dist/ stays the e2e harness's), served the way a host would
 * (scripts/static-server.ts) with the data at /data/, and Debian's Chromium driven by playwright-core.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/chromium.ts';
import { startStaticServer, type RunningServer } from '../static-server.ts';
import { ROOT } from './paths.ts';
import { runProcess } from './processes.ts';
import { BENCH_DIST } from './vite.bench.config.ts';

export const PAGES = {
  app: '/',
  bare: '/scripts/bench/pages/bare.html',
  engine: '/scripts/bench/pages/engine.html',
  diagnostics: '/scripts/bench/pages/diagnostics.html',
};

export class BrowserSession {
  private constructor(
    readonly origin: string,
    private readonly server: RunningServer,
    private readonly browser: Browser,
  ) {}

  /** Builds, serves `dataDir` at /data/ beside the build, and launches Chromium. */
  static async start(dataDir: string, log: (line: string) => void): Promise<BrowserSession> {
    const dist = path.join(ROOT, BENCH_DIST);
    log('  building the app and the benchmark pages (vite) ...');
    await runProcess(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'scripts/bench/vite.bench.config.ts', '--logLevel', 'error']);
    const link = path.join(dist, 'data');
    fs.rmSync(link, { force: true });
    fs.symlinkSync(dataDir, link, 'dir');
    const server = await startStaticServer(dist);
    try {
      return new BrowserSession(server.origin, server, await launchChromium());
    } catch (error) {
      await server.close();
      throw error;
    }
  }

  /** A page in a fresh context (empty cache and storage): a cold open every time. */
  async withPage<T>(pathname: string, work: (page: Page) => Promise<T>): Promise<T> {
    // No offline copy (the app's service worker) downloading 40 MB behind a measurement.
    const context = await this.browser.newContext({ serviceWorkers: 'block' });
    // Functions passed to the page from tsx-compiled code carry `__name(...)` calls (see scripts/e2e/run.ts).
    await context.addInitScript('globalThis.__name ??= (fn) => fn;');
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(180_000);
      await page.goto(this.origin + pathname);
      return await work(page);
    } finally {
      await context.close();
    }
  }

  version(): string {
    return this.browser.version();
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.close();
  }
}
