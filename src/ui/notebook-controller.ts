/**
 * The notebook's state and its runs, without any DOM: the cells being edited, each cell's latest
 * outcome, the runs (notebook-runs.ts: the engine and the runner), and when to run what.
 *
 *   edit ─▶ runner.update (what changed and its dependents become stale) ─▶ 400 ms quiet ─▶ run those
 *   keystroke ─▶ the typed cell's view ─▶ next frame ─▶ runner.update (as an edit)
 *   run a cell / run all ─▶ runner.run ─▶ cell events ─▶ 'change' ─▶ the elements re-render
 *
 * After an edit the cells it made stale run, and the cells that used what it removed (run-plan.ts);
 * the runner's cache lets a cell whose SQL and inputs did not change keep its results without
 * touching the engine. Cells that were stale already (interrupted) wait for the analyst.
 * Adding, deleting or moving cells leaves a run in flight alone: the runner follows its cells.
 * Elements listen for 'change'; saving and sharing listen for 'notebook-change' (the text changed).
 */
import type { DataSource, Engine, QueryResult } from '../engine/types.ts';
import type { SegmentColours } from '../charts/segment-colours.ts';
import { checkCell, type Program } from '../lang/index.ts';
import { writeNotebook } from '../notebook/format.ts';
import { notebookColours } from '../notebook/notebook-colours.ts';
import type { DataEntry } from '../notebook/front-matter.ts';
import type { CellKind, Notebook } from '../notebook/model.ts';
import type { CellOutcome, CellStatus, RunnerEvent } from '../notebook/outcome.ts';
import type { RunReport } from '../notebook/runner.ts';
import { errorDiagnostics, withoutShown } from './cell-diagnostics.ts';
import { CellStates, type CellView, type PlacedErrors } from './cell-states.ts';
import { NotebookLanguage } from './notebook-language.ts';
import type { EditableCell } from './notebook-cells.ts';
import { NotebookDocument, type DocumentChange } from './notebook-document.ts';
import { NotebookRuns } from './notebook-runs.ts';
import { interruptedKey, rememberInterrupted, takeInterrupted } from './interrupted-cells.ts';
import { formerDependents, runRoots } from './run-plan.ts';

export type { CellView } from './cell-states.ts';

export interface NotebookControllerOptions {
  notebook: Notebook;
  startEngine: () => Promise<Engine>;
  resolveData: (path: string) => DataSource;
  /** Quiet time after the last edit before dependents re-run. */
  debounceMs?: number;
  today?: () => string;
}

export type NotebookPhase =
  | { step: 'starting' | 'loading' | 'running'; message: string }
  | { step: 'ready' }
  | { step: 'failed'; message: string };

export interface TableView {
  name: string;
  status: 'loading' | 'loaded' | 'error';
  message?: string;
}

/**
 * The quiet time after an edit before its cells run. 400 ms is the time between keystrokes at 30
 * words a minute, a slow typist's pace: typing a word or a number never starts a run mid-way. A
 * segment edit's queries take some 0.3 s at a million customers (their values read from the
 * population's values table), so the chart is redrawn about 0.7 s after the last keystroke. A
 * shorter pause would start runs between keystrokes, each one delaying the run after it.
 */
const RUN_PAUSE_MS = 400;

export class NotebookController extends EventTarget {
  readonly language: NotebookLanguage;
  private readonly document: NotebookDocument;
  private readonly states = new CellStates();
  private readonly tableStates = new Map<string, TableView>();
  private readonly runs: NotebookRuns;
  private failure?: string;
  private notice?: string;
  /** Cells waiting for the pause after edits to run, by id; or everything. */
  private readonly pending = new Set<string>();
  private pendingAll = false;
  /** While the runner takes an edit: the cells it reports stale. */
  private staleNow?: Set<string>;
  /** The cells an interrupted run left out of date, by id: the toolbar says "Interrupted" while one of them still is. */
  private leftStale = new Set<string>();
  /**
   * A keystroke's change, not yet given to the runner: the frame that draws the typed letter
   * neither waits for the notebook's dependency graph nor restyles the cells the edit makes out
   * of date. It goes to the runner once that frame is drawn, or at once when a run, an interrupt
   * or another change comes first (`settle`).
   */
  private unsettled?: { change: DocumentChange; touched: string[] };
  /**
   * While runs go on: the cells with code they queued, by id, and those that finished — counted as
   * the runner's events come, which already redraw the page, so the progress costs no render of its own.
   */
  private readonly progress = { queued: new Set<string>(), finished: new Set<string>() };
  /** The segment colours last handed out, and the program they were read from. */
  private colours?: { program: Program; colours: SegmentColours };
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: NotebookControllerOptions) {
    super();
    this.document = new NotebookDocument(options.notebook);
    this.language = new NotebookLanguage({
      cells: () => this.document.cells,
      frontMatterAsof: () => this.document.meta.meta.asof,
      engine: () => this.runs.database,
      knownSizes: () => this.states.knownSizes(),
    });
    this.runs = new NotebookRuns(
      {
        notebook: () => this.getNotebook(),
        cellIds: () => this.document.cells.map((cell) => cell.id),
        event: (event) => this.onRunnerEvent(event),
        catalog: (catalog) => this.language.setCatalog(catalog),
        changed: () => {
          if (!this.runs.busy) this.clearProgress();
          this.emitChange();
        },
        runEnd: (report) => {
          this.leftStale = new Set(report.cancelled ? this.cells.filter((view) => view.status === 'stale').map((view) => view.cell.id) : []);
          this.dispatchEvent(new CustomEvent('run-end', { detail: report }));
        },
      },
      { resolveData: options.resolveData, ...(options.today ? { today: options.today } : {}) },
    );
  }

  // ── What the page shows ──────────────────────────────────────────────────────────────

  get title(): string | undefined {
    return this.document.meta.meta.title;
  }

  get cells(): CellView[] {
    return this.document.cells.map((cell, index) => this.states.view(cell, index));
  }

  get phase(): NotebookPhase {
    const failure = this.failure ?? this.runs.failure;
    if (failure) return { step: 'failed', message: failure };
    if (!this.runs.started) return { step: 'starting', message: 'Starting the database engine (DuckDB-WASM)…' };
    const loading = [...this.tableStates.values()].filter((t) => t.status === 'loading').map((t) => t.name);
    if (loading.length > 0) return { step: 'loading', message: `Loading data: ${loading.join(', ')}…` };
    if (this.runs.busy) return { step: 'running', message: this.progressMessage() };
    return { step: 'ready' };
  }

  /** The tables the front matter names, read once per front-matter text. */
  get data(): readonly DataEntry[] {
    return this.document.meta.meta.data;
  }

  get tables(): TableView[] {
    return [...this.tableStates.values()];
  }

  /** Notebook-wide problems of the last run: the front matter, data files that could not be read. */
  get problems(): string[] {
    return this.runs.report?.problems ?? this.document.meta.problems;
  }

  /** Something the analyst should know that is not a problem: why everything ran again. Cleared by the next edit. */
  get lastNotice(): string | undefined {
    return this.notice;
  }

  get lastRun(): RunReport | undefined {
    return this.runs.report;
  }

  /**
   * The last run was interrupted and a cell it left out of date is still here and still waits for
   * the analyst: deleted, edited (it runs after the pause) or run again, it no longer does.
   */
  get interrupted(): boolean {
    if (!this.runs.report?.cancelled || this.pendingAll) return false;
    return this.cells.some((view) => view.status === 'stale' && this.leftStale.has(view.cell.id) && !this.pending.has(view.cell.id));
  }

  /**
   * One colour per segment for the page's charts and the report it exports, kept while the
   * notebook is open: a segment defined since the last call takes a colour no other has, so an
   * insertion above the others recolours no chart (src/charts/segment-colours.ts).
   */
  segmentColours(): SegmentColours {
    const program = this.language.program();
    if (this.colours?.program !== program) this.colours = { program, colours: notebookColours(program, this.colours?.colours) };
    return this.colours.colours;
  }

  /** How many cells the last run executed (the others kept their results) and how long they took. */
  get lastExecution(): { cells: number; ms: number } | undefined {
    return this.runs.execution;
  }

  /** The most recently deleted cell, which undoRemove() puts back. */
  get lastDeleted(): EditableCell | undefined {
    return this.document.lastDeleted;
  }

  // ── The notebook as a document (saving, sharing, opening) ────────────────────────────

  getNotebook(): Notebook {
    return this.document.notebook();
  }

  /** The notebook as `*.seg.md` text. */
  text(): string {
    return writeNotebook(this.getNotebook());
  }

  /** Replaces the whole notebook (opening a file) and runs it; listeners hear `replaced` first. */
  setNotebook(notebook: Notebook): void {
    // The run in flight is the other notebook's.
    this.runs.cancel();
    this.states.clear();
    this.dispatchEvent(new Event('replaced'));
    this.apply(this.edit((d) => d.replace(notebook)));
    // The other notebook's tables leave the data panel now, not when the new ones have loaded.
    const named = new Set(this.data.map((entry) => entry.name.toLowerCase()));
    for (const name of this.tableStates.keys()) if (!named.has(name)) this.tableStates.delete(name);
    this.emitChange();
  }

  setFrontMatter(yaml: string | undefined): void {
    this.apply(this.edit((d) => d.setFrontMatter(yaml)));
  }

  // ── Edits ─────────────────────────────────────────────────────────────────────────────

  editSource(id: string, source: string): void {
    this.apply(this.edit((d) => d.editSource(id, source)), true);
  }

  /** A SQL cell's view name; empty makes it a query whose result is shown. */
  setName(id: string, name: string): void {
    this.apply(this.edit((d) => d.setName(id, name)));
  }

  setKind(id: string, kind: CellKind): void {
    this.apply(this.edit((d) => d.setKind(id, kind)));
  }

  /** Inserts a blank cell at `index` and returns its id. */
  insert(index: number, kind: CellKind): string {
    const { id, change } = this.edit((d) => d.insert(index, kind));
    this.apply(change);
    return id;
  }

  remove(id: string): void {
    this.apply(this.edit((d) => d.remove(id)));
  }

  /** Puts the most recently deleted cell back where it was; returns its id. */
  undoRemove(): string | undefined {
    const undone = this.edit((d) => d.undoRemove());
    this.apply(undone?.change);
    // A cell an interrupt left out of date comes back as it was, waiting to be asked to run.
    if (undone && this.leftStale.has(undone.id)) this.pending.delete(undone.id);
    return undone?.id;
  }

  move(id: string, by: -1 | 1): void {
    this.apply(this.edit((d) => d.move(id, by)));
  }

  // ── Runs ──────────────────────────────────────────────────────────────────────────────

  /** Starts the engine, loads the data and runs every cell. */
  async start(): Promise<void> {
    this.emitChange();
    // The page's thread is idle while DuckDB compiles its wasm: the notebook is parsed then, so the
    // runner finds it parsed and sends its first query as soon as the engine is ready.
    whenIdle(() => this.language.program());
    let engine: Engine;
    try {
      engine = await this.options.startEngine();
    } catch (error) {
      this.failure = `The database engine could not start: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
      this.emitChange();
      return;
    }
    performance.mark('segbook:engine-ready');
    this.runs.attach(engine);
    const interrupted = takeInterrupted();
    const waiting = this.document.cells.flatMap((cell, index) => (cell.kind !== 'markdown' && interrupted.has(interruptedKey(cell)) ? [index] : []));
    if (waiting.length > 0) {
      this.notice = `${waiting.length === 1 ? 'A cell' : `${waiting.length} cells`} you interrupted before the page was reloaded did not run, nor what depends on ${waiting.length === 1 ? 'it' : 'them'}: run ${waiting.length === 1 ? 'it' : 'them'} when ready.`;
      this.settle();
      this.clearPending();
      await this.runs.run(undefined, waiting);
      return;
    }
    await this.runAll();
  }

  /**
   * The analyst's Interrupt: the cell that was running stays out of the next opening's run too
   * (interrupted-cells.ts); the ones waiting behind it were only waiting.
   */
  stop(): void {
    const stopped = this.cells.flatMap((view, index) => (view.status === 'running' ? [this.document.cells[index]!] : []));
    rememberInterrupted(stopped.filter((cell) => cell.kind !== 'markdown').map(interruptedKey));
    this.interrupt();
  }

  /**
   * The engine rebuilt its database (after a query broke it or would not stop): the views the
   * cells made are gone, so a fresh runner takes over and every cell is out of date. Nothing runs
   * by itself: the query that broke the engine would only run again.
   */
  engineRestarted(why = 'The database engine was restarted'): void {
    const engine = this.runs.database;
    if (!engine) return;
    this.notice = `${why}. Results are shown as they were: run the cells, or Run all, to bring them up to date.`;
    this.interrupt();
    this.tableStates.clear();
    this.runs.attach(engine);
    this.emitChange();
  }

  /**
   * Runs one cell now (with what it needs and what depends on it). The cell itself runs even when
   * up to date: the analyst asked for it (`select random()`); the rest keep results at hand.
   */
  runCell(id: string): Promise<RunReport | undefined> {
    const index = this.document.indexOf(id);
    if (index < 0 || this.document.cells[index]!.kind === 'markdown') return Promise.resolve(undefined);
    this.settle();
    this.pending.delete(id);
    if (this.pending.size === 0 && !this.pendingAll) this.stopTimer();
    return this.runs.run(index, undefined, true);
  }

  runAll(): Promise<RunReport | undefined> {
    this.settle();
    this.clearPending();
    return this.runs.run();
  }

  /** Stops the running query and drops the runs waiting after it; their cells stay stale. */
  interrupt(): void {
    this.settle();
    this.clearPending();
    this.runs.cancel();
  }

  get busy(): boolean {
    return this.runs.busy;
  }

  /** Whether an edit's run is still to start: a keystroke the runner has not taken, or cells waiting for the edits to pause. */
  get runScheduled(): boolean {
    return this.unsettled !== undefined || this.timer !== undefined;
  }

  /** One query on the notebook's database, e.g. reading a segment's view for an export. */
  query(sql: string): Promise<QueryResult> {
    const engine = this.runs.database;
    return engine ? engine.query(sql) : Promise.reject(new Error('the database engine has not started'));
  }

  async dispose(): Promise<void> {
    this.interrupt();
    await this.runs.database?.close();
  }

  // ── Internals ─────────────────────────────────────────────────────────────────────────

  /**
   * After every change: cells the change affected become stale, editors re-check, and when results
   * may differ the notebook runs once the edits pause.
   */
  private apply(change: DocumentChange | undefined, keystroke = false): void {
    if (!change) return;
    this.notice = undefined;
    if (change.edited !== undefined) this.states.edited(change.edited);
    this.language.cellsChanged();
    const removed = change.before.filter((cell) => !this.document.find(cell.id)).map((cell) => cell.id);
    const touched = change.edited === undefined ? removed : [change.edited, ...removed];
    this.stopDeletedRun(change.before, removed);
    if (keystroke) {
      this.unsettled = { change, touched };
      afterNextFrame(() => this.settle());
    } else {
      this.toRunner(change, touched);
    }
    this.emitChange();
    // No detail: its one listener, autosave, reads the text when it writes, not on every keystroke.
    this.dispatchEvent(new Event('notebook-change'));
  }

  /**
   * The running cell was deleted: its query is stopped, and the cells waiting behind it run after
   * the pause, as after an edit (the ones that were up to date keep their results).
   */
  private stopDeletedRun(before: readonly EditableCell[], removed: string[]): void {
    const running = before.some((cell, index) => removed.includes(cell.id) && this.states.view(cell, index).status === 'running');
    if (!running) return;
    const waiting = this.document.cells.filter((cell, index) => this.states.view(cell, index).status === 'queued');
    this.runs.cancel();
    for (const cell of waiting) this.pending.add(cell.id);
  }

  /**
   * Every change to the document goes through here: a keystroke the runner has not seen yet goes
   * to it first, while the document still matches the graph that keystroke is measured against.
   */
  private edit<T>(change: (document: NotebookDocument) => T): T {
    this.settle();
    return change(this.document);
  }

  /** Gives the runner the keystroke it has not seen yet, if any. */
  private settle(): void {
    const waiting = this.unsettled;
    if (!waiting) return;
    this.unsettled = undefined;
    this.toRunner(waiting.change, waiting.touched);
    this.emitChange();
  }

  /** The runner takes the change: the cells it affected become stale and run once the edits pause. */
  private toRunner(change: DocumentChange, touched: string[]): void {
    const graph = this.runs.graph;
    const affected = new Set(graph ? formerDependents(graph, change.before, touched) : []);
    this.staleNow = affected;
    this.runs.update();
    this.staleNow = undefined;
    if (change.all) this.pendingAll = true;
    else if (change.rerun) for (const id of affected) this.pending.add(id);
    if (this.pendingAll || this.pending.size > 0) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? RUN_PAUSE_MS);
    }
  }

  private flush(): void {
    this.stopTimer();
    const graph = this.runs.graph;
    if (this.pendingAll || !graph) {
      void this.runAll();
      return;
    }
    const cells = [...this.pending].map((id) => this.document.indexOf(id)).filter((i) => i >= 0 && this.document.cells[i]!.kind !== 'markdown');
    this.clearPending();
    for (const root of runRoots(graph, cells)) void this.runs.run(root);
  }

  /** No run waits for the pause any more (runScheduled reads the timer). */
  private stopTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private clearPending(): void {
    this.stopTimer();
    this.pending.clear();
    this.pendingAll = false;
  }

  private onRunnerEvent(event: RunnerEvent): void {
    if (event.type === 'table') {
      this.tableStates.set(event.name.toLowerCase(), {
        name: event.name,
        status: event.status,
        ...(event.message !== undefined ? { message: event.message } : {}),
      });
      this.emitChange();
      return;
    }
    const cell = this.document.cells[event.index];
    if (!cell) return;
    if (event.status === 'stale') this.staleNow?.add(cell.id);
    this.countProgress(cell, event.status);
    this.states.record(cell, event.outcome, () => this.placeErrors(cell, event.index, event.outcome));
    this.emitChange();
  }

  private countProgress(cell: EditableCell, status: CellStatus): void {
    const { queued, finished } = this.progress;
    if (status === 'queued' && cell.kind !== 'markdown' && cell.source.trim() !== '') {
      queued.add(cell.id);
      // Queued again by a run waiting behind the one that ran it: it has to run once more.
      finished.delete(cell.id);
    } else if ((status === 'done' || status === 'error') && queued.has(cell.id)) {
      finished.add(cell.id);
    }
  }

  private clearProgress(): void {
    this.progress.queued.clear();
    this.progress.finished.clear();
  }

  private progressMessage(): string {
    const total = this.progress.queued.size;
    if (total === 0) return 'Running…';
    if (total === 1) return 'Running 1 cell…';
    return `Running cell ${Math.min(this.progress.finished.size + 1, total)} of ${total}…`;
  }

  private placeErrors(cell: EditableCell, index: number, outcome: CellOutcome): PlacedErrors {
    const warnings = outcome.warnings ?? [];
    if (cell.kind === 'sql') return { errors: outcome.errors, diagnostics: [...errorDiagnostics(cell.source, outcome.errors), ...errorDiagnostics(cell.source, warnings, 'warning')] };
    // The editor checks SegQL as it is typed: only what its own markers lack is added (what the
    // data says, such as text an empty segment looks for in the wrong case).
    const shown = checkCell(this.language.program(), index, this.language.catalog());
    return {
      errors: outcome.errors,
      diagnostics: [...errorDiagnostics(cell.source, withoutShown(outcome.errors, shown)), ...errorDiagnostics(cell.source, withoutShown(warnings, shown), 'warning')],
    };
  }

  private emitChange(): void {
    this.dispatchEvent(new Event('change'));
  }
}

function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work);
  else setTimeout(work);
}

/** After the next frame is drawn (in Node, with no frames, on the next task). */
function afterNextFrame(work: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(work));
  else setTimeout(work);
}
