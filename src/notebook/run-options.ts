/** What a runner is given: its services once, a notebook on every change, and a request per run. */
import type { DataSource, Engine } from '../engine/types.ts';
import type { SegCompiler } from './compiler.ts';
import type { Notebook } from './model.ts';
import type { TableSource } from './tables.ts';

export interface RunnerOptions<P> {
  engine: Engine;
  compiler: SegCompiler<P>;
  /** Turns a front-matter path into something the engine can load (a file path in Node, a URL in the browser). */
  resolveData: (path: string) => DataSource;
  today?: () => string;
  /** Count the members of what definition-only cells define (the notebook shows it; the CLI does not need it). */
  summaries?: boolean;
  /** `profile` results add each quartile's range, `from` and `to` (the notebook shows them; §5's table, the CLI's, has none). */
  profileRanges?: boolean;
}

export interface NotebookInput {
  notebook: Notebook;
  /** Tables added or replaced by the person running the notebook (`--data NAME=PATH`). */
  tables?: TableSource[];
  /** Overrides every other reference date (`--asof`). */
  asof?: string;
  /** Each cell's id, where an editor keeps them: cells are then followed by id, not by their text. */
  ids?: readonly string[];
}

export interface RunRequest {
  /** Run this cell, what it needs and everything downstream of it; without it, every cell. */
  cell?: number;
  signal?: AbortSignal;
  /** Create views but skip analysis statements and plain SQL queries. */
  viewsOnly?: boolean;
  /** Cells left out, with everything downstream of them: they stay stale. */
  skip?: number[];
  /** Run `cell` itself even when its results are at hand (the analyst asked for it: `random()` gives new numbers). */
  force?: boolean;
}
