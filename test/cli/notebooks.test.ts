import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const ROOT = join(import.meta.dirname, '../..');
const notebooks = readdirSync(join(ROOT, 'notebooks')).filter((f) => f.endsWith('.seg.md'));

async function segbook(...argv: string[]) {
  let stdout = '';
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (l) => stderr.push(l), cwd: ROOT });
  return { code, stdout, stderr };
}

describe('the sample notebooks', () => {
  it('include getting-started, RFM and B2B', () => {
    expect(notebooks).toEqual(expect.arrayContaining(['getting-started.seg.md', 'rfm.seg.md', 'b2b.seg.md']));
  });

  it.each(notebooks)('%s runs without an error or a failed expectation', async (file) => {
    const run = await segbook('run', `notebooks/${file}`, '--format', 'json');
    const doc = JSON.parse(run.stdout);
    const errors = doc.cells.flatMap((c: { index: number; errors: { message: string }[] }) => c.errors.map((e) => `cell ${c.index}: ${e.message}`));
    expect(errors).toEqual([]);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(doc.cells.some((c: { results: unknown[] }) => c.results.length > 0)).toBe(true);
  }, 120_000);
});

describe('warnings', () => {
  it('go to stderr with their place, and the notebook still runs and passes', async () => {
    const run = await segbook('run', 'test/cli/fixtures/covered-part.seg.md');
    expect(run.stderr).toEqual([
      "segbook: warning: cell 0, line 6, column 3: part 'big' never has members: everyone it matches is in 'buyer' already (each goes to the first part that matches): put the stricter part first",
    ]);
    expect(run.stdout).toMatch(/tier\.big\s+0\s/);
    expect(run.code).toBe(0);
  }, 120_000);

  it('include text in quotes that leaves a segment empty, found in the data in another case', async () => {
    const run = await segbook('run', 'test/cli/fixtures/lowercase-country.seg.md');
    expect(run.stderr).toEqual(["segbook: warning: cell 0, line 2, column 31: no one in customers has country 'us'; 3 have 'US' — text comparisons are exact, case included"]);
    expect(run.stdout).toMatch(/americans: 0 members/);
    expect(run.code).toBe(0);
  }, 120_000);
});
