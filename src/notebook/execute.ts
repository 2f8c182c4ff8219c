/**
 * Running one cell's SQL on the engine: a SQL cell's view or query, a SegQL cell's compiled
 * statements. Engine failures become cell errors placed as near to their cause as we can tell.
 */
import type { Engine, QueryResult } from '../engine/types.ts';
import type { Span } from '../lang/diagnostics.ts';
import type { ValuesTableUse } from '../lang/index.ts';
import type { CompiledStatement } from './compiler.ts';
import type { CellError, CellResult, DefinitionSummary } from './outcome.ts';
import { quoteIdentifier } from './tables.ts';
import type { ValueCache } from './value-cache.ts';

export interface Execution {
  results: CellResult[];
  errors: CellError[];
  sql: string[];
  /** Views the cell (re)created, in the case they were named. */
  views: string[];
  summary: DefinitionSummary[];
}

export interface ExecuteOptions {
  engine: Engine;
  signal?: AbortSignal;
  /** Count each created view's members (a definition-only cell's summary). */
  summaries?: boolean;
  /** Create views but only record analysis statements and queries, as `segbook sql` does. */
  viewsOnly?: boolean;
}

/** The values tables a SegQL cell's statements read, each made current just before the first statement reading it. */
export interface ValuesStep {
  uses: ValuesTableUse[];
  cache: ValueCache;
}

export class Cancelled extends Error {
  constructor() {
    super('the run was cancelled');
  }
}

/** `sql NAME` becomes a view; a plain `sql` cell shows its result. */
export async function executeSql(source: string, name: string | undefined, options: ExecuteOptions): Promise<Execution> {
  const execution = emptyExecution();
  if (name !== undefined) {
    // The body goes on its own lines so a trailing `-- comment` cannot swallow anything after it.
    const sql = `CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS\n${withoutTrailingSemicolons(source)}\n`;
    execution.sql.push(sql);
    const created = await attempt(options, sql, (message) => sqlError(message, 1));
    if (isResult(created)) execution.views.push(name);
    else execution.errors.push(created);
    return execution;
  }
  execution.sql.push(source);
  if (options.viewsOnly) return execution;
  const outcome = await attempt(options, source, (message) => sqlError(message, 0));
  if (isResult(outcome)) execution.results.push({ statement: 'sql', ...outcome });
  else execution.errors.push(outcome);
  return execution;
}

export async function executeStatements(statements: CompiledStatement[], options: ExecuteOptions, values?: ValuesStep): Promise<Execution> {
  const execution = emptyExecution();
  for (const [index, statement] of statements.entries()) {
    const place = statement.kind === 'result' ? statement.span : undefined;
    const failed = values && (await makeCurrent(values, index, place, execution, options));
    if (failed) {
      execution.errors.push(failed);
      return execution;
    }
    execution.sql.push(statement.sql);
    if (statement.kind === 'result' && options.viewsOnly) continue;
    const outcome = await attempt(options, statement.sql, (message) => atSpan(message, place));
    if (!isResult(outcome)) {
      execution.errors.push(outcome);
      return execution;
    }
    if (statement.kind === 'view') execution.views.push(statement.name);
    else execution.results.push({ statement: statement.statement, ...outcome });
  }
  if (options.summaries && execution.results.length === 0) {
    for (const view of execution.views) {
      const counted = await attempt(options, `SELECT count(*) AS size FROM ${quoteIdentifier(view)}`, (m) => atSpan(m));
      if (isResult(counted)) execution.summary.push({ name: view, size: Number(counted.rows[0]?.[0] ?? 0) });
    }
  }
  return execution;
}

/**
 * Builds the values tables first read by statement `index` unless they are current. Their SQL is
 * shown with the cell's either way: it says where the statements after it read their values from.
 */
async function makeCurrent(values: ValuesStep, index: number, span: Span | undefined, execution: Execution, options: ExecuteOptions): Promise<CellError | undefined> {
  for (const { table } of values.uses.filter((use) => use.statement === index)) {
    execution.sql.push(table.sql);
    if (!values.cache.needsBuild(table, execution.views)) continue;
    values.cache.forget(table);
    const built = await attempt(options, table.sql, (message) => atSpan(message, span));
    if (!isResult(built)) return built;
    values.cache.builtNow(table);
  }
  return undefined;
}

/** Failed `expect` rows in a cell's results. */
export function failedExpectations(results: CellResult[]): number {
  let failed = 0;
  for (const result of results) {
    if (result.statement !== 'expect') continue;
    const passed = result.columns.indexOf('passed');
    for (const row of result.rows) if (row[passed] !== true) failed++;
  }
  return failed;
}

function emptyExecution(): Execution {
  return { results: [], errors: [], sql: [], views: [], summary: [] };
}

async function attempt(
  options: ExecuteOptions,
  sql: string,
  place: (message: string) => CellError,
): Promise<QueryResult | CellError> {
  if (options.signal?.aborted) throw new Cancelled();
  try {
    return await options.engine.query(sql, { signal: options.signal });
  } catch (e) {
    if (options.signal?.aborted) throw new Cancelled();
    return place(e instanceof Error ? e.message : String(e));
  }
}

function isResult(value: QueryResult | CellError): value is QueryResult {
  return 'rows' in value;
}

function withoutTrailingSemicolons(source: string): string {
  return source.replace(/[\s;]+$/, '');
}

function atSpan(message: string, span?: Span): CellError {
  return { message: firstParagraph(message), line: span?.line ?? 1, column: span?.column ?? 1 };
}

/**
 * DuckDB points at the failing place as `LINE n:` and a caret under a copy of the line; `shift`
 * is how many lines we put before the analyst's text.
 */
function sqlError(message: string, shift: number): CellError {
  const lines = message.split('\n');
  const at = lines.findIndex((l) => /^LINE \d+:/.test(l));
  if (at < 0) return { message: firstParagraph(message), line: 1, column: 1 };
  const prefix = /^LINE (\d+): /.exec(lines[at]!)!;
  const line = Math.max(1, Number(prefix[1]) - shift);
  const caret = lines[at + 1]?.indexOf('^') ?? -1;
  const truncated = lines[at]!.slice(prefix[0].length).startsWith('...');
  const column = caret >= prefix[0].length && !truncated ? caret - prefix[0].length + 1 : 1;
  return { message: firstParagraph(lines.slice(0, at).join('\n')), line, column };
}

function firstParagraph(message: string): string {
  return message
    .split(/\n\s*\n/)[0]!
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
}
