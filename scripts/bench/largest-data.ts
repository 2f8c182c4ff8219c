/**
 * The largest data set one tab handles (#6): 1M customers and 20M orders (the events), as CSV,
 * loaded into one sandboxed engine the way the app loads an analyst's files (kept in OPFS, read
 * through file handles), then one segmentation-style query over both. The browser gets a profile
 * on disk, as an analyst's has (in a private context OPFS and large Blobs would be held in memory).
 * Peak memory is the largest sum of the resident memory of that browser's processes, sampled
 * twice a second.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium.ts';
import type { BrowserSession } from './browser-session.ts';
import { PAGES } from './browser-session.ts';
import type { BenchContext } from './context.ts';
import type { BenchPage, PageLoad } from './pages/engine.ts';
import { BENCH_DATA, ROOT } from './paths.ts';
import { runProcess } from './processes.ts';

export const LARGEST = { customers: 1_000_000, orders: 20_000_000 };
const DIR = path.join(BENCH_DATA, 'retail-1m-20m');
/** Spend and orders per country over both tables, the shape of a segmentation query. */
const QUERY =
  'SELECT c.country, count(DISTINCT c.customer_id) AS buyers, count(*) AS orders, sum(o.amount) AS spend ' +
  'FROM customers c JOIN orders o USING (customer_id) GROUP BY c.country';

export interface LargestData {
  customers: PageLoad;
  orders: PageLoad;
  csvBytes: number;
  queryMs: number;
  peakBytes: number;
}

/**
 * The 1M customers + 20M orders CSV files, generated once (about 1 GB) when `generate` is set:
 * generating them takes longer than the rest of a fresh clone's `npm run bench` would leave.
 * Files written by other generator arguments (an earlier target) count as not generated.
 */
export async function ensureLargest(log: (line: string) => void, generate: boolean): Promise<string | undefined> {
  const ready = path.join(DIR, 'ready.json');
  const args = ['scripts/generate-sample-data.mjs', '--customers', String(LARGEST.customers), '--orders', String(LARGEST.orders), '--out', path.relative(ROOT, DIR)];
  if (readyGenerator(ready) !== args.join(' ')) {
    if (!generate) return undefined;
    log(`  generating ${LARGEST.customers.toLocaleString('en-US')} customers and ${LARGEST.orders.toLocaleString('en-US')} orders into ${path.relative(ROOT, DIR)}/ ...`);
    fs.rmSync(ready, { force: true });
    await runProcess(process.execPath, args);
    fs.writeFileSync(ready, JSON.stringify({ generator: args.join(' ') }, null, 2));
  }
  return DIR;
}

function readyGenerator(ready: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(ready, 'utf8')) as { generator?: string }).generator;
  } catch {
    return undefined;
  }
}

/** The measurement, or why it was skipped. */
export async function largestDataSet(ctx: BenchContext, session: BrowserSession): Promise<LargestData | string> {
  const dir = await ensureLargest(ctx.log, ctx.options.largest);
  if (!dir) return `skipped: its 1.1 GB of CSV is not generated yet — \`npm run bench -- --largest\` generates it once (several minutes) into ${path.relative(ROOT, DIR)}/`;
  const url = (file: string) => `/data/${path.relative(BENCH_DATA, path.join(dir, file))}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'segbook-largest-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const sampler = memorySampler(profile);
  try {
    await context.addInitScript('globalThis.__name ??= (fn) => fn;');
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(900_000);
    await page.goto(session.origin + PAGES.engine);
    await page.waitForFunction(() => window.bench);
    const result = (await page.evaluate(
      async ([customers, orders, query]) => {
        const bench = window.bench as BenchPage | { error: string };
        if ('error' in bench) throw new Error(bench.error);
        const loads = await bench.loadAll([
          ['customers', customers!],
          ['orders', orders!],
        ]);
        return [...loads, await bench.query(query!)];
      },
      [url('customers.csv'), url('orders.csv'), QUERY],
    )) as PageLoad[];
    return {
      customers: result[0]!,
      orders: result[1]!,
      queryMs: result[2]!.ms,
      csvBytes: ['customers.csv', 'orders.csv'].reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0),
      peakBytes: sampler.peak(),
    };
  } finally {
    sampler.stop();
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Samples the resident memory of the browser started with `profile` and of every process under
 * it (renderer, workers' process, GPU, utilities), so other browsers on the machine do not count.
 */
function memorySampler(profile: string): { peak(): number; stop(): void } {
  let peak = 0;
  const sample = () => {
    try {
      const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 16 << 20 })
        .split('\n')
        .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), rss: Number(m[3]) * 1024, args: m[4]! }));
      const ours = new Set(rows.filter((r) => r.args.includes(`--user-data-dir=${profile}`)).map((r) => r.pid));
      for (let grew = true; grew; ) {
        grew = false;
        for (const r of rows) if (!ours.has(r.pid) && ours.has(r.ppid)) grew = ours.add(r.pid) !== undefined;
      }
      peak = Math.max(peak, rows.filter((r) => ours.has(r.pid)).reduce((sum, r) => sum + r.rss, 0));
    } catch {
      // ps is missing: no memory figure.
    }
  };
  const timer = setInterval(sample, 500);
  return {
    peak: () => (sample(), peak),
    stop: () => clearInterval(timer),
  };
}
