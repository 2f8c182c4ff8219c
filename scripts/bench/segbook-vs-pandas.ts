/**
 * Row 4: the same RFM segmentation end to end — a process started, both CSV files read, tiers
 * computed, segment sizes printed — by `segbook run` and by pandas (Debian's python3-pandas on
 * /usr/bin/python3). The sizes must agree before anything is timed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BenchContext } from './context.ts';
import type { RetailData } from './data.ts';
import { HERE, ROOT } from './paths.ts';
import { runProcess } from './processes.ts';
import { ratio, skippedRow, type RowReport } from './report-types.ts';
import { interleave, warmUp } from './timing.ts';

const PYTHON = '/usr/bin/python3';
const TARGET = 5;
const ASOF = '2024-06-30';
const NOTEBOOK = path.join(HERE, 'rfm/rfm.seg.md');
const SCRIPT = path.join(HERE, 'rfm/rfm.py');

type Sizes = Record<string, number>;

export async function segbookVsPandas(ctx: BenchContext): Promise<RowReport> {
  const target = `segbook ≥ ${TARGET}× faster than pandas, end to end`;
  const pandas = pandasVersion();
  if (!pandas) return skippedRow('pandas', target, `pandas not installed (${PYTHON} cannot import pandas; \`apt-get install -y python3-pandas\`)`);
  // The smallest scale of the run: at 1M each pair of runs takes ~25 s here, more than the 15-minute budget can spare.
  const data = await ctx.data(ctx.options.scales[0]!);
  const variants = [
    { name: 'segbook', run: () => segbook(data) },
    { name: 'pandas', run: () => pandasRfm(data) },
  ];
  const first = await warmUp(variants, ctx.options.warmups);
  const difference = sizesDifference(first.get('segbook')!, first.get('pandas')!);
  if (difference) {
    return { id: 'pandas', target, met: false, verdict: `answers differ: ${difference}`, tables: [], notes: [], ratios: [] };
  }
  const timings = await interleave(variants, ctx.options);
  const [s, p] = [timings.get('segbook')!, timings.get('pandas')!];
  const speedup = p.median / s.median;
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  const sizes = first.get('segbook')!;
  return {
    id: 'pandas',
    target,
    met: speedup >= TARGET,
    verdict: `segbook ${seconds(s.median)} s, pandas ${seconds(p.median)} s: segbook is ${speedup >= 1 ? `${ratio(speedup)} faster` : `${ratio(1 / speedup)} slower`} at ${data.scale} customers`,
    tables: [
      {
        columns: ['', 'median s', 'min–max s'],
        numeric: [1, 2],
        rows: [
          ['`segbook run` (Node, DuckDB-WASM)', seconds(s.median), `${seconds(s.min)}–${seconds(s.max)}`],
          [`pandas ${pandas} (Python ${pythonVersion()})`, seconds(p.median), `${seconds(p.min)}–${seconds(p.max)}`],
          ['pandas ÷ segbook', ratio(speedup), ''],
        ],
      },
    ],
    notes: [
      `Wall clock from starting the process to its exit: \`node bin/segbook.mjs run scripts/bench/rfm/rfm.seg.md --data customers=… --data orders=… --format json\` ` +
        `against \`${PYTHON} scripts/bench/rfm/rfm.py\`, on bench-data/retail-${data.scale}/ (${fileMB(data.customers)} + ${fileMB(data.orders)} MB of CSV). ` +
        'The pandas script reads both files as analysts do (read_csv, parse_dates) and computes the same quantile rule (ceil(5·rank/count), ties sharing the top rank).',
      'The row runs on the smallest data set of the run: at 1M customers one segbook run and one pandas run take about 25 s together here, ' +
        'and six of each would not leave the whole of `npm run bench` under 15 minutes.',
      `Both give the same tier sizes: ${Object.entries(sizes).map(([tier, n]) => `${tier} ${n.toLocaleString('en-US')}`).join(', ')}.`,
    ],
    ratios: [{ group: 'pandas time / segbook time', label: `RFM ${data.scale}`, value: speedup, target: TARGET, bound: 'at least' }],
  };
}

async function segbook(data: RetailData): Promise<Sizes> {
  const args = ['bin/segbook.mjs', 'run', NOTEBOOK, '--data', `customers=${data.customers}`, '--data', `orders=${data.orders}`, '--asof', ASOF, '--format', 'json'];
  const { stdout } = await runProcess(process.execPath, args);
  const report = JSON.parse(stdout) as { cells: { results: { statement: string; rows: [string, number][] }[] }[] };
  const compare = report.cells.flatMap((c) => c.results).find((r) => r.statement === 'compare');
  if (!compare) throw new Error('segbook run gave no compare result');
  return Object.fromEntries(compare.rows.map(([segment, size]) => [segment.replace(/^tier\./, ''), Number(size)]));
}

async function pandasRfm(data: RetailData): Promise<Sizes> {
  const { stdout } = await runProcess(PYTHON, [SCRIPT, data.customers, data.orders, ASOF]);
  return JSON.parse(stdout) as Sizes;
}

function sizesDifference(a: Sizes, b: Sizes): string | undefined {
  const tiers = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const differing = tiers.filter((t) => a[t] !== b[t]);
  return differing.length ? differing.map((t) => `${t}: segbook ${a[t]}, pandas ${b[t]}`).join('; ') : undefined;
}

function pandasVersion(): string | undefined {
  if (!fs.existsSync(PYTHON)) return undefined;
  const probe = spawnSync(PYTHON, ['-c', 'import pandas; print(pandas.__version__)'], { cwd: ROOT, encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

function pythonVersion(): string {
  return spawnSync(PYTHON, ['-c', 'import platform; print(platform.python_version())'], { encoding: 'utf8' }).stdout.trim();
}

function fileMB(file: string): string {
  return (fs.statSync(file).size / 1e6).toFixed(0);
}
