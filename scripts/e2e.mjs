#!/usr/bin/env node
// End-to-end tests in system Chromium: `node scripts/e2e.mjs [--no-build] [--only PATTERN] [--dist DIR]`.
// Tests are the files test/e2e/**/*.e2e.ts; the harness itself is scripts/e2e/run.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./e2e/run.ts');
process.exitCode = await main(process.argv.slice(2));
