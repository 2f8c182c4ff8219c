/** `segbook run` and `segbook sql`: read the notebook, run it on a Node DuckDB-WASM engine, write the output. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { DataSource, Engine } from '../engine/types.ts';
import { parseNotebook } from '../notebook/format.ts';
import { firstHeading } from '../notebook/first-heading.ts';
import type { Notebook } from '../notebook/model.ts';
import { NotebookRunner, type RunReport } from '../notebook/runner.ts';
import type { TableSource } from '../notebook/tables.ts';
import { UsageError, type Command, type DataOverride } from './args.ts';
import { jsonDocument } from './json.ts';
import type { PostgresSql } from './postgres-sql.ts';
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

/** One notebook file run to its report (the engine is closed again when it returns). */
export interface NotebookRun {
  notebook: Notebook;
  report: RunReport;
  title: string;
}

export interface RunSettings {
  data: DataOverride[];
  asof?: string;
  /** Summaries of definition-only cells, for people reading text or HTML. */
  summaries: boolean;
  viewsOnly?: boolean;
  signal?: AbortSignal;
  /** `segbook sql --dialect postgres`: keeps each SegQL cell's PostgreSQL SQL aside. */
  postgres?: PostgresSql;
}

export async function runFileCommand(command: FileCommand, io: CliIO): Promise<number> {
  if (command.command === 'run' && isDirectory(resolve(io.cwd, command.notebook))) {
    if (command.format === 'html') throw new UsageError('--format html reports on one notebook; a folder is summarised as text or json');
    const { gradeCommand } = await import('./grade.ts');
    return gradeCommand({ ...command, format: command.format, command: 'grade', notebooks: [command.notebook] }, io);
  }
  const notebookPath = resolve(io.cwd, command.notebook);
  const text = readNotebook(notebookPath, command.notebook);
  const tables = dataOverrides(command.data, io.cwd);
  const out = outputPath(command.out, io.cwd);
  const postgres = command.command === 'sql' && command.dialect === 'postgres' ? new (await import('./postgres-sql.ts')).PostgresSql() : undefined;
  const run = await runNotebook(notebookPath, text, tables, {
    data: command.data,
    ...(command.asof ? { asof: command.asof } : {}),
    // JSON has no place for definition summaries (§10).
    summaries: command.command === 'run' && command.format !== 'json',
    viewsOnly: command.command === 'sql',
    signal: io.signal,
    ...(postgres ? { postgres } : {}),
  });
  const { notebook, title } = run;
  const report = postgres ? postgres.report(run.report) : run.report;
  const output = await render(command, report, notebook, title);
  for (const problem of report.problems) io.stderr(`segbook: ${problem}`);
  for (const cell of report.cells) for (const w of cell.warnings ?? []) io.stderr(`segbook: warning: cell ${cell.index}, line ${w.line}, column ${w.column}: ${w.message}`);
  if (out) writeFileSync(out, output);
  else io.stdout(output);
  if (report.cancelled) return 130;
  if (command.command === 'sql') return report.cells.some((c) => c.errors.length > 0) || report.problems.length > 0 ? 1 : 0;
  return report.ok ? 0 : 1;
}

/** Runs one notebook's text on a fresh engine; its data paths are relative to `notebookPath`. */
export async function runNotebook(notebookPath: string, text: string, tables: TableSource[], settings: RunSettings): Promise<NotebookRun> {
  const notebook = parseNotebook(text);
  const resolveData = (path: string) => dataSource(dirname(notebookPath), path);
  // The engine starts on its worker thread while this one loads the compiler.
  const [engine, segql] = await Promise.all([startEngine(), import('../notebook/segql.ts').then((m) => m.segql)]);
  const compiler = settings.postgres ? settings.postgres.compiler(segql) : segql;
  try {
    const runner = new NotebookRunner({ engine, compiler, resolveData, summaries: settings.summaries });
    runner.update({ notebook, tables, ...(settings.asof ? { asof: settings.asof } : {}) });
    const report = await runner.run({ signal: settings.signal, viewsOnly: settings.viewsOnly ?? false });
    const title = report.title ?? firstHeading(notebook) ?? basename(notebookPath).replace(/\.seg\.md$|\.md$/i, '');
    return { notebook, report, title };
  } finally {
    await engine.close();
  }
}

export function dataOverrides(data: DataOverride[], cwd: string): TableSource[] {
  return data.map((d): TableSource => {
    const path = resolve(cwd, d.path);
    if (!existsSync(path)) throw new UsageError(`--data ${d.name}: no such file ${d.path}`);
    return { name: d.name, source: { kind: 'path', path }, options: {}, label: d.path };
  });
}

export function outputPath(asWritten: string | undefined, cwd: string): string | undefined {
  const out = asWritten === undefined ? undefined : resolve(cwd, asWritten);
  if (out && !existsSync(dirname(out))) throw new UsageError(`--out: no such directory ${dirname(asWritten!)}`);
  return out;
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

async function render(command: FileCommand, report: RunReport, notebook: Notebook, title: string): Promise<string> {
  if (command.command === 'sql') return sqlScript(report, notebook, command.dialect);
  if (command.format === 'json') return jsonDocument(report, title);
  if (command.format === 'text') return textReport(report, notebook, title);
  const { htmlReport } = await import('./html.ts');
  return htmlReport(report, notebook, title);
}

export function readNotebook(path: string, asWritten: string): string {
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

async function startEngine(): Promise<Engine> {
  const { startNodeEngine } = await import('../engine/node.ts');
  // The browser's sandbox: SQL cells reach no file, URL, extension or setting, and say why (spec §6).
  // The notebook's files load before its first query, so the query database reads them itself and
  // seals at that query: no second database to start.
  return startNodeEngine({ sandbox: true, sealAtFirstQuery: true });
}
