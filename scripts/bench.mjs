#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only ROW]`: every benchmark row side by side, written to
// BENCHMARKS.md. The harness is TypeScript (scripts/bench/), loaded through tsx like the CLI.
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

register();
// Chevrotain's published single-file build loads in one step instead of hundreds of modules (see bin/segbook.mjs).
const chevrotain = new URL('../node_modules/chevrotain/lib/chevrotain.mjs', import.meta.url).href;
registerHooks(
  `data:text/javascript,${encodeURIComponent(
    `export function resolve(s, c, next) { return next(s === 'chevrotain' ? ${JSON.stringify(chevrotain)} : s, c); }`,
  )}`,
);
const { main } = await import('./bench/main.ts');
process.exitCode = await main(process.argv.slice(2));
// The engines' worker threads may keep the event loop alive once everything is written.
process.exit();
