/**
 * Enough of Vitest to run the shared engine suites in a browser page: `describe`, `it`,
 * `beforeAll`, `afterAll` collect a tree; `run()` runs it in order, one test at a time, with
 * Vitest's semantics for hooks (a failing beforeAll fails its suite's tests) and timeouts.
 * `expect` is Vitest's own (chai with @vitest/expect's matchers).
 */
import type { SuiteApi } from '../suite-api.ts';
import { expect } from './expect.ts';

type Body = () => unknown;

export interface TestResult {
  /** The describe names and the test's, joined with ' > ', as Vitest prints them. */
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

interface Test {
  kind: 'test';
  name: string;
  body: Body;
  timeoutMs: number;
}

interface Suite {
  kind: 'suite';
  name: string;
  children: (Suite | Test)[];
  beforeAll: { body: Body; timeoutMs: number }[];
  afterAll: { body: Body; timeoutMs: number }[];
}

/** The defaults of vitest.config.ts. */
const TEST_TIMEOUT_MS = 30_000;
const HOOK_TIMEOUT_MS = 60_000;

export interface MiniRunner {
  api: SuiteApi;
  /** The full names of the tests collected so far, in order. */
  names(): string[];
  /** Runs the tests `only` accepts (all by default); `onResult` hears of each as it ends. */
  run(onResult?: (result: TestResult) => void, only?: (name: string) => boolean): Promise<TestResult[]>;
}

export function miniRunner(): MiniRunner {
  const root: Suite = { kind: 'suite', name: '', children: [], beforeAll: [], afterAll: [] };
  let current = root;
  const api: SuiteApi = {
    describe(name, body) {
      const suite: Suite = { kind: 'suite', name, children: [], beforeAll: [], afterAll: [] };
      current.children.push(suite);
      const parent = current;
      current = suite;
      try {
        body();
      } finally {
        current = parent;
      }
    },
    it(name, body, timeoutMs = TEST_TIMEOUT_MS) {
      current.children.push({ kind: 'test', name, body, timeoutMs });
    },
    beforeAll(body, timeoutMs = HOOK_TIMEOUT_MS) {
      current.beforeAll.push({ body, timeoutMs });
    },
    afterAll(body, timeoutMs = HOOK_TIMEOUT_MS) {
      current.afterAll.push({ body, timeoutMs });
    },
    expect,
  };
  return {
    api,
    names: () => testNames(root, []),
    async run(onResult = () => undefined, only = () => true) {
      const results: TestResult[] = [];
      const report = (result: TestResult) => {
        results.push(result);
        onResult(result);
      };
      await runSuite(root, [], report, only);
      return results;
    },
  };
}

function testNames(suite: Suite, path: string[]): string[] {
  const here = suite.name ? [...path, suite.name] : path;
  return suite.children.flatMap((child) => (child.kind === 'suite' ? testNames(child, here) : [[...here, child.name].join(' > ')]));
}

type Report = (result: TestResult) => void;

async function runSuite(suite: Suite, path: string[], report: Report, only: (name: string) => boolean): Promise<void> {
  const here = suite.name ? [...path, suite.name] : path;
  // A suite none of whose tests are wanted runs no hooks either (they start engines).
  if (!testNames(suite, path).some(only)) return;
  let setupError: string | undefined;
  for (const hook of suite.beforeAll) {
    setupError ??= await attempt(hook.body, hook.timeoutMs, 'beforeAll');
  }
  for (const child of suite.children) {
    if (child.kind === 'suite') {
      if (setupError) failAll(child, here, `beforeAll failed: ${setupError}`, report, only);
      else await runSuite(child, here, report, only);
      continue;
    }
    const name = [...here, child.name].join(' > ');
    if (!only(name)) continue;
    if (setupError) {
      report({ name, ok: false, ms: 0, error: `beforeAll failed: ${setupError}` });
      continue;
    }
    const started = performance.now();
    const error = await attempt(child.body, child.timeoutMs, 'test');
    report({ name, ok: !error, ms: Math.round(performance.now() - started), ...(error ? { error } : {}) });
  }
  for (const hook of suite.afterAll) {
    const error = await attempt(hook.body, hook.timeoutMs, 'afterAll');
    if (error) report({ name: [...here, '(afterAll)'].join(' > '), ok: false, ms: 0, error });
  }
}

function failAll(suite: Suite, path: string[], error: string, report: Report, only: (name: string) => boolean): void {
  for (const name of testNames(suite, path).filter(only)) report({ name, ok: false, ms: 0, error });
}

/** Runs `body` within `timeoutMs`; the failure's description, or undefined when it passed. */
async function attempt(body: Body, timeoutMs: number, what: string): Promise<string | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(body), timeout]);
    return undefined;
  } catch (error) {
    return describeError(error);
  } finally {
    clearTimeout(timer);
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { actual, expected } = error as Error & { actual?: unknown; expected?: unknown };
  const lines = [`${error.name}: ${error.message}`];
  if (actual !== undefined || expected !== undefined) {
    lines.push(`expected: ${preview(expected)}`, `actual:   ${preview(actual)}`);
  }
  return lines.join('\n');
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}
