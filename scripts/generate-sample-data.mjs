#!/usr/bin/env node
// Writes Segbook's sample data: a retail pair (customers, orders) and a B2B pair (accounts,
// deals), the same bytes on every run.
//
//   node scripts/generate-sample-data.mjs                     → public/samples/ (3,000 customers, ~30,000 orders)
//   node scripts/generate-sample-data.mjs --scale 333         → bench-data/ (~1M customers, ~10M orders)
//   node scripts/generate-sample-data.mjs --customers 1000000 --orders-per-customer 10
//   node scripts/generate-sample-data.mjs --customers 1000000 --orders 20000000   → exactly that many orders
//   options: --out DIR, --seed N
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeB2B } from './sample-data/b2b.mjs';
import { createRandom } from './sample-data/random.mjs';
import { writeCustomers, writeOrders } from './sample-data/retail.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = { customers: 3000, ordersPerCustomer: 10, accounts: 400, dealsPerAccount: 7 };

function parseArgs(argv) {
  const options = { seed: 20240630 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const number = Number(value);
    const known = ['--scale', '--customers', '--orders-per-customer', '--orders', '--seed', '--out'];
    if (!known.includes(flag)) usage(`unknown option ${flag}`);
    if (value === undefined) usage(`${flag} needs a value`);
    if (flag !== '--out' && !(number > 0)) usage(`${flag} needs a positive number, not ${value}`);
    if (flag === '--scale') options.scale = number;
    if (flag === '--customers') options.customers = Math.round(number);
    if (flag === '--orders-per-customer') options.ordersPerCustomer = number;
    if (flag === '--orders') options.orders = Math.round(number);
    if (flag === '--seed') options.seed = Math.round(number);
    if (flag === '--out') options.out = path.resolve(value);
    i++;
  }
  if (options.orders !== undefined && options.ordersPerCustomer !== undefined) usage('give --orders or --orders-per-customer, not both');
  return options;
}

function usage(problem) {
  console.error(`generate-sample-data: ${problem}\nusage: node scripts/generate-sample-data.mjs [--scale N | --customers N] [--orders-per-customer K | --orders N] [--out DIR] [--seed N]`);
  process.exit(2);
}

const options = parseArgs(process.argv.slice(2));
const large = options.scale !== undefined || options.customers !== undefined;
const customers = options.customers ?? Math.round(SAMPLE.customers * (options.scale ?? 1));
const factor = customers / SAMPLE.customers;
const ordersPerCustomer = options.ordersPerCustomer ?? SAMPLE.ordersPerCustomer;
const out = options.out ?? path.join(ROOT, large ? 'bench-data' : 'public/samples');
fs.mkdirSync(out, { recursive: true });

const started = Date.now();
const { file: customersFile, habits } = writeCustomers(createRandom(options.seed), customers, path.join(out, 'customers.csv'));
const exactOrders = options.orders !== undefined;
const ordersFile = writeOrders(createRandom(options.seed + 1), habits, options.orders ?? customers * ordersPerCustomer, path.join(out, 'orders.csv'), exactOrders);
const b2bFiles = writeB2B(createRandom(options.seed + 2), Math.max(1, Math.round(SAMPLE.accounts * factor)), SAMPLE.dealsPerAccount, path.join(out, 'accounts.csv'), path.join(out, 'deals.csv'));

for (const file of [customersFile, ordersFile, ...b2bFiles]) {
  console.log(`${path.relative(ROOT, file.path).padEnd(28)} ${String(file.rows).padStart(10)} rows ${(file.bytes / 1e6).toFixed(1).padStart(8)} MB`);
}
console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
