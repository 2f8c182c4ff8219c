/** The command line of `segbook`, parsed into a command or a one-line usage error. */
import { isIsoDate } from '../notebook/front-matter.ts';

export type OutputFormat = 'json' | 'text' | 'html';

export type SqlDialect = 'duckdb' | 'postgres';

export interface DataOverride {
  name: string;
  path: string;
}

export type Command =
  | { command: 'run'; notebook: string; data: DataOverride[]; asof?: string; format: OutputFormat; out?: string }
  | { command: 'sql'; notebook: string; data: DataOverride[]; asof?: string; dialect: SqlDialect; out?: string }
  /** `segbook run` over several notebooks or a folder: one summary line per notebook. */
  | { command: 'grade'; notebooks: string[]; data: DataOverride[]; asof?: string; format: 'text' | 'json'; out?: string }
  | { command: 'help' }
  | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage:
  segbook run NOTEBOOK [--data NAME=PATH]... [--asof YYYY-MM-DD] [--format text|json|html] [--out FILE]
  segbook run FOLDER | NOTEBOOK NOTEBOOK... [--data NAME=PATH]... [--asof YYYY-MM-DD] [--format text|json] [--out FILE]
  segbook sql NOTEBOOK [--dialect duckdb|postgres] [--data NAME=PATH]... [--asof YYYY-MM-DD] [--out FILE]

Runs a Segbook notebook (*.seg.md) and prints its results. Given a folder or several notebooks,
runs each (a folder's *.seg.md files, in its subfolders too) and prints a summary: one line per
notebook with its checks (expect) passed and failed and its errors.
  --data NAME=PATH   load PATH as table NAME (adds to or replaces the front matter's data)
  --asof DATE        the reference date, overriding the notebook's own
  --format FORMAT    text (default): tables for a terminal; json: one JSON document; html: a report
  --out FILE         write the output to FILE instead of standard output
  --dialect DIALECT  the SQL 'segbook sql' prints: duckdb (default; what run runs) or postgres
                     (PostgreSQL 16 or later; the notebook still runs on DuckDB to find its tables)

Exit status: 0 when every cell ran and every expectation passed (in every notebook), 1 otherwise,
2 for a usage error.`;

const FLAGS: Record<string, readonly ('run' | 'sql')[]> = {
  '--data': ['run', 'sql'],
  '--asof': ['run', 'sql'],
  '--out': ['run', 'sql'],
  '--format': ['run'],
  '--dialect': ['sql'],
};

export function parseArgs(argv: string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('missing command: run or sql');
  if (command === '-h' || command === '--help' || command === 'help') return { command: 'help' };
  if (command === '-v' || command === '--version') return { command: 'version' };
  if (command !== 'run' && command !== 'sql') {
    throw new UsageError(command.startsWith('-') ? `unknown option ${command}` : `unknown command '${command}' (use run or sql)`);
  }
  const positional: string[] = [];
  const data: DataOverride[] = [];
  let asof: string | undefined;
  let format: OutputFormat = 'text';
  let out: string | undefined;
  let dialect: SqlDialect = 'duckdb';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '-h' || arg === '--help') return { command: 'help' };
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!FLAGS[flag]?.includes(command)) throw new UsageError(`unknown option ${flag} for 'segbook ${command}'`);
    let value: string;
    if (eq > 0 && arg.startsWith('--')) value = arg.slice(eq + 1);
    else if (i + 1 < rest.length) value = rest[++i]!;
    else throw new UsageError(`${flag} needs a value`);
    switch (flag) {
      case '--data':
        data.push(dataOverride(value));
        break;
      case '--asof':
        if (!isIsoDate(value)) throw new UsageError(`--asof '${value}' is not a date like 2024-06-30`);
        asof = value;
        break;
      case '--format':
        if (value !== 'json' && value !== 'text' && value !== 'html') {
          throw new UsageError(`--format '${value}' is not one of text, json, html`);
        }
        format = value;
        break;
      case '--out':
        out = value;
        break;
      case '--dialect':
        if (value !== 'duckdb' && value !== 'postgres') throw new UsageError(`--dialect '${value}' is not one of duckdb, postgres`);
        dialect = value;
        break;
    }
  }
  if (positional.length === 0) throw new UsageError(`missing NOTEBOOK: segbook ${command} NOTEBOOK.seg.md`);
  if (positional.length > 1 && command === 'run') {
    if (format === 'html') throw new UsageError('--format html reports on one notebook; several are summarised as text or json');
    return { command: 'grade', notebooks: positional, data, format, ...(asof ? { asof } : {}), ...(out ? { out } : {}) };
  }
  if (positional.length > 1) throw new UsageError(`one notebook at a time (got ${positional.join(', ')})`);
  const notebook = positional[0]!;
  const base = { notebook, data, ...(asof ? { asof } : {}), ...(out ? { out } : {}) };
  return command === 'run' ? { command, format, ...base } : { command, dialect, ...base };
}

function dataOverride(value: string): DataOverride {
  const eq = value.indexOf('=');
  const name = value.slice(0, eq).trim();
  const path = value.slice(eq + 1).trim();
  if (eq <= 0 || name === '' || path === '') throw new UsageError(`--data '${value}' must be NAME=PATH`);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`--data table name '${name}' must be a plain name (letters, digits, _)`);
  return { name, path };
}
