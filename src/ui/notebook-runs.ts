/**
 * The runs of a notebook: one runner over the engine, requests to it with a shared abort signal
 * (interrupt cancels them all), and what each run did — the report, how many cells reached the
 * engine and for how long. After a run that changed tables or views, the catalog is read again.
 */
import type { DataSource, Engine } from '../engine/types.ts';
import type { Catalog } from '../lang/catalog.ts';
import type { DependencyGraph } from '../notebook/graph.ts';
import type { Notebook } from '../notebook/model.ts';
import type { RunnerEvent } from '../notebook/outcome.ts';
import { NotebookRunner, type RunReport } from '../notebook/runner.ts';
import { segql } from '../notebook/segql.ts';

export interface RunsHost {
  notebook(): Notebook;
  /** The cells' ids, in the notebook's order: the runner follows cells by them. */
  cellIds(): string[];
  /** Every runner event, after the runs have taken note of it. */
  event(event: RunnerEvent): void;
  catalog(catalog: Catalog): void;
  /** Busy or idle, a report came in, or the runs failed. */
  changed(): void;
  runEnd(report: RunReport): void;
}

export interface RunsOptions {
  resolveData: (path: string) => DataSource;
  today?: () => string;
}

export class NotebookRuns {
  private engine?: Engine;
  private runner?: NotebookRunner<unknown>;
  private generation = new AbortController();
  private inFlight = 0;
  private catalogStale = false;
  /** Cells that reached the engine since the last run ended. */
  private readonly executed = new Set<number>();
  private lastExecution?: { cells: number; ms: number };
  private lastReport?: RunReport;
  private problem?: string;

  constructor(private readonly host: RunsHost, private readonly options: RunsOptions) {}

  get started(): boolean {
    return this.runner !== undefined;
  }

  get busy(): boolean {
    return this.inFlight > 0;
  }

  get graph(): DependencyGraph | undefined {
    return this.runner?.graph;
  }

  get report(): RunReport | undefined {
    return this.lastReport;
  }

  get execution(): { cells: number; ms: number } | undefined {
    return this.lastExecution;
  }

  /** Why runs cannot go on (a failure outside any cell), in the analyst's words. */
  get failure(): string | undefined {
    return this.problem;
  }

  get database(): Engine | undefined {
    return this.engine;
  }

  /** A fresh runner over `engine`, taking over from any before it: every cell is new to it. */
  attach(engine: Engine): void {
    this.engine = engine;
    const runner = new NotebookRunner({
      engine,
      compiler: segql,
      resolveData: this.options.resolveData,
      summaries: true,
      profileRanges: true,
      ...(this.options.today ? { today: this.options.today } : {}),
    });
    runner.on((event) => {
      if (this.runner === runner) this.onEvent(event);
    });
    this.runner = runner;
    runner.update({ notebook: this.host.notebook(), ids: this.host.cellIds() });
  }

  update(): void {
    this.runner?.update({ notebook: this.host.notebook(), ids: this.host.cellIds() });
  }

  /** Runs a cell (with what it needs and what uses it), or every cell. */
  /** `skip`: cells to leave stale, with what depends on them (a whole-notebook run only); `force`: run `cell` itself even when up to date. */
  async run(cell?: number, skip?: number[], force = false): Promise<RunReport | undefined> {
    const runner = this.runner;
    if (!runner) return undefined;
    const signal = this.generation.signal;
    this.inFlight++;
    this.host.changed();
    try {
      const report = await runner.run(cell === undefined ? { signal, ...(skip?.length ? { skip } : {}) } : { cell, signal, ...(force ? { force } : {}) });
      this.lastReport = report;
      // A blank SegQL cell starts too, though the analyst has not written anything to run yet.
      const cells = this.host.notebook().cells;
      const executed = [...this.executed].filter((i) => cells[i]?.source.trim());
      this.lastExecution = { cells: executed.length, ms: executed.reduce((ms, i) => ms + (report.cells[i]?.durationMs ?? 0), 0) };
      this.executed.clear();
      this.host.runEnd(report);
      // After an interrupt the engine may still be winding the query down: the catalog can wait.
      if (this.engine && this.catalogStale && !report.cancelled) {
        this.catalogStale = false;
        this.host.catalog(await this.engine.catalog());
      }
      return report;
    } catch (error) {
      this.problem = `The notebook could not run: ${error instanceof Error ? error.message : String(error)}. Your text is kept; reload the page to start the engine again.`;
      return undefined;
    } finally {
      this.inFlight--;
      this.host.changed();
    }
  }

  /** Cancels the running request and every request waiting behind it. */
  cancel(): void {
    this.generation.abort();
    this.generation = new AbortController();
  }

  private onEvent(event: RunnerEvent): void {
    if (event.type === 'table' && event.status === 'loaded') this.catalogStale = true;
    if (event.type === 'cell' && event.status === 'running') {
      this.catalogStale = true;
      this.executed.add(event.index);
    }
    this.host.event(event);
  }
}
