/**
 * The retail data every row reads: #2's generator (seeded, so the same bytes each time) writes it
 * once per scale into bench-data/retail-<scale>/; a `ready.json` written last marks a complete
 * set, so an interrupted generation is redone. Parquet copies are made from the CSV by native DuckDB.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DATA, ROOT } from './paths.ts';
import { timed } from './timing.ts';

export type Scale = '10k' | '100k' | '1m';

export const CUSTOMERS: Record<Scale, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const ORDERS_PER_CUSTOMER = 10;

export interface RetailData {
  scale: Scale;
  dir: string;
  customers: string;
  orders: string;
}

export function retailDir(scale: Scale): string {
  return path.join(BENCH_DATA, `retail-${scale}`);
}

export function retailFiles(scale: Scale): RetailData {
  const dir = retailDir(scale);
  return { scale, dir, customers: path.join(dir, 'customers.csv'), orders: path.join(dir, 'orders.csv') };
}

/** The CSV files at this scale, generated first if they are missing. */
export async function ensureRetail(scale: Scale, log: (line: string) => void): Promise<RetailData> {
  const files = retailFiles(scale);
  const ready = path.join(files.dir, 'ready.json');
  if (!fs.existsSync(ready)) {
    log(`generating ${CUSTOMERS[scale].toLocaleString('en-US')} customers into ${path.relative(ROOT, files.dir)}/ ...`);
    const args = ['scripts/generate-sample-data.mjs', '--customers', String(CUSTOMERS[scale]), '--orders-per-customer', String(ORDERS_PER_CUSTOMER), '--out', files.dir];
    const ms = await timed(() => runNode(args));
    fs.writeFileSync(ready, JSON.stringify({ generator: args.join(' '), seconds: ms / 1000 }, null, 2));
    log(`  done in ${(ms / 1000).toFixed(1)} s`);
  }
  return files;
}

/** `TABLE.parquet` beside the CSV (Snappy, DuckDB's default row groups), made by `convert` once. */
export async function ensureParquet(data: RetailData, table: 'customers' | 'orders', convert: (csv: string, parquet: string) => Promise<void>): Promise<string> {
  const parquet = path.join(data.dir, `${table}.parquet`);
  if (!fs.existsSync(parquet)) {
    const partial = `${parquet}.partial`;
    await convert(data[table], partial);
    fs.renameSync(partial, parquet);
  }
  return parquet;
}

function runNode(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the data generator exited with ${code}`))));
  });
}
