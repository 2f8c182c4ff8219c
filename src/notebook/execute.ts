/**
 * Running one cell's SQL on the engine: a SQL cell's view or query, a SegQL cell's compiled
 * statements. Engine failures become cell errors placed as near to their cause as we can tell.
 */
import type { Engine, QueryResult } from '../engine/types.ts';
import type { Span } from '../lang/diagnostics.ts';
import type { ValuesTableUse } from '../lang/index.ts';
import type { CompiledStatement } from './compiler.ts';
import type { CellError, CellResult, DefinitionSummary } from './outcome.ts';
import { locateSqlError } from './sql-error-place.ts';
import { runtimeErrorInWords, sqlErrorInWords } from './sql-error-words.ts';
import { quoteIdentifier } from './tables.ts';
import type { ValueCache } from './value-cache.ts';

export interface Execution {
  results: CellResult[];
  errors: CellError[];
  sql: string[];
  /** Views the cell (re)created, in the case they were named. */
  views: string[];
  summary: DefinitionSummary[];
  /** What the data says is surely not what was meant, though the cell ran (literal-hints.ts). */
  warnings?: CellError[];
}

export interface ExecuteOptions {
  engine: Engine;
  signal?: AbortSignal;
  /** Count each created view's members (a definition-only cell's summary). */
  summaries?: boolean;
  /** Create views but only record analysis statements and queries, as `segbook sql` does. */
  viewsOnly?: boolean;
  /** The cell's index in the program it was compiled from: a let of its own that fails is placed at the let. */
  cell?: number;
}

/** The values tables a SegQL cell's statements read, each made current before the first statement to run that reads it. */
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
    else execution.errors.push(sqlErrorInWords(locateSqlError(source, created), source));
    return execution;
  }
  execution.sql.push(source);
  if (options.viewsOnly) return execution;
  const outcome = await attempt(options, source, (message) => sqlError(message, 0));
  if (isResult(outcome)) execution.results.push({ statement: 'sql', ...outcome });
  else execution.errors.push(sqlErrorInWords(locateSqlError(source, outcome), source));
  return execution;
}

/**
 * A SegQL cell's statements in their order, except views that no statement after them reads:
 * those are made once the cell's results are in, and `shown` hears of the results first, so the
 * page draws them while the engine makes the views. The execution is the one running them in
 * order gives: on a failure, the views before it are made and the results after it dropped.
 */
export async function executeStatements(
  statements: CompiledStatement[],
  options: ExecuteOptions,
  values?: ValuesStep,
  shown?: (execution: Execution) => void,
): Promise<Execution> {
  const uses = values?.uses ?? [];
  const deferred = options.viewsOnly || !shown ? [] : viewsAfterResults(statements, uses);
  const steps: Step[] = statements.map(() => ({ values: 0, ran: false }));
  const built = new Set<ValuesTableUse>();
  let valuesFailed = false;
  const placeOf = (index: number) => {
    const statement = statements[index]!;
    return statement.kind === 'view' ? undefined : statement.span;
  };
  /** Runs statement `index` after the values tables it and the statements put off before it read; the index of a failure. */
  const runStep = async (index: number): Promise<number | undefined> => {
    for (const use of uses) {
      if (use.statement > index || built.has(use)) continue;
      built.add(use);
      const owner = steps[use.statement]!;
      owner.values++;
      if (!values!.cache.needsBuild(use.table, madeViews(steps))) continue;
      values!.cache.forget(use.table);
      const made = await attempt(options, use.table.sql, (message) => atSpan(message, placeOf(use.statement)));
      if (!isResult(made)) {
        owner.error = await blameLet(options, use.table, made);
        valuesFailed = true;
        return use.statement;
      }
      values!.cache.builtNow(use.table);
    }
    const statement = statements[index]!;
    const step = steps[index]!;
    step.ran = true;
    if (statement.kind === 'result' && options.viewsOnly) return undefined;
    if (statement.kind === 'check' && values?.cache.passes(statement)) return undefined;
    const outcome = await attempt(options, statement.sql, (message) => atSpan(runtimeErrorInWords(message), placeOf(index)));
    if (!isResult(outcome)) step.error = outcome;
    else if (statement.kind === 'view') step.view = statement.name;
    else if (statement.kind === 'check') {
      if (outcome.rows.length > 0) step.error = atSpan(String(outcome.rows[0]![0]), statement.span);
      else values?.cache.passed(statement);
    } else step.result = { statement: statement.statement, ...outcome, ...(statement.shares ? { shares: statement.shares } : {}) };
    return step.error ? index : undefined;
  };
  let failed: number | undefined;
  for (const index of statements.keys()) {
    if (deferred.includes(index)) continue;
    failed = await runStep(index);
    if (failed !== undefined) break;
  }
  if (failed === undefined && deferred.length > 0) {
    // Every view is asked of the engine before the page hears of the results: whatever the page
    // asks next (a segment's members) comes after them.
    const making = Promise.allSettled(deferred.map(runStep));
    const whole = steps.map((step) => ({ ...step, values: uses.length, ran: true }));
    shown?.(assemble(statements, uses, whole, statements.length));
    const made = await making;
    for (const outcome of made) if (outcome.status === 'rejected') throw outcome.reason;
    failed = made.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : undefined)).find((index) => index !== undefined);
  } else if (failed !== undefined && !valuesFailed) {
    // Views put off read the values tables: after one failed to build, each would fail for want
    // of it, and its error ('table … values does not exist') would hide the one that says why.
    for (const index of deferred) {
      if (index > failed) break;
      const failure = await runStep(index);
      if (failure !== undefined) {
        failed = failure;
        break;
      }
    }
  }
  const execution = assemble(statements, uses, steps, failed ?? statements.length);
  if (failed === undefined && options.summaries && execution.results.length === 0) {
    for (const view of execution.views) {
      const counted = await attempt(options, `SELECT count(*) AS size FROM ${quoteIdentifier(view)}`, (m) => atSpan(m));
      if (isResult(counted)) execution.summary.push({ name: view, size: Number(counted.rows[0]?.[0] ?? 0) });
    }
  }
  return execution;
}

/** How far one statement got: the values tables first read by it that were reached, whether it ran, and what it made. */
interface Step {
  values: number;
  ran: boolean;
  view?: string;
  result?: CellResult;
  error?: CellError;
}

function madeViews(steps: Step[]): string[] {
  return steps.flatMap((step) => (step.view ? [step.view] : []));
}

/**
 * The execution as if the statements had run in order, up to `last` (the one that failed, if
 * any). A values table's SQL is shown with the statement that first reads it, built then or not:
 * it says where the statements after it read their values from.
 */
function assemble(statements: CompiledStatement[], uses: ValuesTableUse[], steps: Step[], last: number): Execution {
  const execution = emptyExecution();
  steps.forEach((step, index) => {
    // A view asked for with the others, after the one that failed, exists all the same: the runner keeps track of it.
    if (index > last) {
      if (step.view) execution.views.push(step.view);
      return;
    }
    const tables = uses.filter((use) => use.statement === index).slice(0, step.values);
    execution.sql.push(...tables.map((use) => use.table.sql));
    if (step.ran) execution.sql.push(statements[index]!.sql);
    if (step.error) execution.errors.push(step.error);
    if (step.view) execution.views.push(step.view);
    if (step.result && index < last) execution.results.push(step.result);
  });
  return execution;
}

/** Views that no statement after them reads, where a result comes after them: they can wait until the results are in. */
function viewsAfterResults(statements: CompiledStatement[], uses: ValuesTableUse[]): number[] {
  const read = new Set(uses.flatMap((use) => use.table.reads));
  const deferred: number[] = [];
  let resultAfter = false;
  for (let index = statements.length - 1; index >= 0; index--) {
    const statement = statements[index]!;
    if (statement.kind === 'view' && resultAfter && !read.has(statement.name.toLowerCase())) {
      deferred.unshift(index);
      continue;
    }
    if (statement.kind === 'result') resultAfter = true;
    for (const name of statement.reads) read.add(name);
  }
  return deferred;
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

/**
 * A values table that failed to build, told as the let that fails: the first whose query alone
 * fails, placed at it when it is the cell's own, named with its cell otherwise. The engine's
 * message is all there is when no let fails alone.
 */
async function blameLet(options: ExecuteOptions, table: ValuesTableUse['table'], failure: CellError): Promise<CellError> {
  for (const candidate of table.lets) {
    const probed = await attempt(options, candidate.probe(), (message) => atSpan(message));
    if (isResult(probed)) continue;
    const own = candidate.cell === options.cell;
    const where = own ? { line: candidate.span.line, column: candidate.span.column } : { line: failure.line, column: failure.column };
    return { message: `'${candidate.name}'${own ? '' : ` (cell ${candidate.cell}, line ${candidate.span.line})`} cannot be computed: ${runtimeErrorInWords(probed.message)}`, ...where };
  }
  return failure;
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
