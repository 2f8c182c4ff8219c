import assert from 'node:assert/strict';
import { cell, cellCount, cellStatus, eventually, focused, openNotebook, settled } from './notebook-support.ts';
import { savedInBrowser } from './persist-support.ts';
import { setNotebook } from './safety-support.ts';
import { openApp } from './support/app.ts';
import { test, type E2EContext } from './support/e2e.ts';

function notebookText(t: E2EContext): Promise<string> {
  return t.page.evaluate(() => (document.querySelector('seg-notebook') as HTMLElement & { controller: { text(): string } }).controller.text());
}

test('safety: a data file too large for the tab is refused by name before a byte of it is read; the other cells run', async (t) => {
  const huge = 50e9;
  const reads: string[] = [];
  // The server says how large the file is when asked for one byte; any other request would be reading it.
  await t.page.route(`${t.origin}/hostile/huge.csv`, (route) => {
    const range = route.request().headers().range;
    if (range !== 'bytes=0-0') reads.push(range ?? 'the whole file');
    return route.fulfill({ status: 206, headers: { 'content-type': 'text/csv', 'content-range': `bytes 0-0/${huge}` }, body: 'a' });
  });
  await openApp(t);
  await setNotebook(t.page, {
    frontMatter: 'title: Too much data\ndata:\n  huge: hostile/huge.csv\n  customers: ../public/samples/customers.csv\n',
    cells: [
      { kind: 'sql', source: 'select count(*) as n from huge' },
      { kind: 'sql', source: 'select count(*) as n from customers' },
    ],
  });
  const alert = t.page.locator('seg-notebook .problems[role=alert]');
  await eventually(() => alert.innerText().catch(() => ''), (text) => /huge\.csv/.test(text), 'the notebook names the file it refused', 30_000);
  await eventually(() => cellStatus(t, 1), (s) => s === 'done', 'the cell over the other table runs');
  const message = await alert.innerText();
  assert.match(message, /cannot read hostile\/huge\.csv: too large for this tab \(50 GB; text files up to [\d.]+ [MG]B can be loaded here\): load a smaller extract or a sample/);
  assert.equal(await cellStatus(t, 0), 'error');
  assert.match(await cell(t, 0).locator('.errors').innerText(), /huge/);
  assert.deepEqual(reads, [], 'nothing but its size was asked for');
  t.note(`message: ${message.replace(/\s+/g, ' ')}`);
  t.note(`screenshot: ${await t.screenshot('safety-file-too-large')}`);
}, { expectedProblems: [/huge\.csv/] });

test('safety: Interrupt stops a runaway query within a second; the notebook text is untouched and the engine answers at once', async (t) => {
  await openNotebook(t);
  const before = await notebookText(t);
  await t.page.locator('seg-notebook .add-row button', { hasText: 'SQL' }).click();
  const index = (await cellCount(t)) - 1;
  await eventually(() => focused(t), (f) => f?.cell === index && f.where === 'editor', 'the new SQL cell is entered');
  const runaway = 'SELECT count(*) FROM range(3000000000) a, range(10) b WHERE a.range % 7 = b.range';
  await t.page.keyboard.type(runaway);
  await t.page.keyboard.press('Escape');
  await t.page.keyboard.press('ControlOrMeta+Enter');
  await eventually(() => cellStatus(t, index), (s) => s === 'running', 'the runaway query runs');
  await t.page.waitForTimeout(500);

  const stopped = await t.page.evaluate(async (cellIndex) => {
    const host = document.querySelector('seg-notebook') as HTMLElement & { controller: { busy: boolean; cells: { status: string }[] } };
    const interrupt = [...host.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent?.includes('Interrupt'))!;
    const asked = performance.now();
    interrupt.click();
    while (host.controller.busy || host.controller.cells[cellIndex]!.status === 'running') await new Promise((resolve) => setTimeout(resolve, 10));
    return { ms: performance.now() - asked, status: host.controller.cells[cellIndex]!.status };
  }, index);
  t.note(`stopped ${Math.round(stopped.ms)} ms after Interrupt; the cell is ${stopped.status}`);
  assert.ok(stopped.ms < 1000, `stopped within a second (${Math.round(stopped.ms)} ms)`);
  assert.equal(stopped.status, 'stale');

  const text = await notebookText(t);
  assert.equal(text, `${before}\n\`\`\`sql\n${runaway}\n\`\`\`\n`, 'the notebook is its text before, plus the runaway cell');
  const answered = await t.page.evaluate(async () => {
    const host = document.querySelector('seg-notebook') as HTMLElement & { controller: { query(sql: string): Promise<{ rows: unknown[][] }> } };
    const asked = performance.now();
    const { rows } = await host.controller.query('SELECT count(*) AS n FROM customers');
    return { ms: performance.now() - asked, rows };
  });
  t.note(`the engine answered the next query in ${Math.round(answered.ms)} ms`);
  assert.deepEqual(answered.rows, [[3000]]);
  assert.ok(answered.ms < 1000, 'the engine answers at once, without a restart');
  t.note(`screenshot: ${await t.screenshot('safety-interrupted')}`);

  // Reloaded, the notebook runs again, but not the query the analyst stopped.
  await savedInBrowser(t);
  await t.page.reload();
  await settled(t);
  assert.equal(await cellStatus(t, index), 'stale', 'the interrupted cell waits');
  assert.equal(await cellStatus(t, 3), 'done', 'the other cells ran');
  assert.match(await t.page.locator('seg-notebook').evaluate((e) => e.shadowRoot!.textContent ?? ''), /A cell you interrupted before the page was reloaded did not run/);
  await t.page.reload();
  // The cells above it run first: on a slow machine the page takes seconds to reach it.
  await eventually(() => cellStatus(t, index), (s) => s === 'running', 'it holds back one opening only: on the next, it runs', 30_000);
  await t.page.locator('seg-notebook .toolbar button', { hasText: 'Interrupt' }).click();
  await eventually(() => cellStatus(t, index), (s) => s === 'stale', 'and Interrupt stops it again');
  // A reload cuts short what the page was still fetching (the editor's lazily loaded chunks).
}, { expectedProblems: [/\(net::ERR_ABORTED\)$/] });
