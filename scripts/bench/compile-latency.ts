/**
 * Row 3: compile latency of a 300-line and a 3,000-line notebook. The probe (compile-probe.ts) is
 * bundled by esbuild without keepNames and run in a fresh Node process: under tsx every function
 * would carry a `__name` wrapper, which is not what ships.
 */
import path from 'node:path';
import type { ProbeInput, ProbeOutput, ProbeTask } from './compile-probe.ts';
import type { BenchContext } from './context.ts';
import { HERE, ROOT } from './paths.ts';
import { runProcess } from './processes.ts';
import { ms, type RowReport } from './report-types.ts';
import { summarise } from './timing.ts';

const COMPILE_TARGET_MS = 5;
const KEYSTROKE_TARGET_MS = 16;
const SMALL = 300;
const LARGE = 3000;

const TASKS: [ProbeTask, string][] = [
  ['cold', 'compile every cell, cold (new text: no parse-cache hits)'],
  ['edit-all', 'after a one-cell edit: build + compile every cell'],
  ['edit-cell', 'after a one-cell edit: build + compile the edited cell'],
  ['keystroke', 'keystroke → diagnostics: build + checkCell of the edited cell'],
];

export async function compileLatency(ctx: BenchContext): Promise<RowReport> {
  const runs = ctx.options.quick ? [10, 2] : [30, 5];
  const output = await probeCompile({ sizes: [SMALL, LARGE], runs, warmups: [3, 1] }, ctx.workDir);

  const find = (size: number, task: ProbeTask) => output.measurements.find((m) => m.task === task && m.size === size)!;
  const cold = summarise(find(SMALL, 'cold').samples).median;
  const keystroke = summarise(find(SMALL, 'keystroke').samples).median;
  const sizes = [SMALL, LARGE].map((lines) => find(lines, 'cold'));
  const rows = TASKS.map(([task, label]) => [
    label,
    ...sizes.map((size) => {
      const t = summarise(find(size.size, task).samples);
      return `${ms(t.median)} (${ms(t.min)}–${ms(t.max)})`;
    }),
  ]);
  rows.push(['SQL the whole notebook compiles to', ...sizes.map((s) => `${(output.sqlChars[s.size]! / 1e6).toFixed(1)} MB`)]);
  const met = cold <= COMPILE_TARGET_MS && keystroke <= KEYSTROKE_TARGET_MS;
  return {
    id: 'compile',
    target: `compile of the ${SMALL}-line notebook ≤ ${COMPILE_TARGET_MS} ms median (cold); keystroke → diagnostics ≤ ${KEYSTROKE_TARGET_MS} ms`,
    met,
    verdict: `${SMALL} lines: compile ${ms(cold)} ms (${cold <= COMPILE_TARGET_MS ? 'met' : 'not met'}), keystroke → diagnostics ${ms(keystroke)} ms (${keystroke <= KEYSTROKE_TARGET_MS ? 'met' : 'not met'})`,
    tables: [{ columns: ['ms: median (min–max)', ...sizes.map((s) => `${s.lines.toLocaleString('en-US')} lines, ${s.cells} cells`)], numeric: [1, 2], rows }],
    notes: [
      'buildProgram + compileCell/checkCell from src/lang, bundled by esbuild (bundle, no keepNames) and run with plain Node in a fresh process, so tsx\'s per-function `__name` wrappers do not distort the numbers.',
      `The notebooks (scripts/bench/compile-notebook.ts) read like the samples: a population and link, then chapters of lets (where/within aggregates, quantiles), segments, a partition, and compare/overlap/profile/show/trend/split/expect statements. ` +
        `Medians of ${runs[0]} runs (${SMALL} lines) and ${runs[1]} runs (${LARGE.toLocaleString('en-US')} lines) after warm-up; the first compile in the fresh process took ${ms(output.firstInProcess)} ms (${SMALL} lines, JIT cold).`,
    ],
    ratios: [],
  };
}

/** Bundles the probe with esbuild into workDir/build/ and runs it in a fresh Node process. */
export async function probeCompile(input: ProbeInput, workDir: string): Promise<ProbeOutput> {
  const bundle = path.join(workDir, 'build/compile-probe.mjs');
  await runProcess(path.join(ROOT, 'node_modules/.bin/esbuild'), [path.join(HERE, 'compile-probe.ts'), '--bundle', '--platform=node', '--format=esm', `--outfile=${bundle}`, '--log-level=warning']);
  return JSON.parse((await runProcess(process.execPath, [bundle, JSON.stringify(input)])).stdout) as ProbeOutput;
}
