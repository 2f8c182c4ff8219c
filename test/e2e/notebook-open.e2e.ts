import assert from 'node:assert/strict';
import { openApp } from './support/app.ts';
import { test } from './support/e2e.ts';

test('notebook: opens the getting-started notebook, runs it and draws its charts, all from its own origin', async (t) => {
  const timings = await openApp(t);
  t.note(`engine ready ${Math.round(timings.engineReadyMs)} ms, first chart ${Math.round(timings.firstChartMs)} ms after navigation`);
  assert.equal(await t.page.locator('seg-notebook header h1').innerText(), 'Getting started with Segbook');
  t.note(`screenshot: ${await t.screenshot('notebook-open')}`);
});
