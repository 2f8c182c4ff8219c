// The end-to-end harness: build the app, serve dist/ on a free local port, open each test in a
// fresh browser context of system Chromium, print `ok`/`FAIL` per test and `N passed, M failed`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { registeredTests, type E2ETest } from '../../test/e2e/support/e2e.ts';
import { PageWatch } from '../../test/e2e/support/page-watch.ts';
import { startStaticServer } from '../static-server.ts';
import { E2E_ARGS, launchChromium } from './chromium.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TEST_DIR = path.join(ROOT, 'test/e2e');
const RESULTS_DIR = path.join(ROOT, 'test-results');
const DEFAULT_TIMEOUT_MS = 90_000;

interface Options {
  build: boolean;
  only?: RegExp;
  /** Where the build goes and is served from; separate folders let several runs share a checkout. */
  dist: string;
}

export async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  if (!options) return 2;
  if (options.build && !(await build(options.dist))) {
    console.log('FAIL build: `npm run build` failed');
    console.log('0 passed, 1 failed');
    return 1;
  }
  const loadErrors = await importTestFiles();
  const tests = registeredTests().filter((t) => !options.only || options.only.test(t.name));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });

  const server = await startStaticServer(options.dist);
  let browser: Browser | undefined;
  let passed = 0;
  let failed = loadErrors.length;
  for (const error of loadErrors) console.log(`FAIL ${error}`);
  try {
    browser = await launchChromium(E2E_ARGS);
    for (const test of tests) {
      if (await runTest(browser, server.origin, test)) passed++;
      else failed++;
    }
  } catch (error) {
    console.log(`FAIL harness: ${messageOf(error)}`);
    failed++;
  } finally {
    await browser?.close();
    await server.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

function parseArgs(argv: string[]): Options | undefined {
  const options: Options = { build: true, dist: path.join(ROOT, 'dist') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-build') options.build = false;
    else if (argv[i] === '--dist' && i + 1 < argv.length) options.dist = path.resolve(argv[++i]);
    else if (argv[i] === '--only' && i + 1 < argv.length) options.only = new RegExp(argv[++i]);
    else {
      console.error('usage: node scripts/e2e.mjs [--no-build] [--only PATTERN] [--dist DIR]');
      return undefined;
    }
  }
  return options;
}

async function build(dist: string): Promise<boolean> {
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  return (
    (await run(process.execPath, [vite, 'build', '--outDir', dist, '--emptyOutDir'])) === 0 &&
    (await run(process.execPath, [path.join(ROOT, 'scripts/check-dist.mjs'), dist])) === 0
  );
}

/** Imports every test/e2e/**\/*.e2e.ts; a file that fails to load is reported as a failure. */
async function importTestFiles(): Promise<string[]> {
  const files = fs.readdirSync(TEST_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.e2e\.(ts|mjs)$/.test(file))
    .sort();
  const errors: string[] = [];
  for (const file of files) {
    try {
      await import(pathToFileURL(path.join(TEST_DIR, file)).href);
    } catch (error) {
      errors.push(`${file}: could not load: ${messageOf(error)}`);
    }
  }
  return errors;
}

async function runTest(browser: Browser, origin: string, test: E2ETest): Promise<boolean> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: test.options.serviceWorkers ? 'allow' : 'block' });
  // tsx compiles the tests with esbuild's keepNames, which wraps named functions in __name(...);
  // functions passed to page.evaluate() carry those calls into the page, so define the helper there.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  const page = await context.newPage();
  const watch = new PageWatch(origin);
  watch.attach(context, page);
  const notes: string[] = [];
  const started = Date.now();
  const timeoutMs = test.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  page.setDefaultTimeout(timeoutMs);
  let failure: string | undefined;
  try {
    await withTimeout(
      test.run({
        page,
        origin,
        watch,
        note: (message) => notes.push(message),
        screenshot: async (name) => {
          const file = path.join(RESULTS_DIR, `${name}.png`);
          await page.screenshot({ path: file, fullPage: true });
          return path.relative(ROOT, file);
        },
      }),
      timeoutMs,
    );
    const problems = watch.problems(test.options.expectedProblems);
    if (problems.length) failure = problems.join('\n     ');
  } catch (error) {
    failure = messageOf(error);
    const shot = path.join(RESULTS_DIR, `${slug(test.name)}-failure.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    const problems = watch.problems(test.options.expectedProblems);
    if (problems.length) failure += `\n     ${problems.join('\n     ')}`;
    notes.push(`screenshot: ${path.relative(ROOT, shot)}`);
  } finally {
    await context.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(failure ? `FAIL ${test.name} (${seconds} s): ${failure}` : `ok   ${test.name} (${seconds} s)`);
  for (const note of notes) console.log(`     ${note}`);
  return !failure;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
