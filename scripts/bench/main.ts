/**
 * `npm run bench`: generates the data it needs, runs each row in turn (a row that fails is
 * reported as failed and the others still run), and writes BENCHMARKS.md with the ratio chart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { browserRows } from './browser.ts';
import { ratioChart } from './chart.ts';
import { compileLatency } from './compile-latency.ts';
import { compiledVsHand } from './compiled-vs-hand.ts';
import type { BenchContext } from './context.ts';
import { CUSTOMERS, ensureRetail, type RetailData, type Scale } from './data.ts';
import { BenchEngines } from './engines.ts';
import { describeMachine, loadAverage } from './machine.ts';
import { parseOptions, ROWS, USAGE, UsageError, type BenchOptions, type RowId } from './options.ts';
import { BENCH_DATA, ROOT } from './paths.ts';
import { QuestionRuns } from './question-runs.ts';
import { benchmarksMarkdown } from './report.ts';
import type { RowReport } from './report-types.ts';
import { segbookVsPandas } from './segbook-vs-pandas.ts';
import { wasmVsNative } from './wasm-vs-native.ts';

const RUNNERS: Record<RowId, (ctx: BenchContext) => Promise<RowReport>> = {
  compiled: compiledVsHand,
  engine: wasmVsNative,
  compile: compileLatency,
  pandas: segbookVsPandas,
  browser: browserRows,
};

export async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench: ${error.message}\n${USAGE}`);
    return 2;
  }
  const started = new Date();
  const machine = describeMachine();
  const log = (line: string) => console.log(line);
  log(`bench: rows ${options.rows.join(', ')}; ${machine.cpus}, load ${machine.loadAtStart}`);

  const generated: string[] = [];
  const data = new Map<Scale, Promise<RetailData>>();
  const engines = new BenchEngines(log);
  const ctx: BenchContext = {
    options,
    engines,
    questionRuns: new QuestionRuns(engines, options),
    workDir: BENCH_DATA,
    log,
    data(scale) {
      let files = data.get(scale);
      if (!files) {
        files = ensureRetail(scale, (line) => {
          log(line);
          if (line.startsWith('generating')) generated.push(`${CUSTOMERS[scale].toLocaleString('en-US')} customers`);
        });
        data.set(scale, files);
      }
      return files;
    },
  };

  const reports: RowReport[] = [];
  try {
    for (const [i, id] of options.rows.entries()) {
      const row = ROWS.find((r) => r.id === id)!;
      log(`\n== ${row.number}. ${row.title}`);
      const rowStarted = Date.now();
      reports.push(await runRow(id, ctx));
      log(`   ${reports[reports.length - 1]!.verdict} (${((Date.now() - rowStarted) / 1000).toFixed(0)} s)`);
      // Rows 1 and 2 share the loaded engines; later rows get their memory back.
      if (!options.rows.slice(i + 1).some((r) => r === 'compiled' || r === 'engine')) await engines.closeAll();
    }
  } finally {
    await engines.closeAll();
  }

  const ratios = reports.flatMap((r) => r.ratios);
  const chart = ratios.length ? options.chart : undefined;
  if (chart) {
    fs.mkdirSync(path.dirname(chart), { recursive: true });
    fs.writeFileSync(chart, ratioChart(ratios));
  }
  const minutes = (Date.now() - started.getTime()) / 60_000;
  const markdown = benchmarksMarkdown(reports, { machine, options, started, minutes, loadAtEnd: loadAverage(), generated }, chart, options.out);
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, markdown);
  log(`\nwrote ${path.relative(ROOT, options.out)}${chart ? ` and ${path.relative(ROOT, chart)}` : ''} in ${minutes.toFixed(1)} min`);
  return reports.some((r) => r.verdict.startsWith('failed')) ? 1 : 0;
}

async function runRow(id: RowId, ctx: BenchContext): Promise<RowReport> {
  try {
    return await RUNNERS[id](ctx);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.log(`   row failed: ${error instanceof Error && error.stack ? error.stack : message}`);
    return { id, target: '–', verdict: `failed: ${message.split('\n')[0]}`, tables: [], notes: [], ratios: [] };
  }
}
