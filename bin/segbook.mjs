#!/usr/bin/env node
// `npx segbook` without a build step: tsx compiles the TypeScript sources as they load.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');

const controller = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('segbook: interrupted\n');
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  signal: controller.signal,
});
// The engine's worker may keep the event loop alive; leave once stdout has been flushed.
process.stdout.write('', () => process.exit(code));
