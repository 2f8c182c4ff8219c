// The benchmark harness on the committed samples (3,000 customers): every row's code path runs and
// every comparison agrees on its answer. Nothing here asserts a time — timing lives in `npm run bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram, compileCell } from '../../src/lang/index.ts';
import { answerDifference } from '../../scripts/bench/answers.ts';
import { ratioChart } from '../../scripts/bench/chart.ts';
import { probeCompile } from '../../scripts/bench/compile-latency.ts';
import { notebookCells, RETAIL_CATALOG } from '../../scripts/bench/compile-notebook.ts';
import { compiledVsHand } from '../../scripts/bench/compiled-vs-hand.ts';
import type { BenchContext } from '../../scripts/bench/context.ts';
import type { RetailData } from '../../scripts/bench/data.ts';
import { BenchEngines } from '../../scripts/bench/engines.ts';
import { describeMachine } from '../../scripts/bench/machine.ts';
import { parseOptions } from '../../scripts/bench/options.ts';
import { QuestionRuns } from '../../scripts/bench/question-runs.ts';
import { QUESTIONS } from '../../scripts/bench/questions/index.ts';
import { benchmarksMarkdown } from '../../scripts/bench/report.ts';
import { segbookVsPandas } from '../../scripts/bench/segbook-vs-pandas.ts';
import { interleave, MAX_ROUNDS } from '../../scripts/bench/timing.ts';
import { wasmVsNative } from '../../scripts/bench/wasm-vs-native.ts';

const SAMPLES = fileURLToPath(new URL('../../public/samples/', import.meta.url));
/** The committed samples stand in for the smallest scale: same generator, same columns. */
const samples: RetailData = { scale: '10k', dir: SAMPLES, customers: path.join(SAMPLES, 'customers.csv'), orders: path.join(SAMPLES, 'orders.csv') };

let ctx: BenchContext;

beforeAll(() => {
  const options = { ...parseOptions(['--quick', '--explain']), runs: 1, warmups: 1 };
  const engines = new BenchEngines(() => undefined);
  ctx = {
    options,
    engines,
    questionRuns: new QuestionRuns(engines, options),
    workDir: fs.mkdtempSync(path.join(os.tmpdir(), 'segbook-bench-')),
    data: async () => samples,
    log: () => undefined,
  };
});

afterAll(async () => {
  await ctx.engines.closeAll();
  fs.rmSync(ctx.workDir, { recursive: true, force: true });
});

describe('rows 1 and 2: the conformance questions', () => {
  it('compile, and the compiled and hand-written SQL give the same answer on DuckDB-WASM and on native DuckDB', async () => {
    const row1 = await compiledVsHand(ctx);
    expect(row1.tables[0]!.rows.map((r) => [r[0], r[4]]).filter(([, ratio]) => ratio === 'answers differ')).toEqual([]);
    expect(row1.ratios).toHaveLength(QUESTIONS.length);
    const row2 = await wasmVsNative(ctx);
    expect(row2.notes.filter((n) => n.includes('differ'))).toEqual([]);
    expect(row2.ratios).toHaveLength(QUESTIONS.length);
  }, 120_000);
});

describe('row 3: compile latency', () => {
  it('uses the catalog the engine reports for the generated tables', async () => {
    const catalog = await (await ctx.engines.wasm(samples)).catalog();
    for (const table of RETAIL_CATALOG.tables) {
      expect(catalog.tables.find((t) => t.name === table.name)?.columns).toEqual(table.columns);
    }
  });

  it('generates notebooks that compile without a diagnostic', () => {
    const cells = notebookCells(300).map((source, index) => ({ index, source }));
    const program = buildProgram(cells);
    const diagnostics = cells.flatMap((c) => compileCell(program, c.index, RETAIL_CATALOG, { asof: '2024-06-30' }).diagnostics);
    expect(diagnostics).toEqual([]);
    expect(cells.map((c) => c.source).join('\n').split('\n').length).toBeGreaterThanOrEqual(300);
  });

  it('bundles the probe with esbuild and reads its measurements', async () => {
    const output = await probeCompile({ sizes: [40], runs: [1], warmups: [0] }, ctx.workDir);
    expect(output.measurements.map((m) => m.task)).toEqual(['cold', 'edit-all', 'edit-cell', 'keystroke']);
    expect(output.sqlChars[40]).toBeGreaterThan(0);
  }, 60_000);
});

describe('row 4: segbook run vs pandas', () => {
  it('gets the same tier sizes from both, or says pandas is missing', async () => {
    const row = await segbookVsPandas(ctx);
    if (row.verdict.startsWith('skipped')) expect(row.verdict).toContain('pandas not installed');
    else expect(row.ratios).toHaveLength(1);
  }, 120_000);
});

describe('the report', () => {
  it('writes the machine, the summary and a chart of the ratios', () => {
    const report = {
      id: 'engine' as const,
      target: 'none',
      verdict: 'median 2.00×',
      tables: [{ columns: ['question', 'ratio'], numeric: [1], rows: [['003 | pipes', '2.00×']] }],
      notes: ['a note'],
      ratios: [{ group: 'DuckDB-WASM / native DuckDB', label: '003 1m', value: 2 }, { group: 'compiled / hand-written SQL', label: '003 1m', value: 1.2, target: 1.1, bound: 'at most' as const }],
    };
    const facts = { machine: describeMachine(), options: ctx.options, started: new Date(), minutes: 1, loadAtEnd: '0', generated: [] };
    const markdown = benchmarksMarkdown([report], facts, '/x/bench/ratios.svg', '/x/BENCHMARKS.md');
    expect(markdown).toContain('| 2. DuckDB-WASM vs native DuckDB | none | median 2.00× | – |');
    expect(markdown).toContain('| 003 \\| pipes | 2.00× |');
    expect(markdown).toContain('![Ratios of this run, one panel per row](bench/ratios.svg)');
    const svg = ratioChart(report.ratios);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('1.20×');
  });
});

describe('timing and answers', () => {
  it('alternates the order of the variants from one round to the next', async () => {
    const order: string[] = [];
    const variant = (name: string) => ({ name, run: async () => void order.push(name) });
    const timings = await interleave([variant('a'), variant('b')], { runs: 3, minTotalMs: 0 });
    expect(order).toEqual(['a', 'b', 'b', 'a', 'a', 'b']);
    expect(timings.get('a')!.samples).toHaveLength(3);
  });

  it('gives quick variants more rounds, up to a limit', async () => {
    const timings = await interleave([{ name: 'quick', run: async () => undefined }], { runs: 3, minTotalMs: 60_000 });
    expect(timings.get('quick')!.samples).toHaveLength(MAX_ROUNDS);
  });

  it('compares answers cell by cell, numbers within a tolerance, digits as numbers', () => {
    const result = (rows: (string | number | null)[][]) => ({ columns: ['a', 'b'], types: [], rows });
    expect(answerDifference(result([['x', 1 / 3]]), result([['x', 0.3333333333333333]]))).toBeUndefined();
    expect(answerDifference(result([['x', 12]]), result([['x', '12']]))).toBeUndefined();
    expect(answerDifference(result([['x', 1]]), result([['x', 1.001]]))).toBe('row 1, column b: 1 vs 1.001');
    expect(answerDifference(result([['x', null]]), result([]))).toBe('1 rows vs 0');
  });
});
