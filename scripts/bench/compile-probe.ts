/**
 * Row 3's measurements, run in a fresh Node process from an esbuild bundle (no tsx wrappers):
 * compiling a whole notebook cold (every cell's text new, so the parse cache misses), again
 * after a one-cell edit, and the editor's keystroke path (checkCell). Prints one JSON document.
 *
 *   node compile-probe.mjs '{"sizes":[300,3000],"runs":[30,5],"warmups":[3,1]}'
 */
import { performance } from 'node:perf_hooks';
import { buildProgram, checkCell, compileCell, type CellSource } from '../../src/lang/index.ts';
import { notebookCells, RETAIL_CATALOG } from './compile-notebook.ts';

const ASOF = '2024-06-30';

export type ProbeTask = 'cold' | 'edit-all' | 'edit-cell' | 'keystroke';

export interface ProbeMeasurement {
  /** The line count asked for; `lines` is the notebook's own. */
  size: number;
  lines: number;
  cells: number;
  task: ProbeTask;
  samples: number[];
}

export interface ProbeOutput {
  /** The very first whole-notebook compile in the process (cold JIT too), ms. */
  firstInProcess: number;
  /** Characters of SQL the whole notebook compiles to, by size asked for. */
  sqlChars: Record<number, number>;
  measurements: ProbeMeasurement[];
}

export interface ProbeInput {
  sizes: number[];
  runs: number[];
  warmups: number[];
}

const input = JSON.parse(process.argv[2] ?? '{"sizes":[300],"runs":[5],"warmups":[1]}') as ProbeInput;
let runId = 0;

/** The same cells as new strings: a trailing comment no earlier run has seen. */
function fresh(cells: string[]): CellSource[] {
  const tag = ++runId;
  return cells.map((source, index) => ({ index, source: `${source}\n-- run ${tag}` }));
}

function compileAll(cells: CellSource[]): { errors: number; sqlChars: number } {
  const program = buildProgram(cells);
  let errors = 0;
  let sqlChars = 0;
  for (const cell of cells) {
    const compiled = compileCell(program, cell.index, RETAIL_CATALOG, { asof: ASOF });
    errors += compiled.diagnostics.filter((d) => d.severity === 'error').length;
    for (const statement of compiled.statements) sqlChars += flatLength(statement.sql);
  }
  return { errors, sqlChars };
}

/**
 * Text joined with + stays a tree of its pieces until a character is read; the engine reads every
 * one, so the copy into one flat string is part of compiling: reading a character makes it here.
 */
function flatLength(sql: string): number {
  return sql.length + (sql.charCodeAt(sql.length - 1) >= 0 ? 0 : 1);
}

/** The notebook with one let changed, as an analyst editing a cell in the middle would. */
function edited(cells: CellSource[], at: number): CellSource[] {
  const tag = ++runId;
  return cells.map((c) => (c.index === at ? { ...c, source: c.source.replace(/discount > [\d.]+/, `discount > 0.${tag}`) } : c));
}

function time(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function series(count: number, warmups: number, prepare: () => CellSource[], work: (cells: CellSource[]) => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < warmups + count; i++) {
    const cells = prepare();
    const ms = time(() => work(cells));
    if (i >= warmups) samples.push(ms);
  }
  return samples;
}

const measurements: ProbeMeasurement[] = [];
const sqlChars: Record<number, number> = {};
let firstInProcess = NaN;
input.sizes.forEach((size, s) => {
  const cells = notebookCells(size);
  const lines = cells.join('\n').split('\n').length;
  const [runs, warmups] = [input.runs[s] ?? 5, input.warmups[s] ?? 1];
  const first = fresh(cells);
  const ms = time(() => {
    const { errors, sqlChars: chars } = compileAll(first);
    if (errors) throw new Error(`the generated ${lines}-line notebook has ${errors} errors`);
    sqlChars[size] = chars;
  });
  if (s === 0) firstInProcess = ms;
  const at = cells.findIndex((c, i) => i > cells.length / 2 && c.startsWith('let '));
  const add = (task: ProbeTask, samples: number[]) => measurements.push({ size, lines, cells: cells.length, task, samples });

  add('cold', series(runs, warmups, () => fresh(cells), compileAll));
  const base = fresh(cells);
  compileAll(base);
  add('edit-all', series(runs, warmups, () => edited(base, at), compileAll));
  add('edit-cell', series(runs, warmups, () => edited(base, at), (c) => compileCell(buildProgram(c), at, RETAIL_CATALOG, { asof: ASOF })));
  add('keystroke', series(runs, warmups, () => edited(base, at), (c) => checkCell(buildProgram(c), at, RETAIL_CATALOG)));
});

const output: ProbeOutput = { firstInProcess, sqlChars, measurements };
process.stdout.write(JSON.stringify(output));
