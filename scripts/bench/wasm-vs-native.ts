/**
 * Row 2: the engine's own cost. Row 1's hand-written queries on DuckDB-WASM (Node) and on native
 * DuckDB (@duckdb/node-api), timed in the same rounds at the largest scale.
 */
import type { BenchContext } from './context.ts';
import { largestScale } from './options.ts';
import { QUESTIONS } from './questions/index.ts';
import { median } from './timing.ts';
import { ms, ratio, type Ratio, type RowReport } from './report-types.ts';

const EARLIER = '2.1–2.6×';

export async function wasmVsNative(ctx: BenchContext): Promise<RowReport> {
  const scale = largestScale(ctx.options);
  const data = await ctx.data(scale);
  const rows: string[][] = [];
  const ratios: Ratio[] = [];
  const differences: string[] = [];
  for (const question of QUESTIONS) {
    const run = await ctx.questionRuns.measure(question, data, { compiled: false, native: true });
    const wasm = run.timings.get('hand')!.median;
    const native = run.timings.get('native')?.median;
    if (native === undefined) differences.push(`${question.id}: ${run.differences.get('native')}`);
    rows.push([`${question.id} ${question.title}`, ms(wasm), native === undefined ? '–' : ms(native), native === undefined ? 'answers differ' : ratio(wasm / native)]);
    if (native !== undefined) ratios.push({ group: 'DuckDB-WASM / native DuckDB', label: `${question.id} ${scale}`, value: wasm / native });
  }
  const wasmEngine = await ctx.engines.wasm(data);
  const nativeEngine = await ctx.engines.native(data);
  const versions = `DuckDB-WASM ${(await wasmEngine.query('SELECT version()')).rows[0]![0]} (1 thread) vs native DuckDB ${(await nativeEngine.query('SELECT version()')).rows[0]![0]} (${await nativeEngine.setting('threads')} threads)`;
  const loads = ctx.engines.loadTimes.filter((l) => l.scale === scale);
  const notes = [
    `${versions}, both in this Node process, the same SQL over the same tables. Native DuckDB uses every core; DuckDB-WASM runs on one.`,
    ...differences.map((d) => `Answers differ between the engines, so not timed — ${d}.`),
  ];
  if (loads.length === 2) {
    notes.push(`Loading customers.csv + orders.csv at ${scale} (one run each, not a median): ${loads.map((l) => `${l.engine} ${(l.ms / 1000).toFixed(1)} s`).join(', ')}.`);
  }
  const values = ratios.map((r) => r.value);
  return {
    id: 'engine',
    target: `none — the engine's own cost, which bounds every other row (${EARLIER} measured before)`,
    verdict: values.length ? `median ${ratio(median(values))} (${ratio(Math.min(...values))}–${ratio(Math.max(...values))}) at ${scale}` : 'no question could be compared',
    tables: [{ columns: ['question (hand-written SQL)', 'DuckDB-WASM ms', 'native ms', 'WASM / native'], numeric: [1, 2, 3], rows }],
    notes,
    ratios,
  };
}
