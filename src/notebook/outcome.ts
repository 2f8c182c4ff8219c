/** What running a cell produces, and the events a runner reports while it works. */
import type { Value } from '../engine/types.ts';
import type { CellKind } from './model.ts';

export type CellStatus = 'stale' | 'queued' | 'running' | 'done' | 'error';

/** One result table (spec §5, §9); `statement` is the analysis statement, or `sql` for a SQL cell. */
export interface CellResult {
  statement: string;
  columns: string[];
  types: string[];
  rows: Value[][];
  /** Columns beyond spec §5's share columns that hold a share from 0 to 1: compare's pct() metrics, whatever they are called. */
  shares?: string[];
}

/** Line and column are 1-based within the cell's own source (spec §10). */
export interface CellError {
  message: string;
  line: number;
  column: number;
}

/** A definition-only cell's summary for people: what it defined and how many members. */
export interface DefinitionSummary {
  name: string;
  size: number;
}

export interface CellOutcome {
  index: number;
  kind: CellKind;
  name: string | null;
  status: CellStatus;
  results: CellResult[];
  errors: CellError[];
  /** What the compiler found odd but ran anyway (a partition part that can never have members). */
  warnings?: CellError[];
  /** The SQL the cell ran, in order: views it created, then its queries. */
  sql: string[];
  summary: DefinitionSummary[];
  /** How long the cell took the last time it ran, in milliseconds. */
  durationMs?: number;
}

export type RunnerEvent =
  | { type: 'cell'; index: number; status: CellStatus; outcome: CellOutcome }
  | { type: 'table'; name: string; status: 'loading' | 'loaded' | 'error'; message?: string };

export function emptyOutcome(index: number, kind: CellKind, name: string | null, status: CellStatus): CellOutcome {
  return { index, kind, name, status, results: [], errors: [], sql: [], summary: [] };
}
