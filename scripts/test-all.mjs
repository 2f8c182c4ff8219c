#!/usr/bin/env node
// `npm test`: every stage in order — typecheck, unit tests, the conformance suite (when
// ../shared/conformance exists beside the project), end-to-end tests. Every stage runs even
// when an earlier one fails, so one run reports everything; the exit status is 1 if any failed.
// SEGBOOK_SKIP_E2E=1 skips the end-to-end stage, for quick local iterations only.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONFORMANCE = path.resolve(ROOT, '../shared/conformance/check.mjs');
const bin = (name) => path.join(ROOT, 'node_modules/.bin', name);

const stages = [
  { name: 'typecheck', label: 'tsc --noEmit', command: bin('tsc'), args: ['--noEmit'] },
  // The one classic worker script, served unbundled, is JavaScript checked with the worker's globals.
  { name: 'typecheck-worker', label: 'tsc -p src/engine/tsconfig.boot-worker.json', command: bin('tsc'), args: ['-p', 'src/engine/tsconfig.boot-worker.json'] },
  { name: 'unit', label: 'vitest run', command: bin('vitest'), args: ['run'] },
  fs.existsSync(CONFORMANCE)
    ? {
        name: 'conformance',
        label: 'node ../shared/conformance/check.mjs --project .',
        command: process.execPath,
        args: [CONFORMANCE, '--project', ROOT],
      }
    : { name: 'conformance', skip: `${path.relative(ROOT, CONFORMANCE)} not found` },
  process.env.SEGBOOK_SKIP_E2E === '1'
    ? { name: 'e2e', skip: 'SEGBOOK_SKIP_E2E=1' }
    : { name: 'e2e', label: 'node scripts/e2e.mjs', command: process.execPath, args: [path.join(ROOT, 'scripts/e2e.mjs')] },
];

const results = [];
for (const stage of stages) {
  if (stage.skip) {
    results.push({ name: stage.name, status: `skipped (${stage.skip})` });
    continue;
  }
  console.log(`\n=== ${stage.name}: ${stage.label}`);
  const started = Date.now();
  const code = await run(stage.command, stage.args);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name: stage.name, status: code === 0 ? `ok (${seconds} s)` : `FAILED, exit ${code} (${seconds} s)`, failed: code !== 0 });
}

console.log('\n=== summary');
for (const { name, status } of results) console.log(`${name.padEnd(12)} ${status}`);
const failed = results.filter((r) => r.failed).length;
const skipped = results.filter((r) => r.status.startsWith('skipped')).length;
const passed = results.length - failed - skipped;
console.log(`stages: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed ? 1 : 0;

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
