#!/usr/bin/env node
// `npx segbook` without a build step: tsx compiles the TypeScript sources as they load.
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

register();
// Every module load passes through tsx's hooks; Chevrotain's sources are hundreds of modules
// (1.4 s here), its published single-file build one (40 ms). Same package, same version.
const chevrotain = new URL('../node_modules/chevrotain/lib/chevrotain.mjs', import.meta.url).href;
registerHooks(
  `data:text/javascript,${encodeURIComponent(
    `export function resolve(s, c, next) { return next(s === 'chevrotain' ? ${JSON.stringify(chevrotain)} : s, c); }`,
  )}`,
);
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
