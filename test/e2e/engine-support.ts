// What the engine's test page needs from Node: Parquet fixtures written by native DuckDB (the
// browser has no Parquet writer), served on the page's own origin through a Playwright route,
// and the names of the tests the suites declare, to check the page ran every one of them.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURE_PATH } from '../engine/browser/browser-fixtures.ts';
import { miniRunner } from '../engine/browser/mini-runner.ts';
import { declareEngineSuites } from '../engine/browser/suites.ts';
import { writeParquet } from '../engine/node-fixtures.ts';

export const ENGINE_PAGE = '/test/e2e/pages/engine.html';

/** Answers the page's requests for `/engine-fixtures/parquet/CODEC/NAME?sql=SQL`; returns a clean-up. */
export async function serveParquetFixtures(page: Page): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'segbook-e2e-parquet-'));
  await page.route(`**${FIXTURE_PATH}parquet/**`, async (route) => {
    const url = new URL(route.request().url());
    const [codec, name] = url.pathname.slice(`${FIXTURE_PATH}parquet/`.length).split('/').map(decodeURIComponent);
    const sql = url.searchParams.get('sql') ?? '';
    const path = join(dir, `${createHash('sha1').update(`${codec} ${sql}`).digest('hex')}-${name}`);
    if (!existsSync(path)) await writeParquet(path, sql, codec);
    const body = readFileSync(path);
    const headers = { 'content-type': 'application/vnd.apache.parquet', 'accept-ranges': 'bytes' };
    // The engine asks for one byte first, to learn the file's size (browser-files.ts).
    if (route.request().headers().range === 'bytes=0-0') {
      await route.fulfill({ status: 206, body: body.subarray(0, 1), headers: { ...headers, 'content-range': `bytes 0-0/${body.length}` } });
    } else {
      await route.fulfill({ status: 200, body, headers });
    }
  });
  return () => rmSync(dir, { recursive: true, force: true });
}

/** The full names of the tests the browser page declares, collected in Node without running them. */
export function declaredTestNames(): string[] {
  const runner = miniRunner();
  const never = () => Promise.reject(new Error('not started: names only'));
  declareEngineSuites(runner.api, never, {
    file: never,
    parquet: never,
    missing: () => ({ source: { kind: 'path', path: '' }, label: '' }),
  });
  return runner.names();
}
