/**
 * Runs a notebook on an engine, in dependency order, for the CLI and the browser alike.
 *
 *   update(notebook) ─▶ front matter, program, graph ─▶ stale cells
 *   run({cell?})     ─▶ load changed tables ─▶ each cell in order: compile (SegQL) ─▶ SQL ─▶ results
 *
 * A cell's run is keyed by what it will execute (its SQL, and the keys of the cells and tables it
 * reads); a cell whose key did not change keeps its results without touching the engine. Nothing
 * here imports Node: data files reach the engine as `DataSource`s made by the injected resolver.
 */
import type { DataSource, Engine } from '../engine/types.ts';
import type { Catalog } from '../lang/catalog.ts';
import type { Span } from '../lang/diagnostics.ts';
import { localToday, resolveAsof } from './asof.ts';
import type { SegCompiler } from './compiler.ts';
import { Cancelled, executeSql, executeStatements, failedExpectations, type Execution } from './execute.ts';
import { readFrontMatter, type NotebookMeta } from './front-matter.ts';
import { buildGraph, downstreamOf, upstreamOf, type CellSymbols, type DependencyGraph } from './graph.ts';
import { contentKey } from './key.ts';
import type { Notebook } from './model.ts';
import { emptyOutcome, type CellError, type CellOutcome, type CellStatus, type RunnerEvent } from './outcome.ts';
import { cellSymbols } from './symbols.ts';
import { quoteIdentifier, TableSet, tableSources, type TableSource, type TableState } from './tables.ts';

export interface RunnerOptions<P> {
  engine: Engine;
  compiler: SegCompiler<P>;
  /** Turns a front-matter path into something the engine can load (a file path in Node, a URL in the browser). */
  resolveData: (path: string) => DataSource;
  today?: () => string;
  /** Count the members of what definition-only cells define (the notebook shows it; the CLI does not need it). */
  summaries?: boolean;
  /**
   * After the first load of the notebook's tables, refuse file and network access to SQL for good
   * (spec §6). The engine reads files through DuckDB, so nothing can be loaded afterwards: only a
   * runner that loads its data once (the CLI) can seal the engine.
   */
  sealAfterLoading?: boolean;
}

export interface NotebookInput {
  notebook: Notebook;
  /** Tables added or replaced by the person running the notebook (`--data NAME=PATH`). */
  tables?: TableSource[];
  /** Overrides every other reference date (`--asof`). */
  asof?: string;
}

export interface RunRequest {
  /** Run this cell, what it needs and everything downstream of it; without it, every cell. */
  cell?: number;
  signal?: AbortSignal;
  /** Create views but skip analysis statements and plain SQL queries. */
  viewsOnly?: boolean;
}

export interface RunReport {
  title?: string;
  asof: string;
  cells: CellOutcome[];
  /** Notebook-wide problems (front matter, data files), one sentence each. */
  problems: string[];
  cancelled: boolean;
  failedExpectations: number;
  /** Every cell ran without error, every expectation passed, and nothing else went wrong. */
  ok: boolean;
}

/** What creates views: SQL cells with a name, and segments, partitions (their parts) and splits (their arms). */
const VIEW_KINDS = new Set(['view', 'segment', 'partition', 'split']);

interface Cached {
  execution: Execution;
  durationMs: number;
}

export class NotebookRunner<P> {
  private notebook: Notebook = { cells: [] };
  private input: NotebookInput = { notebook: this.notebook };
  private meta: NotebookMeta = { data: [] };
  private frontMatterProblems: string[] = [];
  private sources: TableSource[] = [];
  private program!: P;
  private symbols: CellSymbols[] = [];
  private dependencyGraph: DependencyGraph = buildGraph([], []);
  private outcomes: CellOutcome[] = [];
  private staticKeys: string[] = [];
  private runKeys: (string | undefined)[] = [];
  private readonly cache = new Map<string, Cached>();
  private readonly viewOwners = new Map<string, string>();
  private readonly tables: TableSet;
  private tableStates = new Map<string, TableState>();
  private catalogCache?: Catalog;
  private sealed = false;
  private readonly listeners = new Set<(event: RunnerEvent) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: RunnerOptions<P>) {
    this.tables = new TableSet(options.engine);
    this.update({ notebook: this.notebook });
  }

  on(listener: (event: RunnerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get graph(): DependencyGraph {
    return this.dependencyGraph;
  }

  get cells(): CellOutcome[] {
    return this.outcomes;
  }

  /** Takes a new version of the notebook; cells whose text (or whose upstream's) changed become stale. */
  update(input: NotebookInput): void {
    const previous = this.staticKeys;
    this.input = input;
    this.notebook = input.notebook;
    const front = readFrontMatter(input.notebook.frontMatter);
    this.meta = front.meta;
    this.frontMatterProblems = front.problems;
    this.sources = tableSources(front.meta.data, this.options.resolveData, input.tables);
    const cells = input.notebook.cells;
    this.program = this.options.compiler.buildProgram(
      cells.flatMap((cell, index) => (cell.kind === 'seg' ? [{ index, source: cell.source }] : [])),
    );
    this.symbols = cellSymbols(cells, this.options.compiler, this.program);
    this.dependencyGraph = buildGraph(this.symbols, this.sources.map((s) => s.name));
    this.staticKeys = cells.map((cell) => JSON.stringify([cell.kind, cell.name ?? null, cell.source]));

    const stale = new Set<number>();
    this.staticKeys.forEach((key, index) => {
      if (key !== previous[index]) for (const cell of downstreamOf(this.dependencyGraph, index)) stale.add(cell);
    });
    const outcomes = cells.map((cell, index): CellOutcome => {
      const name = cell.name ?? null;
      if (cell.kind === 'markdown') return emptyOutcome(index, 'markdown', null, 'done');
      const old = this.outcomes[index];
      const kept = old && old.kind === cell.kind ? { ...old, index, name } : emptyOutcome(index, cell.kind, name, 'stale');
      return stale.has(index) ? { ...kept, status: 'stale' } : kept;
    });
    this.runKeys = cells.map((_, index) => (stale.has(index) ? undefined : this.runKeys[index]));
    this.outcomes = outcomes;
    outcomes.forEach((outcome, index) => {
      if (stale.has(index) && outcome.kind !== 'markdown') this.emit({ type: 'cell', index, status: 'stale', outcome });
    });
  }

  /** Runs cells one request at a time: a new request waits for the one before it (abort that one to hurry). */
  run(request: RunRequest = {}): Promise<RunReport> {
    const next = this.queue.then(() => this.runNow(request));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(request: RunRequest): Promise<RunReport> {
    const { signal } = request;
    const asof = this.asof();
    const targets = this.targets(request.cell);
    for (const index of targets) this.setStatus(index, 'queued');

    const states = await this.tables.sync(
      this.sources,
      (state, status) => this.emit({ type: 'table', name: state.name, status, message: state.error }),
      signal,
    );
    if (states.some((s) => !this.tableStates.has(s.name.toLowerCase()) || this.tableStates.get(s.name.toLowerCase()) !== s)) {
      this.catalogCache = undefined;
    }
    this.tableStates = new Map(states.map((s) => [s.name.toLowerCase(), s]));
    if (this.options.sealAfterLoading && !this.sealed) {
      await this.options.engine.query('SET enable_external_access = false');
      await this.options.engine.query('SET lock_configuration = true');
      this.sealed = true;
    }

    await this.dropUnclaimedViews();
    let cancelled = false;
    for (const index of this.dependencyGraph.order) {
      if (!targets.has(index)) continue;
      if (cancelled || signal?.aborted) {
        cancelled = true;
        this.setStatus(index, 'stale');
        continue;
      }
      try {
        await this.runCell(index, asof, request);
      } catch (e) {
        if (!(e instanceof Cancelled)) throw e;
        cancelled = true;
        this.setStatus(index, 'stale');
      }
    }
    if (!cancelled && request.cell === undefined) await this.dropOrphanViews();
    return this.report(asof, cancelled);
  }

  private asof(): string {
    return resolveAsof({
      override: this.input.asof,
      statement: this.options.compiler.programAsof(this.program),
      frontMatter: this.meta.asof,
      today: (this.options.today ?? localToday)(),
    });
  }

  private targets(cell: number | undefined): Set<number> {
    const code = (i: number) => this.notebook.cells[i]?.kind !== 'markdown';
    if (cell === undefined) return new Set(this.dependencyGraph.order.filter(code));
    const graph = this.dependencyGraph;
    return new Set([...upstreamOf(graph, cell), ...downstreamOf(graph, cell)].filter(code));
  }

  private async runCell(index: number, asof: string, request: RunRequest): Promise<void> {
    const cell = this.notebook.cells[index]!;
    const blocked = this.blockers(index);
    if (blocked.length > 0 && cell.kind !== 'seg') return this.finish(index, { errors: blocked });
    if (cell.kind === 'sql') {
      const nameError = cell.name !== undefined && /\s/.test(cell.name)
        ? [{ message: `the view name '${cell.name}' must be one word`, line: 1, column: 1 }]
        : [];
      if (nameError.length > 0) return this.finish(index, { errors: nameError });
      const key = this.keyOf(index, ['sql', cell.name ?? null, cell.source, Boolean(request.viewsOnly)]);
      return this.execute(index, key, () =>
        executeSql(cell.source, cell.name, { engine: this.options.engine, signal: request.signal, viewsOnly: request.viewsOnly }),
      );
    }

    if (this.blockedByOthers(index)) return this.finish(index, { errors: blocked });
    const graphErrors = blocked;
    const compiled = this.options.compiler.compileCell(this.program, index, await this.catalog(), { asof });
    const diagnostics = compiled.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => ({ message: d.message, line: d.span.line, column: d.span.column }))
      .filter((d) => !graphErrors.some((g) => g.line === d.line && g.column === d.column));
    const errors = [...graphErrors, ...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
    if (errors.length > 0) return this.finish(index, { errors, sql: compiled.statements.map((s) => s.sql) });
    const key = this.keyOf(index, ['seg', compiled.statements, Boolean(request.viewsOnly), Boolean(this.options.summaries)]);
    return this.execute(index, key, () =>
      executeStatements(compiled.statements, {
        engine: this.options.engine,
        signal: request.signal,
        viewsOnly: request.viewsOnly,
        summaries: this.options.summaries,
      }),
    );
  }

  /** Errors that keep a cell from running: its own graph errors, failing upstream cells, unreadable tables. */
  private blockers(index: number): CellError[] {
    const at = (span?: Span) => ({ line: span?.line ?? 1, column: span?.column ?? 1 });
    const errors: CellError[] = this.dependencyGraph.errors
      .filter((e) => e.cell === index)
      .map((e) => ({ message: e.message, ...at(e.span) }));
    for (const upstream of this.dependencyGraph.upstream[index]!) {
      if (this.outcomes[upstream]?.status === 'done') continue;
      const ref = this.referenceTo(index, (owner) => owner === upstream);
      const what = ref ? `'${ref.name}' comes from cell ${upstream}` : `this cell depends on cell ${upstream}`;
      errors.push({ message: `${what}, which has errors`, ...at(ref?.span) });
    }
    for (const table of this.dependencyGraph.tables[index]!) {
      const state = this.tableStates.get(table);
      if (!state?.error) continue;
      const ref = this.referenceTo(index, (_, name) => name === table);
      errors.push({ message: `table '${state.name}' is not available: ${state.error}`, ...at(ref?.span) });
    }
    return errors;
  }

  /** A SegQL cell with only its own graph errors still compiles, so every problem in it is reported. */
  private blockedByOthers(index: number): boolean {
    const graph = this.dependencyGraph;
    return (
      graph.upstream[index]!.some((u) => this.outcomes[u]?.status !== 'done') ||
      graph.tables[index]!.some((t) => this.tableStates.get(t)?.error !== undefined)
    );
  }

  private referenceTo(index: number, matches: (owner: number, name: string) => boolean) {
    return this.symbols[index]!.references.find((ref) => {
      const name = ref.name.toLowerCase();
      const owner = this.dependencyGraph.definedIn.get(name) ?? this.dependencyGraph.definedIn.get(name.split('.')[0]!);
      return owner !== undefined && matches(owner, name);
    });
  }

  private keyOf(index: number, own: unknown[]): string {
    const graph = this.dependencyGraph;
    const upstream = graph.upstream[index]!.map((u) => this.runKeys[u] ?? '');
    const tables = graph.tables[index]!.map((t) => [t, this.tableStates.get(t)?.version ?? 0]);
    return contentKey(JSON.stringify([own, upstream, tables]));
  }

  private async execute(index: number, key: string, run: () => Promise<Execution>): Promise<void> {
    const cached = this.cache.get(key);
    if (cached && cached.execution.views.every((v) => this.viewOwners.get(v.toLowerCase()) === key)) {
      this.runKeys[index] = key;
      return this.finish(index, { ...cached.execution, durationMs: cached.durationMs });
    }
    this.setStatus(index, 'running');
    const started = performance.now();
    const execution = await run();
    const durationMs = Math.round(performance.now() - started);
    if (execution.views.length > 0) this.catalogCache = undefined;
    for (const view of execution.views) this.viewOwners.set(view.toLowerCase(), key);
    if (execution.errors.length === 0) {
      this.cache.set(key, { execution, durationMs });
      this.runKeys[index] = key;
    }
    this.finish(index, { ...execution, durationMs });
  }

  private finish(index: number, parts: Partial<Pick<CellOutcome, 'results' | 'errors' | 'sql' | 'summary' | 'durationMs'>>): void {
    const base = this.outcomes[index]!;
    const errors = parts.errors ?? [];
    if (errors.length > 0) this.runKeys[index] = undefined;
    const outcome: CellOutcome = {
      ...emptyOutcome(index, base.kind, base.name, errors.length > 0 ? 'error' : 'done'),
      results: parts.results ?? [],
      errors,
      sql: parts.sql ?? [],
      summary: parts.summary ?? [],
      ...(parts.durationMs !== undefined ? { durationMs: parts.durationMs } : {}),
    };
    this.outcomes[index] = outcome;
    this.emit({ type: 'cell', index, status: outcome.status, outcome });
  }

  private setStatus(index: number, status: CellStatus): void {
    const outcome = { ...this.outcomes[index]!, status };
    this.outcomes[index] = outcome;
    this.emit({ type: 'cell', index, status, outcome });
  }

  private async catalog(): Promise<Catalog> {
    this.catalogCache ??= await this.options.engine.catalog();
    return this.catalogCache;
  }

  /**
   * A view left by a cell that was deleted or renamed would answer for a name nothing defines any
   * more, hiding an honest "unknown name" error: drop it before any cell runs.
   */
  private async dropUnclaimedViews(): Promise<void> {
    const claimed = new Set(
      this.symbols.flatMap((s) => s.defines.filter((d) => VIEW_KINDS.has(d.kind)).map((d) => d.name.toLowerCase())),
    );
    for (const view of this.viewOwners.keys()) {
      if (!claimed.has(view) && !claimed.has(view.split('.')[0]!)) await this.dropView(view);
    }
  }

  /** After a full run, views that no current cell run created (a cell now failing, a part renamed) go too. */
  private async dropOrphanViews(): Promise<void> {
    const live = new Set(this.runKeys.filter((k): k is string => k !== undefined));
    for (const [view, key] of this.viewOwners) if (!live.has(key)) await this.dropView(view);
    for (const key of this.cache.keys()) if (!live.has(key)) this.cache.delete(key);
  }

  private async dropView(view: string): Promise<void> {
    await this.options.engine.query(`DROP VIEW IF EXISTS ${quoteIdentifier(view)}`);
    this.viewOwners.delete(view);
    this.catalogCache = undefined;
  }

  private report(asof: string, cancelled: boolean): RunReport {
    const problems = [
      ...this.frontMatterProblems,
      ...[...this.tableStates.values()].flatMap((s) => (s.error ? [s.error] : [])),
    ];
    const failed = this.outcomes.reduce((n, o) => n + failedExpectations(o.results), 0);
    const allDone = this.outcomes.every((o) => o.status === 'done');
    return {
      ...(this.meta.title !== undefined ? { title: this.meta.title } : {}),
      asof,
      cells: this.outcomes,
      problems,
      cancelled,
      failedExpectations: failed,
      ok: allDone && problems.length === 0 && failed === 0 && !cancelled,
    };
  }

  private emit(event: RunnerEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
