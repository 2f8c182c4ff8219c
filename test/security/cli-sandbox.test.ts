// `segbook run` runs SQL cells on the same sandboxed engine as the browser: each refusal says, in
// the analyst's words, what is not allowed and why, and nothing reaches the disk or the network.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'segbook-sandbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const written = join(dir, 'leak.csv');
const CELLS: [sql: string, refusal: RegExp][] = [
  ["select * from read_text('/etc/passwd')", /^SQL cells cannot read files or URLs \("\/etc\/passwd"\): load data with the data panel or the notebook's front matter\.$/],
  ["select * from read_csv('https://example.com/x.csv')", /^SQL cells cannot read files or URLs \("https:\/\/example\.com\/x\.csv"\)/],
  [`copy customers to '${written}'`, /^SQL cells cannot write files: results stay in this notebook/],
  ['install httpfs', /^SQL cells cannot install or load DuckDB extensions: Segbook works offline/],
  ["attach '/tmp/other.duckdb' as other", /^SQL cells cannot attach other databases/],
  ['set enable_external_access = true', /^SQL cells cannot change DuckDB settings: they are locked so that SQL can never reach files or the network/],
];

function notebook(): string {
  const cells = CELLS.map(([sql]) => '```sql\n' + sql + '\n```\n');
  return ['---', 'data:', `  customers: ${join(ROOT, 'test/notebook/fixtures/customers.csv')}`, '---', '', ...cells, '```sql\nselect count(*) as n from customers\n```', ''].join('\n');
}

describe('segbook run on the sandboxed engine', { timeout: 120_000 }, () => {
  it('refuses files, URLs, writes, extensions, databases and settings in SQL cells, in words that say why; the data still loads', () => {
    const file = join(dir, 'hostile.seg.md');
    writeFileSync(file, notebook());
    const run = spawnSync(process.execPath, ['bin/segbook.mjs', 'run', file, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const cells = JSON.parse(run.stdout).cells as { results: { rows: unknown[][] }[]; errors: { message: string; line: number; column: number }[] }[];
    CELLS.forEach(([, refusal], i) => {
      expect(cells[i]!.results).toEqual([]);
      expect(cells[i]!.errors).toHaveLength(1);
      expect(cells[i]!.errors[0]!.message).toMatch(refusal);
      expect(cells[i]!.errors[0]!.message).not.toMatch(/Permission Error|Catalog Error/);
    });
    expect(cells[CELLS.length]!.results[0]!.rows).toEqual([[6]]);
    expect(existsSync(written)).toBe(false);
  });
});
