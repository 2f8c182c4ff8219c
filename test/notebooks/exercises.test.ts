import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { parseNotebook } from '../../src/notebook/format.ts';

const ROOT = join(import.meta.dirname, '../..');
const exercises = readdirSync(join(ROOT, 'notebooks/exercises')).filter((f) => f.endsWith('.seg.md')).sort();

interface Graded {
  path: string;
  result: string;
  checks: number;
  passed: number;
  errors: unknown[];
  problems: unknown[];
}

async function grade(folder: string) {
  let stdout = '';
  const stderr: string[] = [];
  const code = await main(['run', folder, '--format', 'json'], { stdout: (t) => (stdout += t), stderr: (l) => stderr.push(l), cwd: ROOT });
  return { code, stderr, notebooks: JSON.parse(stdout).notebooks as Graded[] };
}

/** The teacher's checks: every cell with an `expect`, and the segments they are written over. */
function checks(folder: string, file: string): string[] {
  const notebook = parseNotebook(readFileSync(join(ROOT, 'notebooks', folder, file), 'utf8'));
  return notebook.cells.filter((c) => c.kind === 'seg' && /^(expect|segment check_)/m.test(c.source)).map((c) => c.source);
}

describe('the workshop exercises', { timeout: 180_000 }, () => {
  it('have a solution each, with the very same checks', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(3);
    expect(readdirSync(join(ROOT, 'notebooks/solutions')).filter((f) => f.endsWith('.seg.md')).sort()).toEqual(exercises);
    for (const file of exercises) {
      expect(checks('exercises', file).length, file).toBeGreaterThan(0);
      expect(checks('exercises', file), file).toEqual(checks('solutions', file));
    }
  });

  it('fail every check before they are completed, without an error', async () => {
    const run = await grade('notebooks/exercises');
    expect(run.code).toBe(1);
    expect(run.notebooks.map((n) => n.path)).toEqual(exercises.map((f) => `notebooks/exercises/${f}`));
    for (const notebook of run.notebooks) {
      expect(notebook, notebook.path).toMatchObject({ result: 'failed', passed: 0, errors: [], problems: [] });
      expect(notebook.checks, notebook.path).toBeGreaterThanOrEqual(3);
    }
  });

  it("pass every check with the teacher's solution", async () => {
    const run = await grade('notebooks/solutions');
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    for (const notebook of run.notebooks) expect(notebook, notebook.path).toMatchObject({ result: 'passed', errors: [], problems: [] });
    expect(run.notebooks.map((n) => n.passed)).toEqual(run.notebooks.map((n) => n.checks));
  });
});
