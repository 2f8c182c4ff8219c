import { findColumn, findTable, type Catalog } from './catalog.ts';
import { Analysis } from './check/analyze.ts';
import { literalComparisons, type LiteralComparison } from './check/literal-comparisons.ts';
import { StatementChecker, type CheckedStatement } from './check/statements.ts';
import type { IR, PopulationModel } from './check/model.ts';
import { error, type Diagnostic, type Span } from './diagnostics.ts';
import type { Program } from './program.ts';
import { Unexpressible, type Dialect } from './sql/dialect.ts';
import { duckdb } from './sql/duckdb.ts';
import { ValuesReader, type ValuesTableUse } from './sql/cached-values.ts';
import { emitCompare } from './sql/statements/compare.ts';
import { emitExpect } from './sql/statements/expect.ts';
import { emitOverlap } from './sql/statements/overlap.ts';
import { emitProfile } from './sql/statements/profile.ts';
import { emitLiteralProbe } from './sql/literal-probe.ts';
import { emitPipeline, pipelineSteps, withClause, type Pipeline } from './sql/pipeline.ts';
import { populationReads, statementReads } from './sql/reads.ts';
import { emitMembers, selectMembers } from './sql/statements/show.ts';
import { emitKeyCheck } from './sql/statements/key-check.ts';
import { emitSplit } from './sql/statements/split.ts';
import { emitTrend } from './sql/statements/trend.ts';

export type ResultStatement = 'compare' | 'overlap' | 'profile' | 'trend' | 'show' | 'split' | 'expect';

export type CompiledStatement =
  /** A view of a segment's, part's or arm's members (spec §6): run it, show nothing. */
  | { kind: 'view'; name: string; sql: string; reads: string[] }
  /** A rule the data must keep (a population's key is unique): a row back means it is broken, its first column says how, at `span`. */
  | { kind: 'check'; sql: string; span: Span; reads: string[] }
  /** `shares`: its columns that hold a share from 0 to 1 under a name of the analyst's (`pct(x) as opted_in`). */
  | { kind: 'result'; statement: ResultStatement; sql: string; span: Span; reads: string[]; shares?: string[] };

export interface CompiledCell {
  diagnostics: Diagnostic[];
  statements: CompiledStatement[];
  /** With `values`: the values tables its statements read, which must exist and be current first. */
  values?: ValuesTableUse[];
}

export interface CompileOptions {
  /** The reference date, 'YYYY-MM-DD'. */
  asof: string;
  dialect?: Dialect;
  /** Statements read each population's links and lets from its values table (src/lang/sql/cached-values.ts). */
  values?: boolean;
  /** `profile` adds the columns `from` and `to`, each quartile's range (src/lang/sql/statements/profile.ts); §5's table has none. */
  profileRanges?: boolean;
}

const analyses = new WeakMap<Program, { catalog: Catalog; analysis: Analysis }>();

/** The notebook-wide analysis, reused while the program and the catalog are the same objects. */
export function analyze(program: Program, catalog: Catalog): Analysis {
  const cached = analyses.get(program);
  if (cached && cached.catalog === catalog) return cached.analysis;
  const analysis = new Analysis(program, catalog);
  analyses.set(program, { catalog, analysis });
  return analysis;
}

interface CheckedCell {
  diagnostics: Diagnostic[];
  /** In cell order: views to create (by definition name) and analysis statements to run. */
  steps: ({ kind: 'views'; name: string; span: Span } | { kind: 'key'; population: string; span: Span } | { kind: 'result'; checked: CheckedStatement; span: Span })[];
  analysis: Analysis;
  checker: StatementChecker;
}

const checks = new WeakMap<Program, { catalog: Catalog; analysis: Analysis }>();

/**
 * The analysis that checks one cell: definitions resolve as cells ask for them, so a keystroke's
 * check resolves its cell and what that cell uses, not the whole notebook; shared by every cell
 * checked against the same program and catalog.
 */
function analyzeForCheck(program: Program, catalog: Catalog, cell: number): Analysis {
  let cached = checks.get(program);
  if (!cached || cached.catalog !== catalog) {
    cached = { catalog, analysis: new Analysis(program, catalog, true) };
    checks.set(program, cached);
  }
  cached.analysis.resolveCell(cell);
  return cached.analysis;
}

function checkCellSteps(program: Program, cell: number, catalog: Catalog, analysis = analyze(program, catalog)): CheckedCell | undefined {
  const found = program.cells.find((c) => c.index === cell);
  if (!found) return undefined;
  const before = analysis.diagnostics.length;
  const checker = new StatementChecker(analysis, cell);
  const steps: CheckedCell['steps'] = [];
  for (const statement of found.parsed.statements) {
    if (statement.kind === 'population' && analysis.definitions.get(statement.name.text.toLowerCase())?.statement === statement) {
      steps.push({ kind: 'key', population: statement.name.text, span: statement.key.span });
    }
    if (statement.kind === 'segment' || statement.kind === 'partition' || statement.kind === 'split') {
      if (analysis.definitions.get(statement.name.text.toLowerCase())?.statement === statement) steps.push({ kind: 'views', name: statement.name.text, span: statement.span });
    }
    if (!['compare', 'overlap', 'profile', 'trend', 'show', 'split', 'expect'].includes(statement.kind)) continue;
    const checked = checker.check(statement);
    if (checked) steps.push({ kind: 'result', checked, span: statement.span });
  }
  // Statement checks add to the shared analysis; keep them out of later calls' view of it. Other
  // cells' problems found meanwhile (their definitions resolved on demand) stay with the analysis.
  const added = analysis.diagnostics.splice(before);
  analysis.diagnostics.push(...added.filter((d) => d.cell !== cell));
  const statementDiagnostics = added.filter((d) => d.cell === cell);
  const diagnostics = withoutEchoesOfUnclosedQuote([...found.parsed.diagnostics, ...analysis.diagnostics.filter((d) => d.cell === cell), ...statementDiagnostics])
    .map(({ cell: _cell, ...d }: Diagnostic & { cell?: number }) => d)
    .sort((a, b) => a.span.start - b.span.start);
  return { diagnostics: dedupe(diagnostics), steps, analysis, checker };
}

/** The problems of one cell, without writing any SQL: what an editor needs on every keystroke. */
export function checkCell(program: Program, cell: number, catalog: Catalog): Diagnostic[] {
  return checkCellSteps(program, cell, catalog, analyzeForCheck(program, catalog, cell))?.diagnostics ?? [];
}

/** Compiles one SegQL cell against the catalog as it is now. Never throws for user mistakes. */
export function compileCell(program: Program, cell: number, catalog: Catalog, options: CompileOptions): CompiledCell {
  const checked = checkCellSteps(program, cell, catalog);
  if (!checked) return { diagnostics: [], statements: [] };
  const dialect = options.dialect ?? duckdb;
  const reader = options.values ? new ValuesReader((p) => checked.checker.letsOf(p), options.asof, dialect) : undefined;
  const unexpressible: Diagnostic[] = [];
  const statements: CompiledStatement[] = checked.steps.flatMap((step): CompiledStatement[] => {
    try {
      if (step.kind === 'views') return views(checked.analysis, checked.checker, step.name, options.asof, dialect, reader);
      if (step.kind === 'key') return keyCheck(checked.analysis, step.population, step.span, options.asof, dialect);
      const statement = reader ? reader.statement(step.checked) : step.checked;
      const shares = step.checked.kind === 'compare' ? step.checked.metrics.filter((m) => m.fn === 'pct').map((m) => m.name) : [];
      return [{ kind: 'result', statement: step.checked.kind, sql: emitStatement(statement, options, dialect), span: step.span, reads: statementReads(statement), ...(shares.length ? { shares } : {}) }];
    } catch (e) {
      // Found deep in the emitter, where the dialect meets the construct; reported at the statement.
      if (!(e instanceof Unexpressible)) throw e;
      unexpressible.push(error('dialect', e.message, step.span));
      return [];
    }
  });
  // A split refused for its views is refused again for its result table: one diagnostic is enough.
  const diagnostics = unexpressible.length ? dedupe([...checked.diagnostics, ...unexpressible].sort((a, b) => a.span.start - b.span.start)) : checked.diagnostics;
  return { diagnostics, statements, ...(reader ? { values: reader.uses(statements) } : {}) };
}

/** Text in quotes that an empty segment's or partition part's condition compares a column with, and the query that looks for it in the data. */
export interface LiteralProbe {
  view: string;
  /** The population's name, which says who is counted. */
  population: string;
  comparisons: LiteralComparison[];
  /** DuckDB's; its rows are described at emitLiteralProbe. */
  sql: string;
}

/** For the cell's segments and partition parts among `views` (which came out empty): a probe each, where its condition has text to look for. */
export function literalProbes(program: Program, cell: number, catalog: Catalog, options: { asof: string; views: string[] }): LiteralProbe[] {
  const analysis = analyze(program, catalog);
  const empty = new Set(options.views.map((v) => v.toLowerCase()));
  return [...analysis.definitions.values()]
    .filter((d) => d.cell === cell && (d.kind === 'segment' || d.kind === 'partition'))
    .flatMap((d) => literalComparisons(analysis, d.name))
    .filter((v) => empty.has(v.view.toLowerCase()))
    .map((v) => ({ view: v.view, population: v.population.name, comparisons: v.comparisons, sql: emitLiteralProbe(v.population, v.comparisons, options.asof, duckdb) }));
}

function emitStatement(s: CheckedStatement, options: CompileOptions, dialect: Dialect): string {
  const { asof } = options;
  switch (s.kind) {
    case 'compare':
      return emitCompare(s, asof, dialect);
    case 'overlap':
      return emitOverlap(s, asof, dialect);
    case 'profile':
      return emitProfile(s, asof, dialect, options.profileRanges);
    case 'trend':
      return emitTrend(s, dialect);
    case 'show':
      return emitMembers(s.population, s.segment.condition, s.columns, asof, dialect, s.limit);
    case 'split':
      return emitSplit(s, asof, dialect);
    case 'expect':
      return emitExpect(s, asof, dialect);
  }
}

/**
 * CREATE VIEW statements for a segment, or each part or arm of a partition or split. A view
 * computes what it shows (the population's columns and lets) and what its own condition reads,
 * not every segment of the notebook: DuckDB binds a view's query when it is made and runs it for
 * every size shown, so a hundred segments each computed in every view cost seconds per run. A view
 * deeper than MAX_OWN_STEPS steps (a long chain of definitions) takes the population's one shared
 * pipeline instead, which holds everything: writing a pipeline of its own for each of a chain of
 * thousands would cost time in the square of their number.
 */
function views(analysis: Analysis, checker: StatementChecker, name: string, asof: string, dialect: Dialect, reader?: ValuesReader): CompiledStatement[] {
  const resolved = analysis.resolvedDefinition(name);
  const def = analysis.definitions.get(name.toLowerCase());
  if (!resolved?.ok || !def) return [];
  const defining = analysis.populationNamed(resolved.population);
  if (!defining) return [];
  const lets = checker.letsOf(defining);
  const population = reader ? reader.population(defining) : defining;
  const members =
    def.kind === 'segment'
      ? [{ view: def.name, condition: { k: 'segment' as const, name: def.name } }]
      : (resolved.parts ?? []).map((part) => ({ view: `${def.name}.${part}`, condition: { k: 'member' as const, column: def.name, value: part } }));
  const reads = populationReads(population);
  return members.map(({ view, condition }) => ({
    kind: 'view',
    name: view,
    reads,
    sql: `CREATE OR REPLACE VIEW ${dialect.ident(view)} AS\n${viewBody(analysis, population, condition, lets, asof, dialect)}`,
  }));
}

const MAX_OWN_STEPS = 32;

function viewBody(analysis: Analysis, population: PopulationModel, condition: IR, lets: string[], asof: string, dialect: Dialect): string {
  if (pipelineSteps(population, [condition], lets) <= MAX_OWN_STEPS) return emitMembers(population, condition, lets, asof, dialect);
  const shared = sharedPipeline(analysis, population, lets, asof, dialect);
  return selectMembers(population, shared.pipeline, shared.with, condition, lets, asof, dialect);
}

/** The check that a population's key is on one row each, when the population resolved and the catalog does not know its key is unique. */
function keyCheck(analysis: Analysis, name: string, span: Span, asof: string, dialect: Dialect): CompiledStatement[] {
  const population = analysis.populationNamed(name);
  if (!population || analysis.isBroken(name)) return [];
  const table = findTable(analysis.catalog, population.table);
  if (table && findColumn(table, population.key)?.unique) return [];
  return [{ kind: 'check', sql: emitKeyCheck(population, asof, dialect), span, reads: [population.table.toLowerCase()] }];
}

const sharedPipelines = new WeakMap<Analysis, Map<string, { pipeline: Pipeline; with: string }>>();

function sharedPipeline(analysis: Analysis, population: PopulationModel, lets: string[], asof: string, dialect: Dialect) {
  let cache = sharedPipelines.get(analysis);
  if (!cache) sharedPipelines.set(analysis, (cache = new Map()));
  const key = `${population.name}\u0000${population.table}\u0000${asof}\u0000${dialect.name}`;
  let entry = cache.get(key);
  if (!entry) {
    const viewable = [...analysis.definitions.values()]
      .filter((d) => (d.kind === 'segment' || d.kind === 'partition' || d.kind === 'split') && !analysis.isBroken(d.name))
      .filter((d) => population.entityColumns.has(d.name.toLowerCase()))
      .map((d) => d.name);
    const pipeline = emitPipeline(population, [], [...lets, ...viewable], asof, dialect);
    entry = { pipeline, with: withClause(pipeline.ctes, dialect) };
    cache.set(key, entry);
  }
  return entry;
}

/** After a quote never closed, the rest of its line is misread ('Lisboa an unknown column): only the quote is reported. */
function withoutEchoesOfUnclosedQuote<D extends Diagnostic>(diagnostics: D[]): D[] {
  const quotes = diagnostics.filter((d) => d.code === 'unclosed-quote');
  if (quotes.length === 0) return diagnostics;
  return diagnostics.filter((d) => d.code === 'unclosed-quote' || !quotes.some((q) => d.span.line === q.span.line && d.span.start > q.span.start));
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.span.start}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
