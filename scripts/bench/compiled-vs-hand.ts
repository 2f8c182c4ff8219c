/**
 * Row 1: the SQL the compiler writes for a conformance question against the SQL an analyst
 * writes by hand, on the same DuckDB-WASM engine and tables. Answers are compared before any
 * timing; with --explain, a question slower than the target leaves both plans (EXPLAIN ANALYZE) in bench-data/explain/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BenchContext } from './context.ts';
import { largestScale } from './options.ts';
import type { QuestionRun } from './question-runs.ts';
import { QUESTIONS } from './questions/index.ts';
import { ms, ratio, type Ratio, type RowReport, type Table } from './report-types.ts';

const TARGET = 1.1;
const REQUIRED = 6;

export async function compiledVsHand(ctx: BenchContext): Promise<RowReport> {
  const runs: QuestionRun[] = [];
  const largest = largestScale(ctx.options);
  for (const scale of ctx.options.scales) {
    const data = await ctx.data(scale);
    // Row 2 compares engines on the same queries at the largest scale: time them in the same rounds.
    const native = scale === largest && ctx.options.rows.includes('engine');
    for (const question of QUESTIONS) {
      const run = await ctx.questionRuns.measure(question, data, { compiled: true, native });
      runs.push(run);
      const r = compiledRatio(run);
      ctx.log(`  ${scale} ${question.id}: ${r === undefined ? `answers differ: ${run.differences.get('compiled')}` : `hand ${ms(run.timings.get('hand')!.median)} ms, compiled ${ms(run.timings.get('compiled')!.median)} ms`}`);
      if (ctx.options.explain && scale === largest && r !== undefined && r > TARGET) await explain(ctx, run);
    }
    if (scale !== largest) await ctx.engines.release(scale);
  }

  const atTarget = runs.filter((r) => r.data.scale === largest);
  const within = atTarget.filter((r) => (compiledRatio(r) ?? Infinity) <= TARGET);
  const slower = atTarget.filter((r) => (compiledRatio(r) ?? 0) > TARGET);
  const notes = [
    'Both queries run on one DuckDB-WASM engine in Node (`startNodeEngine`, the CLI\'s engine) over the same tables, taking turns run by run; ' +
      'the figures are medians. The hand-written SQL is an analyst\'s own (scripts/bench/questions/), written without looking at the compiler\'s output; ' +
      'both answers are compared cell by cell before anything is timed. Column names follow the generated data where a case\'s differ.',
  ];
  if (slower.length) notes.push(`Slower than ${ratio(TARGET)} at ${largest}: ${slower.map((r) => r.question.id).join(', ')}. \`npm run bench -- --only 1 --explain\` saves EXPLAIN ANALYZE of both queries into bench-data/explain/.`);
  for (const r of runs.filter((r) => r.differences.has('compiled'))) notes.push(`${r.question.id} at ${r.data.scale}: the answers differ (${r.differences.get('compiled')}), so it was not timed.`);
  return {
    id: 'compiled',
    target: `compiled ≤ ${ratio(TARGET)} hand-written for at least ${REQUIRED} questions at ${largest} customers`,
    met: within.length >= REQUIRED,
    verdict: `${within.length} of ${atTarget.length} questions within ${ratio(TARGET)} at ${largest}`,
    tables: [table(runs)],
    notes,
    ratios: runs.flatMap((r): Ratio[] => {
      const value = compiledRatio(r);
      return value === undefined ? [] : [{ group: 'compiled / hand-written SQL', label: `${r.question.id} ${r.data.scale}`, value, target: TARGET, bound: 'at most' }];
    }),
  };
}

export function compiledRatio(run: QuestionRun): number | undefined {
  const hand = run.timings.get('hand');
  const compiled = run.timings.get('compiled');
  return hand && compiled ? compiled.median / hand.median : undefined;
}

async function explain(ctx: BenchContext, run: QuestionRun): Promise<void> {
  const engine = await ctx.engines.wasm(run.data);
  const dir = path.join(ctx.workDir, 'explain');
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, sql] of [['hand', run.question.hand], ['compiled', run.compiledSql!]] as const) {
    const plan = await engine.query(`EXPLAIN ANALYZE ${sql}`);
    const text = plan.rows.map((row) => String(row[row.length - 1])).join('\n');
    fs.writeFileSync(path.join(dir, `${run.question.id}-${run.data.scale}-${name}.txt`), `${sql.trim()}\n\n${text}\n`);
  }
}

function table(runs: QuestionRun[]): Table {
  return {
    columns: ['question (conformance case)', 'customers', 'hand-written ms', 'compiled ms', 'compiled / hand', `≤ ${ratio(TARGET)}`],
    numeric: [2, 3, 4],
    rows: runs.map((r) => {
      const value = compiledRatio(r);
      const hand = r.timings.get('hand')!.median;
      const compiled = r.timings.get('compiled');
      return [
        `${r.question.id} ${r.question.title}`,
        r.data.scale,
        ms(hand),
        compiled ? ms(compiled.median) : '–',
        value === undefined ? 'answers differ' : ratio(value),
        value !== undefined && value <= TARGET ? 'yes' : 'no',
      ];
    }),
  };
}
