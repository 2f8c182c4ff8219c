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
import type { Catalog } from '../lang/catalog.ts';
import { alignCells, alignIds } from './align.ts';
import { localToday, resolveAsof } from './asof.ts';
import type { NotebookInput, RunnerOptions, RunRequest } from './run-options.ts';
import { blockedByOthers, blockingErrors, graphWarnings, warningsOf, withDiagnostics, type NotebookState } from './blockers.ts';
import { Cancelled, executeSql, executeStatements, type Execution } from './execute.ts';
import { readFrontMatter, type NotebookMeta } from './front-matter.ts';
import { withLiteralHints } from './literal-hints.ts';
import { buildGraph, downstreamOf, upstreamOf, type CellSymbols, type DependencyGraph } from './graph.ts';
import { contentKey } from './key.ts';
import { unclosedFrontMatter } from './format.ts';
import type { Notebook } from './model.ts';
import { emptyOutcome, type CellError, type CellOutcome, type CellStatus, type RunnerEvent } from './outcome.ts';
import { runReport, type RunReport } from './run-report.ts';
import { SymbolCache } from './symbols.ts';
import { quoteIdentifier, TableSet, tableSources, type TableSource, type TableState } from './tables.ts';
import { mayChangeData, ValueCache } from './value-cache.ts';
import { ViewLedger } from './views.ts';

export type { NotebookInput, RunnerOptions, RunRequest } from './run-options.ts';
export type { RunReport } from './run-report.ts';

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
  private readonly symbolCache = new SymbolCache();
  /** The front-matter text `meta` was read from, with whether it was left unclosed; undefined before the first update. */
  private frontMatterKey: string | undefined;
  private tableNames: string[] = [];
  private dependencyGraph: DependencyGraph = buildGraph([], []);
  private outcomes: CellOutcome[] = [];
  private staticKeys: string[] = [];
  private runKeys: (string | undefined)[] = [];
  /**
   * Each cell's identity, kept while cells around it come and go: a run in flight, or one waiting,
   * finds its cells where they are now (cells are otherwise known by position).
   */
  private cellIds: number[] = [];
  private cellCount = 0;
  /**
   * By cell identity: how many times the analyst ran it though up to date. Part of its key, so a
   * table or view it made anew (`select random()`) is read anew by the cells after it.
   */
  private readonly reruns = new Map<number, number>();
  /** notebookContext() at the last update. */
  private context?: string;
  private readonly cache = new Map<string, Cached>();
  /**
   * By cell id: the tables and views a SQL cell's statements made (`create table t as …`) that did
   * not exist before it ran. They are the cell's own: dropped before it runs again, so a plain
   * `create table` can run twice, and once the cell is gone, so no other cell or notebook reads them.
   */
  private readonly made = new Map<number, { name: string; kind: 'table' | 'view' }[]>();
  /** By cell id: the warnings of the cell's last compile, kept with every outcome it gets. */
  private readonly warnings = new Map<number, CellError[]>();
  private readonly views = new ViewLedger();
  private readonly values = new ValueCache();
  /** Values tables the statements compiled in this run read, lower case. */
  private valuesRead = new Set<string>();
  private readonly tables: TableSet;
  private tableStates = new Map<string, TableState>();
  private catalogCache?: Catalog;
  /** Views made or dropped since the catalog was read (lower case); see `catalog()`. */
  private readonly viewsSinceCatalog = new Set<string>();
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
    const previous = { keys: this.staticKeys, graph: this.dependencyGraph, outcomes: this.outcomes, runKeys: this.runKeys, ids: this.cellIds, given: this.input.ids };
    this.input = input;
    this.notebook = input.notebook;
    this.readFrontMatter(input.notebook);
    // Resolved on every update: a path may name a file the analyst has just added in the browser.
    this.sources = tableSources(this.meta.data, this.options.resolveData, input.tables);
    const tableNames = this.sources.map((s) => s.name);
    const cells = input.notebook.cells;
    this.program = this.options.compiler.buildProgram(
      cells.flatMap((cell, index) => (cell.kind === 'seg' ? [{ index, source: cell.source }] : [])),
    );
    this.staticKeys = cells.map((cell) => JSON.stringify([cell.kind, cell.name ?? null, cell.source]));
    const from = input.ids && previous.given ? alignIds(previous.given, input.ids) : alignCells(previous.keys, this.staticKeys);
    this.cellIds = from.map((was) => (was === undefined ? ++this.cellCount : previous.ids[was]!));
    const symbols = this.symbolCache.read(cells, this.staticKeys, this.options.compiler, this.program);
    if (!sameItems(tableNames, this.tableNames) || !sameItems(symbols, this.symbols)) {
      this.dependencyGraph = buildGraph(symbols, tableNames);
    }
    this.symbols = symbols;
    this.tableNames = tableNames;

    const stale = new Set<number>();
    from.forEach((was, index) => {
      const edited = was === undefined || previous.keys[was] !== this.staticKeys[index];
      if (edited || !sameCell(index, was, this.dependencyGraph, previous.graph, previous.outcomes, from)) {
        for (const cell of downstreamOf(this.dependencyGraph, index)) stale.add(cell);
      }
    });
    const context = this.notebookContext();
    if (this.context !== undefined && context !== this.context) {
      cells.forEach((cell, index) => {
        if (cell.kind === 'seg') for (const dependent of downstreamOf(this.dependencyGraph, index)) stale.add(dependent);
      });
    }
    this.context = context;
    const outcomes = cells.map((cell, index): CellOutcome => {
      const name = cell.name ?? null;
      const was = from[index];
      const old = was === undefined ? undefined : previous.outcomes[was];
      if (cell.kind === 'markdown') return old?.kind !== 'markdown' ? emptyOutcome(index, 'markdown', null, 'done') : old.index === index ? old : { ...old, index };
      const kept = !old || old.kind !== cell.kind ? emptyOutcome(index, cell.kind, name, 'stale') : old.index === index && old.name === name ? old : { ...old, index, name };
      return stale.has(index) ? { ...kept, status: 'stale' } : kept;
    });
    this.runKeys = from.map((was, index) => (stale.has(index) || was === undefined ? undefined : previous.runKeys[was]));
    this.outcomes = outcomes;
    outcomes.forEach((outcome, index) => {
      if (stale.has(index) && outcome.kind !== 'markdown') this.emit({ type: 'cell', index, status: 'stale', outcome });
    });
  }

  /**
   * What every SegQL cell reads without naming it: the populations (a cell without `of` means the
   * only one, and is ambiguous once there are two) and the as-of date (a statement or the front
   * matter's). When it changes, results computed under the old one are out of date everywhere.
   */
  private notebookContext(): string {
    const populations = this.symbols.flatMap((s) => s.defines.filter((d) => d.kind === 'population').map((d) => d.name.toLowerCase())).sort();
    return JSON.stringify([populations, this.options.compiler.programAsof(this.program) ?? null, this.meta.asof ?? null]);
  }

  /** Parses the front matter when its text changed: a keystroke in a cell leaves it alone. */
  private readFrontMatter(notebook: Notebook): void {
    const unclosed = unclosedFrontMatter(notebook);
    const key = JSON.stringify([notebook.frontMatter ?? null, unclosed ?? null]);
    if (this.frontMatterKey === key) return;
    this.frontMatterKey = key;
    const front = readFrontMatter(notebook.frontMatter);
    this.meta = front.meta;
    this.frontMatterProblems = unclosed ? [unclosed, ...front.problems] : front.problems;
  }

  /** Runs cells one request at a time: a new request waits for the one before it (abort that one to hurry). */
  run(request: RunRequest = {}): Promise<RunReport> {
    // The cells asked for by identity: cells may move before the request's turn comes.
    const cell = request.cell === undefined ? undefined : this.cellIds[request.cell];
    const skip = (request.skip ?? []).flatMap((index) => this.cellIds[index] ?? []);
    const next = this.queue.then(() => this.runNow(request, cell, skip));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(request: RunRequest, cellId: number | undefined, skipIds: number[]): Promise<RunReport> {
    const { signal } = request;
    const asof = this.asof();
    const cell = cellId === undefined ? undefined : this.cellIds.indexOf(cellId);
    if (cell === -1) return this.report(asof, false);
    const targets = this.targets(cell);
    for (const skipped of skipIds) for (const index of downstreamOf(this.dependencyGraph, this.cellIds.indexOf(skipped))) targets.delete(index);
    // By identity, with the status each had: a cell up to date is up to date again if the run stops before it.
    const waiting = new Map<number, CellStatus>();
    for (const index of targets) {
      waiting.set(this.cellIds[index]!, this.outcomes[index]!.status);
      this.setStatus(index, 'queued');
    }

    const states = await this.tables.sync(
      this.sources,
      (state, status) => this.emit({ type: 'table', name: state.name, status, message: state.error }),
      signal,
    );
    if (states.some((s) => !this.tableStates.has(s.name.toLowerCase()) || this.tableStates.get(s.name.toLowerCase()) !== s)) {
      this.catalogCache = undefined;
      this.values.dataChanged();
    }
    this.tableStates = new Map(states.map((s) => [s.name.toLowerCase(), s]));

    await this.dropLeftovers();
    this.valuesRead = new Set();
    let cancelled = !(await this.values.refresh(this.options.engine, signal));
    // The next waiting cell in the order as it is now: cells may be added, deleted or moved meanwhile.
    const nextWaiting = () => this.dependencyGraph.order.find((index) => waiting.has(this.cellIds[index]!));
    for (let index = nextWaiting(); index !== undefined; index = nextWaiting()) {
      const id = this.cellIds[index]!;
      const before = waiting.get(id);
      waiting.delete(id);
      if (cancelled || signal?.aborted) {
        cancelled = true;
        this.setStatus(index, before === 'done' && this.runKeys[index] !== undefined ? 'done' : 'stale');
        continue;
      }
      try {
        await this.runCell(id, asof, request, request.force === true && id === cellId);
      } catch (e) {
        if (!(e instanceof Cancelled)) throw e;
        cancelled = true;
        const now = this.cellIds.indexOf(id);
        if (now >= 0) this.setStatus(now, 'stale');
      }
      // A SQL cell that wrote, or a view remade: the values tables are rebuilt before anything else reads them.
      if (!cancelled) cancelled = !(await this.values.refresh(this.options.engine, signal));
    }
    if (!cancelled && request.cell === undefined) {
      await this.dropOrphanViews();
      await this.values.dropAllBut(this.valuesRead, this.options.engine);
    }
    if (cancelled) await this.values.dropOutOfDate(this.options.engine);
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

  /** `again`: run it though its results are at hand (a new key: the cells after it read it anew). */
  private async runCell(id: number, asof: string, request: RunRequest, again: boolean): Promise<void> {
    const index = this.cellIds.indexOf(id);
    const cell = this.notebook.cells[index]!;
    if (again) this.reruns.set(id, (this.reruns.get(id) ?? 0) + 1);
    if (cell.kind === 'sql') this.setWarnings(id, graphWarnings(this.dependencyGraph, index));
    const blocked = blockingErrors(this.state(), index);
    if (blocked.length > 0 && cell.kind !== 'seg') return this.finish(id, { errors: blocked });
    // A blank SQL cell is a cell not written yet, as a blank SegQL cell is.
    if (cell.kind === 'sql' && cell.source.trim() === '') return this.finish(id, {});
    if (cell.kind === 'sql') {
      const key = this.keyOf(index, ['sql', cell.name ?? null, cell.source, Boolean(request.viewsOnly)], true);
      return this.execute(id, key, async () => {
        if (!request.viewsOnly && mayChangeData(cell.source)) this.values.dataChanged();
        const creates = request.viewsOnly ? [] : this.options.compiler.sqlCreates(cell.source);
        if (!request.viewsOnly) await this.dropMade(id);
        const before = creates.length > 0 ? await this.relations() : undefined;
        const execution = await executeSql(cell.source, cell.name, { engine: this.options.engine, signal: request.signal, viewsOnly: request.viewsOnly });
        // SQL may change a table's rows, and with them what the catalog says (which time columns hold NULLs).
        this.catalogCache = undefined;
        if (before) await this.recordMade(id, creates, before);
        return execution;
      });
    }

    if (blockedByOthers(this.state(), index)) return this.finish(id, { errors: blocked });
    // The program and the cell's place in it as they are now; the catalog may take a query.
    const program = this.program;
    // `segbook sql` prints statements that run anywhere the tables are: each with its whole pipeline.
    const catalog = await this.catalog();
    const compiled = this.options.compiler.compileCell(program, index, catalog, {
      asof,
      values: !request.viewsOnly,
      ...(this.options.profileRanges ? { profileRanges: true } : {}),
    });
    const errors = withDiagnostics(blocked, compiled.diagnostics);
    this.setWarnings(id, warningsOf(compiled.diagnostics));
    if (errors.length > 0) return this.finish(id, { errors, sql: compiled.statements.map((s) => s.sql) });
    const now = this.cellIds.indexOf(id);
    if (now < 0) return;
    const values = compiled.values ?? [];
    for (const use of values) this.valuesRead.add(use.table.name.toLowerCase());
    // Values tables by their versions; the tables and views the statements read by theirs, which a
    // SQL cell that writes changes (a compare straight over the table has no values table to tell).
    // A key check is a guard, not a result: it is compiled or not as the catalog knows the key to be
    // unique (a prebuilt table's facts, lost at the first SQL), while the data stays the same.
    const keyed = compiled.statements.filter((s) => s.kind !== 'check');
    const versions = [...values.map((use) => this.values.version(use.table)), this.values.readsVersion(keyed.flatMap((s) => s.reads))];
    const key = this.keyOf(now, ['seg', keyed, versions, Boolean(request.viewsOnly), Boolean(this.options.summaries)], false);
    const { engine } = this.options;
    return this.execute(id, key, async (shown) => {
      const execution = await executeStatements(
        compiled.statements,
        { engine, signal: request.signal, viewsOnly: request.viewsOnly, summaries: this.options.summaries, cell: index },
        { uses: values, cache: this.values },
        shown,
      );
      const probes = (views: string[]) => this.options.compiler.literalProbes(program, index, catalog, { asof, views });
      return withLiteralHints(execution, probes, engine, request.signal);
    });
  }

  private setWarnings(id: number, warnings: CellError[]): void {
    if (warnings.length > 0) this.warnings.set(id, warnings);
    else this.warnings.delete(id);
  }

  /**
   * `upstream`: the key takes the keys of the cells this one uses. A SQL cell reads what they made
   * (views, tables) and needs them. A SegQL cell does not: its statements hold the definitions
   * they use, written out, and the versions of what they read (values tables, tables, views a SQL
   * cell made), so a cell whose own SQL did not change keeps its results when another definition
   * of a cell it uses is edited (`compare x` when only `segment y` beside x changed).
   */
  private keyOf(index: number, own: unknown[], upstream: boolean): string {
    const graph = this.dependencyGraph;
    // A peer's key is left out: each would change the other's.
    const upstreamKeys = upstream ? graph.upstream[index]!.filter((u) => !graph.peers[index]!.includes(u)).map((u) => this.runKeys[u] ?? '') : [];
    const tables = graph.tables[index]!.map((t) => [t, this.tableStates.get(t)?.version ?? 0]);
    return contentKey(JSON.stringify([own, upstreamKeys, tables, this.reruns.get(this.cellIds[index]!) ?? 0]));
  }

  /**
   * Runs a cell unless its key's results are at hand. A cell may show its results before its
   * views are made (`shown`): it counts as done then, while the run goes on to the next cell only
   * once the views are there; a view that then fails turns it into an error.
   */
  private async execute(id: number, key: string, run: (shown: (execution: Execution) => void) => Promise<Execution>): Promise<void> {
    const cached = this.cache.get(key);
    if (cached && this.views.ownedBy(cached.execution.views, key)) {
      this.runKeys[this.cellIds.indexOf(id)] = key;
      return this.finish(id, { ...cached.execution, durationMs: cached.durationMs });
    }
    this.setStatus(this.cellIds.indexOf(id), 'running');
    const started = performance.now();
    let shownMs: number | undefined;
    const execution = await run((shown) => {
      shownMs = Math.round(performance.now() - started);
      this.finish(id, { ...shown, durationMs: shownMs });
    });
    const durationMs = shownMs ?? Math.round(performance.now() - started);
    this.viewsChanged(execution.views);
    this.values.relationsChanged(execution.views);
    this.views.record(execution.views, key);
    if (execution.errors.length === 0) {
      this.cache.set(key, { execution, durationMs });
      // Where the cell is now; a cell deleted meanwhile has no place to keep it.
      const index = this.cellIds.indexOf(id);
      if (index >= 0) this.runKeys[index] = key;
    }
    if (shownMs === undefined || execution.errors.length > 0) this.finish(id, { ...execution, durationMs });
  }

  /** The cell's outcome, wherever the cell is now; nothing when it was deleted meanwhile. */
  private finish(id: number, parts: Partial<Pick<CellOutcome, 'results' | 'errors' | 'sql' | 'summary' | 'warnings' | 'durationMs'>>): void {
    const index = this.cellIds.indexOf(id);
    if (index < 0) return;
    const base = this.outcomes[index]!;
    const errors = parts.errors ?? [];
    if (errors.length > 0) this.runKeys[index] = undefined;
    const warnings = [...(this.warnings.get(id) ?? []), ...(parts.warnings ?? [])].sort((a, b) => a.line - b.line || a.column - b.column);
    const outcome: CellOutcome = {
      ...emptyOutcome(index, base.kind, base.name, errors.length > 0 ? 'error' : 'done'),
      results: parts.results ?? [],
      errors,
      sql: parts.sql ?? [],
      summary: parts.summary ?? [],
      ...(warnings.length > 0 ? { warnings } : {}),
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

  /**
   * The catalog as of the last look, read again when a view made or dropped since then is a name
   * the notebook's compile depends on. A segment's cell makes views that only SQL reads, and three
   * catalog queries before every later cell were a twentieth of running a notebook of many segments.
   */
  private async catalog(): Promise<Catalog> {
    if (this.catalogCache && this.viewsSinceCatalog.size > 0) {
      const depends = this.options.compiler.catalogDependencies(this.program);
      if (depends.some((name) => this.viewsSinceCatalog.has(name.toLowerCase()))) this.catalogCache = undefined;
    }
    if (!this.catalogCache) {
      this.viewsSinceCatalog.clear();
      this.catalogCache = await this.options.engine.catalog();
    }
    return this.catalogCache;
  }

  private viewsChanged(views: string[]): void {
    for (const view of views) this.viewsSinceCatalog.add(view.toLowerCase());
  }

  /**
   * A view left by a cell that was deleted or renamed would answer for a name nothing defines any
   * more, hiding an honest "unknown name" error: drop it, and what deleted SQL cells made, before
   * any cell runs.
   */
  private async dropLeftovers(): Promise<void> {
    for (const view of this.views.unclaimed(this.symbols)) await this.dropView(view);
    for (const id of [...this.made.keys()]) if (!this.cellIds.includes(id)) await this.dropMade(id);
    for (const id of [...this.warnings.keys()]) if (!this.cellIds.includes(id)) this.warnings.delete(id);
  }

  /** Tables and views in the database now, lower case, with their kind. */
  private async relations(): Promise<Map<string, 'table' | 'view'>> {
    const catalog = await this.options.engine.catalog();
    return new Map(catalog.tables.map((t) => [t.name.toLowerCase(), t.kind ?? 'table']));
  }

  /** What the cell's statements made: the names it creates that exist now and did not before. */
  private async recordMade(id: number, creates: string[], before: Map<string, 'table' | 'view'>): Promise<void> {
    const after = await this.relations();
    const made = creates.flatMap((name) => {
      const kind = after.get(name.toLowerCase());
      return kind && !before.has(name.toLowerCase()) ? [{ name, kind }] : [];
    });
    if (made.length > 0) this.made.set(id, made);
  }

  private async dropMade(id: number): Promise<void> {
    const made = this.made.get(id);
    if (!made) return;
    this.made.delete(id);
    for (const { name, kind } of made) {
      // A DROP fails when the analyst has since made the name a relation of the other kind
      // (`create view t` over the cell's table t): that one is theirs now, and stays.
      await this.options.engine.query(`DROP ${kind === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS ${quoteIdentifier(name)}`).catch(() => undefined);
    }
    const names = made.map((m) => m.name);
    this.values.relationsChanged(names);
    this.viewsChanged(names);
    this.catalogCache = undefined;
  }

  /** After a full run, views that no current result came from (a cell now failing, a part renamed) go too. */
  private async dropOrphanViews(): Promise<void> {
    const live = new Set(this.runKeys.filter((k): k is string => k !== undefined));
    for (const view of this.views.orphans(live)) await this.dropView(view);
    for (const key of this.cache.keys()) if (!live.has(key)) this.cache.delete(key);
  }

  private async dropView(view: string): Promise<void> {
    await this.options.engine.query(`DROP VIEW IF EXISTS ${quoteIdentifier(view)}`);
    this.views.forget(view);
    this.values.relationsChanged([view]);
    this.viewsChanged([view]);
  }

  private state(): NotebookState {
    return {
      graph: this.dependencyGraph,
      symbols: this.symbols,
      outcomes: this.outcomes,
      tables: this.tableStates,
      names: this.notebook.cells.map((c) => c.name),
    };
  }

  private report(asof: string, cancelled: boolean): RunReport {
    const tableProblems = [...this.tableStates.values()].flatMap((s) => (s.error ? [s.error] : []));
    return runReport({
      ...(this.meta.title !== undefined ? { title: this.meta.title } : {}),
      asof,
      cells: this.outcomes,
      problems: [...this.frontMatterProblems, ...tableProblems],
      cancelled,
    });
  }

  private emit(event: RunnerEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * Whether the cell at `index` is the one that was at `was` and means what it meant then: the same
 * text, reading the same cells, with the same problems in the graph. A cell with errors that moved,
 * or whose inputs moved, runs again: its messages name cells by position.
 */
function sameCell(index: number, was: number | undefined, graph: DependencyGraph, before: DependencyGraph, outcomes: CellOutcome[], from: (number | undefined)[]): boolean {
  if (was === undefined) return false;
  if (graph === before) return true;
  if (outcomes[was]?.status === 'error' && (was !== index || !sameItems(graph.upstream[index]!, before.upstream[was]!))) return false;
  const problems = (g: DependencyGraph, cell: number) => JSON.stringify(g.errors.filter((e) => e.cell === cell).map((e) => [e.message, e.span?.start]));
  return (
    sameItems(graph.upstream[index]!.map((u) => from[u]), before.upstream[was]!) &&
    sameItems(graph.tables[index]!, before.tables[was]!) &&
    problems(graph, index) === problems(before, was)
  );
}
