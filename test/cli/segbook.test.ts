import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = 'test/cli/fixtures';
const out = mkdtempSync(join(tmpdir(), 'segbook-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function segbook(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/segbook.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, stderrLines: run.stderr.split('\n').filter(Boolean) };
}

// Each run starts node, tsx and DuckDB-WASM: seconds each, more on a busy machine.
describe('segbook (the command)', { timeout: 120_000 }, () => {
  it.each([
    [['run', `${FIXTURES}/shop.seg.md`, '--fast'], /^segbook: unknown option --fast/],
    [['run', `${FIXTURES}/nothing-here.seg.md`], /^segbook: no such notebook: test\/cli\/fixtures\/nothing-here\.seg\.md/],
    [['run', `${FIXTURES}/shop.seg.md`, '--data', 'orders'], /^segbook: --data 'orders' must be NAME=PATH/],
    [['run', `${FIXTURES}/shop.seg.md`, '--data', 'orders=nope.csv'], /^segbook: --data orders: no such file nope\.csv/],
    [['sql', `${FIXTURES}/shop.seg.md`, '--dialect', 'oracle'], /^segbook: --dialect 'oracle' is not one of duckdb, postgres/],
    [['run', `${FIXTURES}/shop.seg.md`, '--dialect', 'postgres'], /^segbook: unknown option --dialect for 'segbook run'/],
    [[], /^segbook: missing command/],
  ])('exits 2 with one line on stderr for a usage error: %s', (args, message) => {
    const run = segbook(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderrLines).toHaveLength(1);
    expect(run.stderrLines[0]).toMatch(message);
  });

  it('prints one JSON document with exactly the keys of spec §9 and exits 0', () => {
    const run = segbook('run', `${FIXTURES}/shop.seg.md`, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(Object.keys(doc)).toEqual(['title', 'asof', 'cells']);
    expect(doc.title).toBe('A small shop');
    expect(doc.asof).toBe('2024-06-30');
    expect(doc.cells.map((c: { index: number; kind: string }) => [c.index, c.kind])).toEqual([
      [0, 'markdown'],
      [1, 'seg'],
      [2, 'markdown'],
      [3, 'sql'],
    ]);
    for (const cell of doc.cells) expect(Object.keys(cell)).toEqual(['index', 'kind', 'name', 'results', 'errors']);
    const [compare, expectation] = doc.cells[1].results;
    expect(Object.keys(compare)).toEqual(['statement', 'columns', 'types', 'rows']);
    expect(compare.rows).toEqual([
      ['big', 3, 0.5, (200.5 + 1800.25 + 1044.99) / 3],
      ['everyone', 6, 1, (200.5 + 1800.25 + 20 + 1044.99) / 6],
    ]);
    expect(expectation.rows[0][1]).toBe(true);
    expect(doc.cells[3].results[0].rows).toEqual([[1, 200.5], [2, 1800.25], [5, 1044.99]]);
  });

  it('exits 1 when an expectation fails, and --asof and --data change the run', () => {
    const failing = segbook('run', `${FIXTURES}/failing.seg.md`, '--format=json', '--asof', '2020-01-01');
    expect(failing.code).toBe(1);
    const doc = JSON.parse(failing.stdout);
    expect(doc.asof).toBe('2020-01-01');
    expect(doc.cells[0].results[0].rows[0][1]).toBe(false);

    const replaced = segbook('run', `${FIXTURES}/failing.seg.md`, '--format', 'json', '--data', 'customers=test/notebook/fixtures/orders.csv');
    expect(JSON.parse(replaced.stdout).cells[0].errors[0].message).toMatch(/age/);
  });

  it('names a malformed data file, never with a stack trace', () => {
    const run = segbook('run', `${FIXTURES}/broken-data.seg.md`, '--format', 'json');
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc.cells[0].errors[0].message).toMatch(/broken\.csv/);
    expect(run.stderrLines).toHaveLength(1);
    expect(run.stderrLines[0]).toMatch(/^segbook: cannot read \.\.\/\.\.\/notebook\/fixtures\/broken\.csv: .*line/i);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints aligned tables as text, and writes a standalone HTML report with charts to --out', () => {
    const text = segbook('run', `${FIXTURES}/shop.seg.md`);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('A small shop');
    expect(text.stdout).toMatch(/segment\s+size\s+share\s+avg\(spend\)\n\s+─+/);
    expect(text.stdout).toMatch(/big\s+3\s+0\.5\s+1015\.25/);

    const file = join(out, 'report.html');
    const html = segbook('run', `${FIXTURES}/shop.seg.md`, '--format', 'html', '--out', file);
    expect(html.code).toBe(0);
    expect(html.stdout).toBe('');
    const page = readFileSync(file, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<title>A small shop</title>');
    expect(page).toContain('<h1>Who spends?</h1>');
    expect(page).toMatch(/<svg[^>]*class="plot/);
    expect(page).not.toMatch(/<script/);
  });

  it('writes a title that holds markup as text in the HTML report, from the front matter or the first heading', () => {
    const hostile = "</title><script>alert('t')</script>";
    for (const [name, text] of [
      ['titled', `---\ntitle: "${hostile}"\n---\n\nText.\n`],
      ['headed', `# ${hostile}\n\nText.\n`],
    ]) {
      const notebook = join(out, `${name}.seg.md`);
      writeFileSync(notebook, text);
      const run = segbook('run', notebook, '--format', 'html', '--out', join(out, `${name}.html`));
      expect(run.code).toBe(0);
      const page = readFileSync(join(out, `${name}.html`), 'utf8');
      expect(page, name).not.toMatch(/<script/i);
      expect(page, name).toContain("<title>&lt;/title&gt;&lt;script&gt;alert('t')&lt;/script&gt;</title>");
    }
  });

  it('prints the SQL each cell runs', () => {
    const run = segbook('sql', `${FIXTURES}/shop.seg.md`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('-- cell 1: seg');
    expect(run.stdout).toMatch(/CREATE OR REPLACE VIEW/i);
    expect(run.stdout).toContain('-- cell 3: sql');
  });

  // That PostgreSQL gives the same answers is test/lang/postgres-dialect.test.ts's to show.
  it('prints the SegQL cells in PostgreSQL with --dialect postgres, SQL cells as written', () => {
    const run = segbook('sql', `${FIXTURES}/shop.seg.md`, '--dialect', 'postgres');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^-- A small shop, as of 2024-06-30, for PostgreSQL\n/);
    expect(run.stdout).toContain('CREATE OR REPLACE VIEW "big" AS');
    expect(run.stdout).toContain('CROSS JOIN LATERAL (VALUES');
    expect(run.stdout).not.toMatch(/unnest\(|GROUP BY ALL|VARCHAR/);
    expect(run.stdout).toContain('select customer_id, round(spend, 2) as spend from big order by customer_id');
  });
});
