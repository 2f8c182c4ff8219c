import assert from 'node:assert/strict';
import fs from 'node:fs';
import YAML from 'yaml';
import { cell, cellStatus } from './notebook-support.ts';
import { csvField, executableMarkup, fromFileMenu, installSentinel, provesTheSentinelWorks, rendered, sentinelHits, serveFile, setNotebook, withoutPolicy, xssPayloads } from './safety-support.ts';
import { openApp } from './support/app.ts';
import { test } from './support/e2e.ts';

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;
const sqlName = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A file whose header is every payload, and whose two rows hold every payload again, shifted. */
function columnsCsv(payloads: string[]): string {
  const row = (shift: number) => payloads.map((_, i) => csvField(payloads[(i + shift) % payloads.length]!)).join(',');
  return [payloads.map(csvField).join(','), row(1), row(2)].join('\r\n') + '\r\n';
}

/** One row per payload: an id, the payload as a label, a number for charts. */
function labelsCsv(payloads: string[]): string {
  return ['id,label,n', ...payloads.map((p, i) => `${i + 1},${csvField(p)},${(i % 7) + 1}`)].join('\n') + '\n';
}

test('safety: every XSS payload as column names, values, a table name and SQL text shows as text in tables, charts, editors, compiled SQL and the HTML report; nothing runs', async (t) => {
  const payloads = xssPayloads();
  const tableName = '<img src=x onerror=alert(1)>';
  await installSentinel(t.page);
  await withoutPolicy(t);
  // The files come through the app's own data path: the front matter names them, the page fetches them.
  await serveFile(t, '/hostile/columns.csv', columnsCsv(payloads));
  await serveFile(t, '/hostile/labels.csv', labelsCsv(payloads));
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  await openApp(t);
  await provesTheSentinelWorks(t.page);
  t.note(`app open after ${seconds()}`);

  const half = Math.ceil(payloads.length / 2);
  await setNotebook(t.page, {
    frontMatter: YAML.stringify({
      title: 'Hostile data',
      data: { columns: { path: 'hostile/columns.csv', delimiter: ',', header: true }, labels: 'hostile/labels.csv', [tableName]: 'hostile/labels.csv' },
    }),
    cells: [
      { kind: 'sql', source: 'select * from columns' },
      {
        kind: 'seg',
        source: [
          'population labels key id',
          `segment named = label in (${payloads.slice(0, half).map(sqlString).join(', ')})`,
          'compare everyone, named on avg(n) by label',
          'profile named vs everyone',
          'show named limit 5',
        ].join('\n'),
      },
      { kind: 'sql', source: `select label as ${sqlName(payloads[0]!)}, n from ${sqlName(tableName)} order by id` },
      { kind: 'sql', source: `select * from (values ${payloads.slice(half).map((p) => `(${sqlString(p)})`).join(', ')}) as t(${sqlName(payloads.at(-1)!)})` },
      // For the report: its Markdown is rendered and sanitised apart from the page's.
      ...payloads.map((source) => ({ kind: 'markdown' as const, source })),
    ],
  });
  await t.page.waitForFunction(() => {
    const host = document.querySelector('seg-notebook') as HTMLElement & { controller: { busy: boolean; cells: { status: string }[] } };
    const cells = host.controller.cells;
    const code = cells.slice(0, 4);
    return !host.controller.busy && code.length === 4 && code.every((c) => c.status === 'done' || c.status === 'error');
  });
  // The code editors come in after the first results; they show the payloads in the cells' text.
  await t.page.waitForFunction(() => {
    const cells = [...(document.querySelector('seg-notebook')?.shadowRoot?.querySelectorAll('seg-cell') ?? [])];
    return cells.slice(0, 4).every((c) => c.shadowRoot?.querySelector('seg-code-editor')?.shadowRoot?.querySelector('.monaco-editor .view-lines'));
  });
  t.note(`hostile notebook ran, editors up after ${seconds()}`);
  for (let i = 0; i < 4; i++) assert.equal(await cellStatus(t, i), 'done', `cell ${i} ran: ${await cell(t, i).locator('.errors').allInnerTexts()}`);

  // Column names and values, as the engine has them and as the table shows them.
  const table = await cell(t, 0).locator('seg-table').evaluate((el) => {
    const root = el.shadowRoot!;
    return {
      headers: [...root.querySelectorAll('[role=columnheader] .name')].map((h) => h.textContent ?? ''),
      rows: [...root.querySelectorAll('.body [role=row]')].map((r) => [...r.querySelectorAll('[role=cell]')].map((c) => c.textContent ?? '')),
    };
  });
  const columns = await t.page.evaluate(() => {
    const host = document.querySelector('seg-notebook') as HTMLElement & { controller: { language: { catalog(): { tables: { name: string; columns: { name: string }[] }[] } } } };
    return host.controller.language.catalog().tables.find((x) => x.name === 'columns')!.columns.map((c) => c.name);
  });
  assert.deepEqual(table.headers, columns, 'the table heads every column with its name, as text');
  assert.equal(table.rows.length, 2);
  const exactNames = columns.filter((name, i) => name === payloads[i]).length;
  const exactValues = table.rows.flatMap((row, r) => row.filter((text, i) => text === payloads[(i + r + 1) % payloads.length])).length;
  t.note(`${columns.length} columns, ${exactNames} named exactly as their payload (DuckDB renames duplicates and trims); ${exactValues} of ${2 * payloads.length} values shown exactly`);
  assert.ok(exactNames > payloads.length * 0.9, 'the column names are the payloads');
  assert.ok(exactValues > payloads.length * 1.8, 'the values are the payloads');

  // Charts: one bar per label, and the profile's attribute values.
  const charts = cell(t, 1).locator('.seg-chart');
  assert.ok((await charts.count()) >= 2, 'the compare and profile charts are drawn');
  const chartText = (await charts.allTextContents()).join('\n');
  const labelled = payloads.filter((p) => p.length < 40 && !/\s/.test(p) && chartText.includes(p)).length;
  t.note(`${labelled} short payloads found verbatim in the charts' text`);
  assert.ok(labelled > 0, 'payloads are drawn as chart labels');

  // Compiled SQL, opened in every code cell.
  const summaries = t.page.locator('seg-notebook seg-cell seg-compiled-sql summary');
  const opened = await summaries.count();
  for (let i = 0; i < opened; i++) await summaries.nth(i).click();
  await t.page.locator('seg-notebook seg-compiled-sql .body[aria-busy=false]').nth(opened - 1).waitFor();
  t.note(`compiled SQL opened in ${opened} cells after ${seconds()}`);
  const compiled = await cell(t, 1).locator('seg-compiled-sql pre').innerText();
  assert.ok(compiled.includes(payloads[0]!.replace(/'/g, "''").split('\n')[0]!), 'the compiled SQL shows the payloads as written');

  await rendered(t.page);
  await t.page.waitForTimeout(1000);
  assert.deepEqual(await executableMarkup(t.page), []);
  assert.deepEqual(await sentinelHits(t.page), []);
  assert.match(await t.page.locator('seg-notebook .data').innerText(), /<img src=x onerror=alert\(1\)>/, 'the hostile table name is shown as text');
  await cell(t, 0).locator('seg-table').scrollIntoViewIfNeeded();
  await t.page.screenshot({ path: 'test-results/safety-xss-data-table.png' });
  await cell(t, 1).locator('.seg-chart').nth(1).scrollIntoViewIfNeeded();
  await t.page.screenshot({ path: 'test-results/safety-xss-data-charts.png' });
  await cell(t, 1).locator('seg-compiled-sql').scrollIntoViewIfNeeded();
  await t.page.screenshot({ path: 'test-results/safety-xss-data-sql.png' });
  t.note('screenshots: test-results/safety-xss-data-{table,charts,sql}.png');

  // The HTML report is a file people open anywhere, without the app's policy: it must run nothing either.
  const [file] = await Promise.all([t.page.waitForEvent('download'), fromFileMenu(t.page, 'Export', 'HTML report')]);
  const report = fs.readFileSync(await file.path(), 'utf8');
  const viewer = await t.page.context().newPage();
  await installSentinel(viewer);
  await viewer.route(`${t.origin}/exported-report.html`, (route) => route.fulfill({ contentType: 'text/html', body: report }));
  await viewer.goto(`${t.origin}/exported-report.html`);
  await viewer.waitForTimeout(1000);
  assert.equal(await viewer.locator('script').count(), 0, 'the report has no script');
  assert.deepEqual(await executableMarkup(viewer), []);
  assert.deepEqual(await sentinelHits(viewer), []);
  assert.equal(await viewer.locator('section.cell.markdown').count(), payloads.length, 'every Markdown cell is in the report');
  assert.ok((await viewer.locator('figure.result').count()) >= 5, 'so are the results');
  t.note(`the HTML report (${report.length.toLocaleString('en-US')} characters) runs nothing`);
  await viewer.screenshot({ path: 'test-results/safety-xss-report.png' });
  await viewer.close();
}, { timeoutMs: 120_000 });
