/**
 * The part of Vitest's API the shared engine suites are written against, passed in rather than
 * imported: Vitest's own functions in Node, a small runner of the same shape in the browser
 * (browser/mini-runner.ts), so one suite runs on both.
 */
import type { ExpectStatic } from 'vitest';

type Body = () => unknown;

export interface SuiteApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: Body, timeoutMs?: number): void;
  beforeAll(body: Body, timeoutMs?: number): void;
  afterAll(body: Body, timeoutMs?: number): void;
  expect: ExpectStatic;
}
