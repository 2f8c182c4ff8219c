/** `segbook run` and `segbook sql`: read the notebook, run it on a Node DuckDB-WASM engine, write the output. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { DataSource, Engine } from '../engine/types.ts';
import { parseNotebook } from '../notebook/format.ts';
import type { Notebook } from '../notebook/model.ts';
import { NotebookRunner, type RunReport } from '../notebook/runner.ts';
import type { TableSource } from '../notebook/tables.ts';
import { UsageError, type Command } from './args.ts';
import { jsonDocument } from './json.ts';
import { sqlScript } from './sql.ts';
import { textReport } from './text.ts';

export interface CliIO {
  stdout(text: string): void;
  /** One line, without its newline. */
  stderr(line: string): void;
  cwd: string;
  signal?: AbortSignal;
}

type FileCommand = Extract<Command, { command: 'run' | 'sql' }>;

export async function runFileCommand(command: FileCommand, io: CliIO): Promise<number> {
  const notebookPath = resolve(io.cwd, command.notebook);
  const notebook = parseNotebook(readNotebook(notebookPath, command.notebook));
  const overrides = command.data.map((d): TableSource => {
    const path = resolve(io.cwd, d.path);
    if (!existsSync(path)) throw new UsageError(`--data ${d.name}: no such file ${d.path}`);
    return { name: d.name, source: { kind: 'path', path }, options: {}, label: d.path };
  });
  const out = command.out === undefined ? undefined : resolve(io.cwd, command.out);
  if (out && !existsSync(dirname(out))) throw new UsageError(`--out: no such directory ${dirname(command.out!)}`);

  // The engine starts on its worker thread while this one loads the compiler.
  const [engine, compiler] = await Promise.all([startEngine(), import('../notebook/segql.ts').then((m) => m.segql)]);
  let report: RunReport;
  try {
    const runner = new NotebookRunner({
      engine,
      compiler,
      resolveData: (path) => dataSource(dirname(notebookPath), path),
      // People reading text or HTML see what definition-only cells defined; JSON has no place for it (§10).
      summaries: command.command === 'run' && command.format !== 'json',
    });
    runner.update({ notebook, tables: overrides, ...(command.asof ? { asof: command.asof } : {}) });
    report = await runner.run({ signal: io.signal, viewsOnly: command.command === 'sql' });
    const title = report.title ?? firstHeading(notebook) ?? basename(notebookPath).replace(/\.seg\.md$|\.md$/i, '');
    const output = await render(command, report, notebook, title);
    for (const problem of report.problems) io.stderr(`segbook: ${problem}`);
    if (out) writeFileSync(out, output);
    else io.stdout(output);
  } finally {
    await engine.close();
  }
  if (report.cancelled) return 130;
  if (command.command === 'sql') return report.cells.some((c) => c.errors.length > 0) || report.problems.length > 0 ? 1 : 0;
  return report.ok ? 0 : 1;
}

async function render(command: FileCommand, report: RunReport, notebook: Notebook, title: string): Promise<string> {
  if (command.command === 'sql') return sqlScript(report, notebook);
  if (command.format === 'json') return jsonDocument(report, title);
  if (command.format === 'text') return textReport(report, notebook, title);
  const { htmlReport } = await import('./html.ts');
  return htmlReport(report, notebook, title);
}

function readNotebook(path: string, asWritten: string): string {
  if (!existsSync(path)) throw new UsageError(`no such notebook: ${asWritten}`);
  if (statSync(path).isDirectory()) throw new UsageError(`${asWritten} is a directory, not a notebook file`);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${asWritten}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function dataSource(notebookDir: string, path: string): DataSource {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return { kind: 'url', url: path };
  return { kind: 'path', path: resolve(notebookDir, path) };
}

function firstHeading(notebook: Notebook): string | undefined {
  for (const cell of notebook.cells) {
    if (cell.kind !== 'markdown') continue;
    const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(cell.source);
    if (heading) return heading[1];
  }
  return undefined;
}

async function startEngine(): Promise<Engine> {
  const { startNodeEngine } = await import('../engine/node.ts');
  // The browser's sandbox: SQL cells reach no file, URL, extension or setting, and say why (spec §6).
  return startNodeEngine({ sandbox: true });
}
