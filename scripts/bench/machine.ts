/** The machine a run measured, as BENCHMARKS.md records it: cores, memory, versions, load. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './paths.ts';

export interface Machine {
  cpus: string;
  memory: string;
  os: string;
  node: string;
  chromium: string;
  duckdbWasm: string;
  duckdbNative: string;
  commit: string;
  loadAtStart: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: output('/usr/bin/chromium', ['--version']) || 'not found at /usr/bin/chromium',
    duckdbWasm: `@duckdb/duckdb-wasm ${packageVersion('@duckdb/duckdb-wasm')}`,
    duckdbNative: `@duckdb/node-api ${packageVersion('@duckdb/node-api')}`,
    commit: output('git', ['rev-parse', '--short', 'HEAD']) || 'unknown',
    loadAtStart: loadAverage(),
  };
}

/** 1, 5 and 15 minute load averages. */
export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' / ');
}

function output(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

/** Read from node_modules directly: some packages do not export their package.json. */
function packageVersion(name: string): string {
  const file = path.join(ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}
