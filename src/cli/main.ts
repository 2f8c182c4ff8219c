/** The `segbook` command: parse, dispatch, and turn every failure into an exit status and one line. */
import { readFileSync } from 'node:fs';
import { parseArgs, USAGE, UsageError } from './args.ts';
import type { CliIO } from './run.ts';

export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    const command = parseArgs(argv);
    if (command.command === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (command.command === 'version') {
      io.stdout(`${version()}\n`);
      return 0;
    }
    if (command.command === 'grade') {
      const { gradeCommand } = await import('./grade.ts');
      return await gradeCommand(command, io);
    }
    const { runFileCommand } = await import('./run.ts');
    return await runFileCommand(command, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`segbook: ${e.message} (see segbook --help)`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`segbook: ${message.split('\n')[0]}`);
    if (process.env.SEGBOOK_DEBUG && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
