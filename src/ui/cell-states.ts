/**
 * What the page remembers about each cell between runner events, by cell id: the latest outcome,
 * the last finished one, when it started running, the results to show and the editor markers.
 */
import type { Diagnostic } from '../lang/diagnostics.ts';
import type { CellError, CellOutcome, CellResult, CellStatus, DefinitionSummary } from '../notebook/outcome.ts';
import type { EditableCell } from './notebook-cells.ts';

/** One cell as the page shows it. */
export interface CellView {
  cell: EditableCell;
  index: number;
  outcome?: CellOutcome;
  /**
   * The state to show: the outcome's, except that a cell queued behind an edit elsewhere whose
   * results still hold keeps showing how it finished (most queued cells finish from the cache).
   * Undefined for Markdown cells and before the engine has seen the notebook.
   */
  status?: CellStatus;
  durationMs?: number;
  /** `performance.now()` when the cell started running, while it runs. */
  runningSince?: number;
  /** The latest finished outcome's results; kept (dimmed by the page) while the cell waits to run again. */
  results: CellResult[];
  summary: DefinitionSummary[];
  /** False while the results shown are from an earlier version of the notebook. */
  current: boolean;
  /**
   * The latest run failed, and the results shown are the last ones it had: a half-typed edit that
   * runs with an error dims the chart under the error instead of taking it away.
   */
  kept: boolean;
  /**
   * The latest finished run's errors, placed as exactly as the page can (see cell-diagnostics.ts);
   * kept while the cell waits to run again, until its own text changes.
   */
  errors: CellError[];
  /** Run errors and warnings for the editor that its own checks do not already show. */
  diagnostics: Diagnostic[];
}

/** A finished cell's errors as the page shows them: under the cell, and as editor markers. */
export interface PlacedErrors {
  errors: CellError[];
  diagnostics: Diagnostic[];
}

interface CellState {
  outcome: CellOutcome;
  /** The results shown belong to the notebook as it is: set when the cell finishes, cleared when it goes stale. */
  fresh: boolean;
  settled?: CellOutcome;
  /** The last finished outcome with results, shown (dimmed) while the latest one is an error without any. */
  lastResults?: CellOutcome;
  runningSince?: number;
  placed: PlacedErrors;
}

const NO_ERRORS: PlacedErrors = { errors: [], diagnostics: [] };

export class CellStates {
  private readonly states = new Map<string, CellState>();
  /** The view last made for each cell, with the state it was made from. */
  private readonly views = new Map<string, { view: CellView; state: CellState | undefined }>();

  /** Records a runner event for `cell`; `place` is asked only when the cell finished with errors or warnings. */
  record(cell: EditableCell, outcome: CellOutcome, place: () => PlacedErrors): void {
    const previous = this.states.get(cell.id);
    const next: CellState = { fresh: previous?.fresh ?? false, placed: previous?.placed ?? NO_ERRORS, outcome };
    if (previous?.settled) next.settled = previous.settled;
    if (previous?.lastResults) next.lastResults = previous.lastResults;
    if (outcome.status === 'running') next.runningSince = performance.now();
    if (outcome.status === 'stale') next.fresh = false;
    if (outcome.status === 'done' || outcome.status === 'error') {
      next.fresh = true;
      next.settled = outcome;
      next.placed = outcome.errors.length > 0 || (outcome.warnings?.length ?? 0) > 0 ? place() : NO_ERRORS;
      if (!failedEmpty(outcome)) next.lastResults = outcome;
    }
    this.states.set(cell.id, next);
  }

  /** The cell's text changed: its old run errors point at text that is gone. */
  edited(id: string): void {
    const state = this.states.get(id);
    if (state) this.states.set(id, { ...state, placed: NO_ERRORS });
  }

  clear(): void {
    this.states.clear();
    this.views.clear();
  }

  /**
   * The same object as last time while the cell, its place and its state are the same ones, so
   * the page re-renders only the cells a keystroke or a run event touched.
   */
  view(cell: EditableCell, index: number): CellView {
    const state = this.states.get(cell.id);
    const last = this.views.get(cell.id);
    if (last && last.view.cell === cell && last.view.index === index && last.state === state) return last.view;
    const view = viewOf(cell, index, state);
    this.views.set(cell.id, { view, state });
    return view;
  }

  /** Member counts from definition-only cells' summaries, by lower-case name. */
  knownSizes(): Map<string, number> {
    const sizes = new Map<string, number>();
    for (const state of this.states.values()) for (const s of state.settled?.summary ?? []) sizes.set(s.name.toLowerCase(), s.size);
    return sizes;
  }
}

function viewOf(cell: EditableCell, index: number, state: CellState | undefined): CellView {
  const shown = state?.outcome.status === 'queued' && state.fresh ? state.settled : state?.outcome;
  const settled = state?.settled;
  const kept = settled !== undefined && failedEmpty(settled) && state?.lastResults !== undefined;
  const resulted = kept ? state!.lastResults : settled;
  return {
    cell,
    index,
    ...(state ? { outcome: state.outcome } : {}),
    ...(shown && cell.kind !== 'markdown' ? { status: shown.status } : {}),
    ...(shown?.durationMs !== undefined ? { durationMs: shown.durationMs } : {}),
    ...(state?.runningSince !== undefined ? { runningSince: state.runningSince } : {}),
    results: resulted?.results ?? [],
    summary: resulted?.summary ?? [],
    current: state?.fresh ?? false,
    kept,
    errors: state?.placed.errors ?? [],
    diagnostics: state?.placed.diagnostics ?? [],
  };
}

/** A run that failed with nothing to show: the cell keeps showing its last results instead. */
function failedEmpty(outcome: CellOutcome): boolean {
  return outcome.status === 'error' && outcome.results.length === 0 && outcome.summary.length === 0;
}
