import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const ROOT = join(import.meta.dirname, '../..');
const tutorials = readdirSync(join(ROOT, 'notebooks/tutorials')).filter((f) => f.endsWith('.seg.md'));

async function segbook(...argv: string[]) {
  let stdout = '';
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (l) => stderr.push(l), cwd: ROOT });
  return { code, stdout, stderr };
}

describe('the workshop tutorials', () => {
  it('cover every way of segmenting', () => {
    expect(tutorials.sort()).toEqual(
      ['behavioural', 'demographic', 'firmographic', 'geographic', 'lifecycle', 'psychographic'].map((name) => `${name}.seg.md`),
    );
  });

  it.each(tutorials)('%s runs clean through segbook run and walks the whole method', async (file) => {
    const run = await segbook('run', `notebooks/tutorials/${file}`, '--format', 'json');
    const doc = JSON.parse(run.stdout);
    const errors = doc.cells.flatMap((c: { index: number; errors: { message: string }[] }) => c.errors.map((e) => `cell ${c.index}: ${e.message}`));
    expect(errors).toEqual([]);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    const statements = new Set(doc.cells.flatMap((c: { results: { statement: string }[] }) => c.results.map((r) => r.statement)));
    // Look at the data, build and size segments, personas, an A/B test, monitoring, checks.
    for (const statement of ['sql', 'compare', 'profile', 'split', 'trend', 'expect']) expect(statements).toContain(statement);
    for (const cell of doc.cells) for (const result of cell.results) if (result.statement !== 'sql') expect(result.rows.length, `cell ${cell.index} ${result.statement}`).toBeGreaterThan(0);
  }, 120_000);
});
