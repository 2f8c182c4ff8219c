/** Child processes whose output the harness reads: a failure is an error with the end of stderr. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths.ts';

export interface Finished {
  stdout: string;
  stderr: string;
}

export function runProcess(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const finished = { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
      if (code === 0) resolve(finished);
      else reject(new Error(`${path.basename(command)} exited with ${code}: ${finished.stderr.trim().slice(-2000)}`));
    });
  });
}
