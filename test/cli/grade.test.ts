import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLES = join(ROOT, 'public/samples');
const folder = mkdtempSync(join(tmpdir(), 'segbook-grade-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A submission: an exercise notebook as an attendee hands it in, its data read from the samples. */
function submit(path: string, from: string, edit: (text: string) => string = (t) => t): void {
  const text = readFileSync(join(ROOT, 'notebooks', from), 'utf8').replaceAll('../../public/samples', SAMPLES);
  mkdirSync(join(folder, path, '..'), { recursive: true });
  writeFileSync(join(folder, path), edit(text));
}

submit('class/right.seg.md', 'solutions/01-demographic.seg.md');
submit('class/wrong.seg.md', 'solutions/01-demographic.seg.md', (t) => t.replace('age between 18 and 29', 'age between 18 and 30'));
submit('class/late/broken.seg.md', 'solutions/01-demographic.seg.md', (t) => t.replace('quantile(4, income) = 4', 'quantile(4, incom) = 4'));
submit('no-data.seg.md', 'solutions/01-demographic.seg.md', (t) => t.replace(`${SAMPLES}/customers.csv`, 'customers-lost.csv'));
writeFileSync(join(folder, 'class/notes.md'), '# not a notebook\n');

async function segbook(...argv: string[]) {
  let stdout = '';
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (l) => stderr.push(l), cwd: folder });
  return { code, stdout, stderr };
}

// Each notebook starts its own engine: seconds each on a busy machine.
describe('segbook run over a folder (grading)', { timeout: 120_000 }, () => {
  it('prints one line per notebook — right, wrong, broken — with what failed, and exits 1', async () => {
    const run = await segbook('run', 'class');
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^result\s+checks\s+passed\s+failed\s+errors\s+notebook$/);
    expect(lines[1]).toMatch(/^─+(\s+─+){5}$/);
    // Subfolders too, in path order: class/late/broken.seg.md comes first.
    // One broken definition fails the checks' cell with it: no check ran.
    expect(lines[2]).toMatch(/^broken\s+0\s+0\s+0\s+4\s+class\/late\/broken\.seg\.md$/);
    expect(lines[3]).toMatch(/^\s+cell 5, line 1, column 32: unknown column 'incom' — did you mean 'income'\?$/);
    expect(lines.find((l) => l.startsWith('passed'))).toMatch(/^passed\s+3\s+3\s+0\s+0\s+class\/right\.seg\.md$/);
    const wrong = lines.findIndex((l) => l.startsWith('failed'));
    expect(lines[wrong]).toMatch(/^failed\s+3\s+1\s+2\s+0\s+class\/wrong\.seg\.md$/);
    expect(lines[wrong + 1]).toMatch(/^\s+✗ size\(young_adults\) = 436 {2}\(size\(young_adults\) = \d+\)$/);
    expect(lines[wrong + 2]).toMatch(/^\s+✗ size\(young_affluent_reachable\) = 16 {2}\(size\(young_affluent_reachable\) = \d+\)$/);
    expect(lines.at(-1)).toBe('3 notebooks: 1 passed, 1 failed, 1 broken; 4 of 6 checks passed');
  });

  it('grades several paths as JSON to --out; missing data is a broken notebook, not the end of the run', async () => {
    const run = await segbook('run', 'no-data.seg.md', 'class/right.seg.md', '--format', 'json', '--out', 'summary.json');
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: [] });
    const summary = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ passed: 1, failed: 0, broken: 1 });
    expect(summary.notebooks.map((n: { path: string; result: string }) => [n.path, n.result])).toEqual([
      ['no-data.seg.md', 'broken'],
      ['class/right.seg.md', 'passed'],
    ]);
    expect(summary.notebooks[0].problems.join(' ')).toMatch(/customers-lost\.csv/);
    expect(summary.notebooks[1]).toMatchObject({ title: 'Exercise 1: demographic segments', checks: 3, passed: 3, failed: 0, failures: [], errors: [] });
  });

  it('says so in one line when a path is missing or a folder holds no notebook', async () => {
    expect(await segbook('run', 'class', 'nowhere')).toMatchObject({ code: 2, stdout: '', stderr: ['segbook: no such notebook or folder: nowhere (see segbook --help)'] });
    mkdirSync(join(folder, 'empty'));
    expect(await segbook('run', 'empty')).toMatchObject({ code: 2, stderr: ['segbook: no notebooks (*.seg.md) in empty (see segbook --help)'] });
    expect((await segbook('run', 'class', '--format', 'html')).code).toBe(2);
  });
});
