/** The command line of `npm run bench`: which rows, at which scales, how many runs, where to write. */
import path from 'node:path';
import { ROOT } from './paths.ts';
import type { Scale } from './data.ts';

export const ROWS = [
  { id: 'compiled', number: 1, title: 'Compiled SegQL vs hand-written SQL (DuckDB-WASM)' },
  { id: 'engine', number: 2, title: 'DuckDB-WASM vs native DuckDB' },
  { id: 'compile', number: 3, title: 'Compile latency' },
  { id: 'pandas', number: 4, title: '`segbook run` vs pandas (RFM end to end)' },
  { id: 'browser', number: 5, title: 'Browser (Chromium)' },
] as const;

export type RowId = (typeof ROWS)[number]['id'];

export interface BenchOptions {
  quick: boolean;
  /** Save EXPLAIN ANALYZE of both queries where compiled SQL misses row 1's target (costs two more runs each). */
  explain: boolean;
  /** Generate the 1M customers + 20M orders data set (#6's largest-data row) when it is missing. */
  largest: boolean;
  rows: RowId[];
  /** Timed runs per measurement, after the warm-up; quick queries get more (see timing.ts). */
  runs: number;
  minTotalMs: number;
  warmups: number;
  /** Row 1's scales; rows 2, 4 and 5 use the largest. */
  scales: Scale[];
  out: string;
  /** Where the ratio chart goes; BENCHMARKS.md links it by a path relative to itself. */
  chart: string;
}

export const USAGE = `usage: node scripts/bench.mjs [--quick] [--only ROW[,ROW]] [--runs N] [--explain] [--largest] [--out FILE]
  ROW: ${ROWS.map((r) => `${r.number}|${r.id}`).join(', ')}
  --quick  small data (10k customers), 2 runs after one warm-up; writes bench-data/BENCHMARKS.quick.md
  --only   run only these rows (a partial run writes bench-data/BENCHMARKS.partial.md unless --out is given)
  --explain  row 1 saves EXPLAIN ANALYZE of both queries into bench-data/explain/ where compiled SQL misses the target
  --largest  generate the 1M customers + 20M orders data set (1.1 GB, several minutes) if it is missing; without it,
             row 5 measures that data set only when an earlier run generated it`;

export class UsageError extends Error {}

export function parseOptions(argv: string[]): BenchOptions {
  let quick = false;
  let explain = false;
  let largest = false;
  let only: RowId[] | undefined;
  let runs: number | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--quick') quick = true;
    else if (flag === '--explain') explain = true;
    else if (flag === '--largest') largest = true;
    else if (flag === '--only') only = [...(only ?? []), ...value().split(',').map(rowId)];
    else if (flag === '--runs') {
      runs = Number(value());
      if (!Number.isInteger(runs) || runs < 1) throw new UsageError('--runs needs a whole number of at least 1');
    } else if (flag === '--out') out = path.resolve(value());
    else throw new UsageError(`unknown option ${flag}`);
  }
  const partial = quick || only !== undefined;
  const file = out ?? path.join(ROOT, partial ? `bench-data/BENCHMARKS.${quick ? 'quick' : 'partial'}.md` : 'BENCHMARKS.md');
  return {
    quick,
    explain,
    largest,
    rows: ROWS.map((r) => r.id).filter((id) => !only || only.includes(id)),
    runs: runs ?? (quick ? 2 : 5),
    minTotalMs: quick ? 0 : 3000,
    warmups: 1,
    scales: quick ? ['10k'] : ['100k', '1m'],
    out: file,
    chart: partial ? file.replace(/\.md$/, '.svg') : path.join(ROOT, 'bench/ratios.svg'),
  };
}

function rowId(text: string): RowId {
  const row = ROWS.find((r) => r.id === text.trim().toLowerCase() || String(r.number) === text.trim());
  if (!row) throw new UsageError(`unknown row '${text}' (rows: ${ROWS.map((r) => `${r.number} ${r.id}`).join(', ')})`);
  return row.id;
}

export function largestScale(options: BenchOptions): Scale {
  return options.scales[options.scales.length - 1]!;
}
