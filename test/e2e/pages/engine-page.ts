// The engine's end-to-end test page: the engine suites of test/engine, written for Vitest, run
// here against startBrowserEngine() with the small runner of test/engine/browser. Results show
// in the page and in window.engineTest for test/e2e/engine-suite.e2e.ts; `?only=TEXT` runs the
// tests whose names contain TEXT.
import { startBrowserEngine } from '../../../src/engine/browser.ts';
import { browserFixtures } from '../../engine/browser/browser-fixtures.ts';
import { miniRunner, type TestResult } from '../../engine/browser/mini-runner.ts';
import { declareEngineSuites } from '../../engine/browser/suites.ts';

declare global {
  interface Window {
    engineTest: { done: boolean; results: TestResult[]; names: string[] };
  }
}

const runner = miniRunner();
declareEngineSuites(runner.api, startBrowserEngine, browserFixtures);
const only = new URLSearchParams(location.search).get('only') ?? '';
window.engineTest = { done: false, results: [], names: runner.names() };

const list = document.getElementById('results')!;
const summary = document.getElementById('summary')!;

function show(result: TestResult): void {
  window.engineTest.results.push(result);
  const item = document.createElement('li');
  item.className = result.ok ? 'ok' : 'failed';
  item.append(`${result.name} `);
  const ms = document.createElement('span');
  ms.className = 'ms';
  ms.textContent = `${result.ms} ms`;
  item.append(ms);
  if (result.error) {
    const error = document.createElement('pre');
    error.textContent = result.error;
    item.append(error);
  }
  list.append(item);
}

const results = await runner.run(show, (name) => name.includes(only));
const failed = results.filter((r) => !r.ok).length;
summary.textContent = `Engine suites in this browser: ${results.length - failed} passed, ${failed} failed`;
window.engineTest.done = true;
