import assert from 'node:assert/strict';
import fs from 'node:fs';
import { menuMessage, notebookText, savedInBrowser } from './persist-support.ts';
import { addFiles, panel, queryInCell, reopenApp, settledRow, tableRow } from './data-support.ts';
import { openNotebook, settled, shotOf } from './notebook-support.ts';
import { test } from './support/e2e.ts';

const PEOPLE = 'id;name;joined\n1;Ann;2024-01-05\n2;Bo;2024-02-11\n3;Cy;2024-03-30\n';

test('data: a file added through the picker becomes a table a cell queries; reopening the app reads it from the browser without asking', async (t) => {
  await openNotebook(t);
  await addFiles(t, [{ name: 'People List.csv', content: PEOPLE }]);
  assert.match(await settledRow(t, 'people_list'), /^3 rows · 3 columns$/);
  assert.match(await queryInCell(t, 'select count(*) as n, max(name) as last from people_list'), /\bn\b.*\b3\b.*Cy/);
  // The same file given again is not copied over the one kept (which a table may be reading).
  const storedAt = () => t.page.evaluate(async () => {
    const directory = await (await navigator.storage.getDirectory()).getDirectoryHandle('segbook-data');
    return (await (await directory.getFileHandle(encodeURIComponent('People List.csv'))).getFile()).lastModified;
  });
  const before = await storedAt();
  await addFiles(t, [{ name: 'People List.csv', content: PEOPLE }]);
  assert.match(await settledRow(t, 'people_list'), /^3 rows · 3 columns$/);
  assert.equal(await storedAt(), before, 'the kept file is left as it was');

  await tableRow(t, 'people_list').locator('button.toggle').click();
  const details = tableRow(t, 'people_list').locator('seg-data-table');
  assert.match(await details.locator('.columns').innerText(), /id\s+BIGINT[\s\S]*name\s+VARCHAR[\s\S]*joined\s+DATE/);
  await details.locator('seg-table').waitFor();
  assert.match(await details.locator('seg-table').evaluate((e) => e.shadowRoot!.textContent ?? ''), /Ann[\s\S]*Bo[\s\S]*Cy/);
  const yaml = await t.page.evaluate(() => (document.querySelector('seg-notebook') as HTMLElement & { controller: { getNotebook(): { frontMatter?: string } } }).controller.getNotebook().frontMatter);
  assert.match(yaml ?? '', /people_list: People List\.csv/, 'the front matter records the table and its file');
  t.note(`screenshot: ${await shotOf(panel(t), 'data-panel-light')}`);
  await t.page.emulateMedia({ colorScheme: 'dark' });
  await t.page.waitForTimeout(200);
  t.note(`screenshot: ${await shotOf(panel(t), 'data-panel-dark')}`);

  const again = await reopenApp(t);
  assert.match(await settledRow(again, 'people_list'), /^3 rows · 3 columns$/, 'the table is back after reopening');
  assert.equal(await panel(again).locator('.missing').count(), 0, 'nothing is asked for');
  assert.match(await queryInCell(again, 'select name from people_list where id = 2'), /\bBo\b/);
});

test('data: a wide table scrolls inside its row, the page keeps its width; IDs and years read without separators', async (t) => {
  await openNotebook(t);
  const extra = Array.from({ length: 24 }, (_, i) => `measure_${i + 1}`);
  const header = ['ID', 'Year_Birth', 'Income', ...extra].join(',');
  // Thirty rows: the preview holds the first 20, and says of how many.
  const people = [[5524, 1957, 58138], [2174, 1954, 46344], ...Array.from({ length: 28 }, (_, i) => [9000 + i, 1980, 40000])];
  const rows = people.map((r) => [...r, ...extra.map((_, i) => i * 1000)].join(','));
  await addFiles(t, [{ name: 'wide.csv', content: `${header}\n${rows.join('\n')}\n` }]);
  assert.match(await settledRow(t, 'wide'), /^30 rows · 27 columns$/);
  await tableRow(t, 'wide').locator('button.toggle').click();
  const table = tableRow(t, 'wide').locator('seg-data-table seg-table');
  await table.waitFor();
  const text = await table.evaluate((e) => e.shadowRoot!.textContent ?? '');
  assert.match(text, /5524[\s\S]*1957[\s\S]*58,138/, 'the ID and the year have no separators, the income has');
  assert.match(text, /first 20 of 30 rows/);
  const widths = await t.page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: innerWidth }));
  assert.ok(widths.page <= widths.window, `the page is no wider than the window: ${JSON.stringify(widths)}`);
  t.note(`screenshot: ${await shotOf(panel(t), 'data-panel-wide')}`);
});

test('data: reader options (delimiter, header, skip, date and timestamp formats, missing values, column names) read a file again, and the front matter keeps them', async (t) => {
  await openNotebook(t);
  await addFiles(t, [{ name: 'scores.txt', content: 'exported 2024-06-30\n\nA|10|01/02/2024|01/02/2024 09:30\nB|n/a|15/03/2024|15/03/2024 17:05\n' }]);
  await settledRow(t, 'scores');
  await tableRow(t, 'scores').locator('button.toggle').click();
  await tableRow(t, 'scores').locator('details summary').click();
  const form = tableRow(t, 'scores').locator('seg-reader-options');
  await form.locator('select[name=delimiter]').selectOption('|');
  await form.locator('select[name=header]').selectOption('false');
  await form.locator('input[name=skip]').fill('2');
  await form.locator('input[name=dateformat]').fill('%d/%m/%Y');
  await form.locator('input[name=timestampformat]').fill('%d/%m/%Y %H:%M');
  await form.locator('input[name=nullstr]').fill('n/a');
  await form.locator('input[name=names]').fill('team, points, day, seen');
  await form.locator('button[type=submit]').click();
  await t.page.waitForFunction(() => {
    const row = document.querySelector('seg-data-panel')?.shadowRoot?.querySelector('li[data-table="scores"]');
    return row?.classList.contains('loaded') && /2 rows/.test(row.textContent ?? '');
  });
  assert.match(await queryInCell(t, "select team, points + 1 as next, day, strftime(seen, '%H:%M') as time from scores order by team"), /A 11 2024-02-01 09:30 B null 2024-03-15 17:05/);
  const yaml = await t.page.evaluate(() => (document.querySelector('seg-notebook') as HTMLElement & { controller: { getNotebook(): { frontMatter?: string } } }).controller.getNotebook().frontMatter);
  assert.match(yaml ?? '', /scores:\n\s+path: scores\.txt\n\s+delimiter: "\|"\n\s+header: false\n\s+names:\n\s+- team\n\s+- points\n\s+- day\n\s+- seen\n\s+skip: 2\n\s+dateformat: "%d\/%m\/%Y"\n\s+timestampformat: "%d\/%m\/%Y %H:%M"\n\s+nullstr: n\/a\n/);
  t.note(`screenshot: ${await shotOf(panel(t), 'data-panel-options')}`);
});

test('data: a file saved by Excel on Windows is refused with a way out, and reads once its encoding is chosen', async (t) => {
  await openNotebook(t);
  // Windows-1252: é, curly quotes and the euro sign.
  const cp1252 = Buffer.concat([Buffer.from('name,price\nCaf'), Buffer.from([0xe9, 0x20, 0x93]), Buffer.from('Bon'), Buffer.from([0x94, 0x2c, 0x80]), Buffer.from('10\n')]);
  await addFiles(t, [{ name: 'menu.csv', content: cp1252 }]);
  assert.match(await settledRow(t, 'menu'), /could not be read/);
  assert.match(await tableRow(t, 'menu').innerText(), /menu\.csv\W+line 2: the file is not UTF-8 text: give its encoding as a reader option \(Excel on Windows writes 'windows-1252'\)/);
  await tableRow(t, 'menu').locator('button.toggle').click();
  const form = tableRow(t, 'menu').locator('seg-reader-options');
  await form.locator('select[name=encoding]').selectOption('windows-1252');
  await form.locator('button[type=submit]').click();
  await t.page.waitForFunction(() => document.querySelector('seg-data-panel')?.shadowRoot?.querySelector('li[data-table="menu"]')?.classList.contains('loaded'));
  assert.match(await settledRow(t, 'menu'), /^1 row · 2 columns$/);
  assert.match(await queryInCell(t, 'select name, price from menu'), /Café “Bon” €10/);
  const yaml = await t.page.evaluate(() => (document.querySelector('seg-notebook') as HTMLElement & { controller: { getNotebook(): { frontMatter?: string } } }).controller.getNotebook().frontMatter);
  assert.match(yaml ?? '', /menu:\n\s+path: menu\.csv\n\s+encoding: windows-1252\n/);
  t.note(`screenshot: ${await shotOf(panel(t), 'data-panel-encoding')}`);
});

test('data: a large file shows its progress in bytes while it comes in, and Cancel takes it out again', async (t) => {
  await openNotebook(t);
  const big = `id,value,label\n${Array.from({ length: 1_000_000 }, (_, i) => `${i},${(i * 7) % 1000},row${i % 97}`).join('\n')}\n`;
  await addFiles(t, [{ name: 'big.csv', content: big }]);
  const progress = tableRow(t, 'big').locator('.progress');
  await progress.waitFor({ timeout: 30_000 });
  assert.match(await progress.innerText(), /(Copying into this browser|Reading)(: [\d.]+ [kMG]?B of [\d.]+ MB)?/);
  t.note(`progress: ${(await progress.innerText()).replace(/\s+/g, ' ')}`);
  t.note(`screenshot: ${await shotOf(panel(t), 'data-panel-progress')}`);
  await progress.locator('button.cancel').click();
  await tableRow(t, 'big').waitFor({ state: 'detached', timeout: 30_000 });
  const yaml = await t.page.evaluate(() => (document.querySelector('seg-notebook') as HTMLElement & { controller: { getNotebook(): { frontMatter?: string } } }).controller.getNotebook().frontMatter);
  assert.doesNotMatch(yaml ?? '', /big/, 'the cancelled file is not in the notebook');
  assert.match(await queryInCell(t, 'select count(*) as n from customers'), /3,?000/, 'the notebook still answers');
});

test('data: a notebook dropped on the page opens, as through Open…, rather than being refused as a data file', async (t) => {
  await openNotebook(t);
  const rfm = fs.readFileSync('notebooks/rfm.seg.md', 'utf8');
  await t.page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'rfm.seg.md'));
    const main = document.querySelector('seg-notebook')!;
    for (const type of ['dragenter', 'dragover', 'drop']) main.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, composed: true, cancelable: true }));
  }, rfm);
  await t.page.waitForFunction(() => document.querySelector('seg-notebook')?.shadowRoot?.querySelector('h1')?.textContent !== 'Getting started with Segbook');
  assert.equal(await notebookText(t), rfm, 'the notebook opens as it is');
  assert.match(await menuMessage(t), /^Opened rfm\.seg\.md\./);
  assert.equal(await panel(t).locator('.messages').count(), 0, 'no "unknown file type" message');
});

test('data: a file dropped anywhere on the page becomes a table (JSON Lines here)', async (t) => {
  await openNotebook(t);
  await t.page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['{"sku": "A1", "price": 9.5}\n{"sku": "B2", "price": 12}\n'], 'Price List.jsonl'));
    const main = document.querySelector('seg-notebook')!;
    for (const type of ['dragenter', 'dragover', 'drop']) main.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, composed: true, cancelable: true }));
  });
  assert.match(await settledRow(t, 'price_list'), /^2 rows · 2 columns$/);
  assert.equal(await panel(t).locator('.drop').count(), 0, 'the drop overlay is gone');
  assert.match(await queryInCell(t, 'select sum(price) as total from price_list'), /21\.5/);
});

test('data: two notebooks given different files of the same name each keep their own data, and show their own rows', async (t) => {
  // The same name and the same number of rows: only the rows themselves tell the files apart.
  const firstRows = () => tableRow(t, 'sales').locator('seg-data-table seg-table').evaluate((e) => e.shadowRoot!.textContent ?? '');
  await openNotebook(t);
  await addFiles(t, [{ name: 'sales.csv', content: 'n\n101\n102\n' }]);
  assert.match(await settledRow(t, 'sales'), /^2 rows/);
  await tableRow(t, 'sales').locator('button.toggle').click();
  assert.match(await firstRows(), /101[\s\S]*102/);
  await savedInBrowser(t);

  await t.page.locator('seg-file-menu .bar button', { hasText: /^New$/ }).click();
  await t.page.locator('seg-notebook header h1', { hasText: 'Untitled notebook' }).waitFor();
  await settled(t);
  await addFiles(t, [{ name: 'sales.csv', content: 'n\n207\n208\n' }]);
  assert.match(await settledRow(t, 'sales'), /^2 rows/);
  assert.match(await panel(t).locator('.messages').innerText(), /Another sales\.csv is kept in this browser for another notebook; this one is kept as sales-2\.csv/);
  assert.match(await notebookText(t), /\n {2}sales: sales-2\.csv\n/);
  if ((await tableRow(t, 'sales').locator('seg-data-table').count()) === 0) await tableRow(t, 'sales').locator('button.toggle').click();
  assert.match(await firstRows(), /207[\s\S]*208/);
  assert.doesNotMatch(await firstRows(), /101/, "the other notebook's rows are not shown");
  await savedInBrowser(t);

  await t.page.locator('seg-file-menu button[popovertarget=recent]').click();
  await t.page.locator('seg-file-menu #recent li button.item', { hasText: 'Getting started with Segbook' }).click();
  await t.page.locator('seg-notebook header h1', { hasText: 'Getting started with Segbook' }).waitFor();
  await settled(t);
  t.note(`screenshot: ${await shotOf(panel(t), 'data-same-file-name')}`);
  assert.match(await settledRow(t, 'sales'), /^2 rows/, 'the first notebook still reads its own sales.csv');
  if ((await tableRow(t, 'sales').locator('seg-data-table').count()) === 0) await tableRow(t, 'sales').locator('button.toggle').click();
  assert.match(await firstRows(), /101[\s\S]*102/);
  assert.doesNotMatch(await firstRows(), /207/, "the other notebook's rows are not shown");
  assert.equal(await panel(t).locator('.messages').count(), 0, "the other notebook's message is gone");
  assert.match(await queryInCell(t, 'select sum(n) as n from sales'), /\bn\b\s+203\b/);
});
