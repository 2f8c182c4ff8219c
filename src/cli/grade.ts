/**
 * `segbook run` over a folder or several notebooks — grading a workshop's submissions. Each
 * notebook runs on its own engine, one after the other; a notebook that cannot run is a line of
 * the summary, never the end of the run. The text summary is printed line by line as notebooks
 * finish, so a long folder shows its progress.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError, type Command } from './args.ts';
import { gradeOf, type Grade } from './grade-of.ts';
import { gradeDocument, gradeFooter, gradeHeader, gradeLines } from './grade-report.ts';
import { dataOverrides, outputPath, readNotebook, runNotebook, type CliIO } from './run.ts';

export type GradeCommand = Extract<Command, { command: 'grade' }>;

export async function gradeCommand(command: GradeCommand, io: CliIO): Promise<number> {
  const files = notebookFiles(command.notebooks, io.cwd);
  const tables = dataOverrides(command.data, io.cwd);
  const out = outputPath(command.out, io.cwd);
  const text = command.format === 'text';
  const lines: string[] = [];
  const print = (chunk: string[]) => {
    if (!text) return;
    if (out) lines.push(...chunk);
    else io.stdout(chunk.map((l) => `${l}\n`).join(''));
  };

  print(gradeHeader());
  const grades: Grade[] = [];
  for (const file of files) {
    const inside = relative(io.cwd, file);
    const shown = inside.startsWith('..') || isAbsolute(inside) ? file : inside;
    const grade = await gradeFile(file, shown, tables, command, io.signal);
    if (grade === 'cancelled') return 130;
    grades.push(grade);
    print(gradeLines(grade));
  }
  print(gradeFooter(grades));
  if (!text) {
    const document = gradeDocument(grades);
    if (out) writeFileSync(out, document);
    else io.stdout(document);
  } else if (out) {
    writeFileSync(out, lines.map((l) => `${l}\n`).join(''));
  }
  return grades.every((g) => g.result === 'passed') ? 0 : 1;
}

async function gradeFile(
  path: string,
  shown: string,
  tables: ReturnType<typeof dataOverrides>,
  command: GradeCommand,
  signal: AbortSignal | undefined,
): Promise<Grade | 'cancelled'> {
  try {
    const text = readNotebook(path, shown);
    const run = await runNotebook(path, text, tables, {
      data: command.data,
      ...(command.asof ? { asof: command.asof } : {}),
      summaries: false,
      ...(signal ? { signal } : {}),
    });
    if (run.report.cancelled) return 'cancelled';
    return gradeOf(shown, run.title, run.report);
  } catch (e) {
    if (signal?.aborted) return 'cancelled';
    const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    return { path: shown, title: null, result: 'broken', checks: 0, passed: 0, failed: 0, failures: [], errors: [], problems: [message] };
  }
}

/** The notebooks named, a folder's `*.seg.md` files (subfolders too) in path order; each file once. */
export function notebookFiles(paths: string[], cwd: string): string[] {
  const files: string[] = [];
  for (const asWritten of paths) {
    const path = resolve(cwd, asWritten);
    if (!existsSync(path)) throw new UsageError(`no such notebook or folder: ${asWritten}`);
    if (!statSync(path).isDirectory()) {
      files.push(path);
      continue;
    }
    const found = notebooksUnder(path);
    if (found.length === 0) throw new UsageError(`no notebooks (*.seg.md) in ${asWritten}`);
    files.push(...found);
  }
  return [...new Set(files)];
}

function notebooksUnder(folder: string): string[] {
  const found: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...notebooksUnder(path));
    else if (/\.seg\.md$/i.test(entry.name)) found.push(path);
  }
  return found;
}
