import type { Duration } from '../ast/nodes.ts';
import type { Span } from '../diagnostics.ts';

/**
 * The checked model: names resolved against the catalog and the notebook, types known, every
 * expression in a form the SQL stage lowers without further lookups.
 */

export type ValueType = 'number' | 'text' | 'date' | 'timestamp' | 'boolean' | 'duration' | 'null' | 'unknown';

/** A resolved expression. `column` reads a column of the current row (entity or link row). */
export type IR =
  | { k: 'number'; value: number; digits?: string }
  | { k: 'string'; value: string }
  | { k: 'date'; value: string }
  | { k: 'boolean'; value: boolean }
  | { k: 'null' }
  | { k: 'asof' }
  | { k: 'duration'; duration: Duration }
  | { k: 'column'; name: string; row: 'entity' | 'link' | 'population' }
  | { k: 'segment'; name: string }
  | { k: 'member'; column: string; value: string }
  | { k: 'function'; fn: string; args: IR[] }
  | { k: 'unary'; op: '-' | 'not'; operand: IR }
  | { k: 'binary'; op: string; left: IR; right: IR }
  | { k: 'dateShift'; date: IR; sign: 1 | -1; duration: Duration; timestamp: boolean }
  | { k: 'between'; value: IR; low: IR; high: IR; negated: boolean }
  | { k: 'in'; value: IR; list: IR[]; negated: boolean }
  | { k: 'isNull'; value: IR; negated: boolean }
  | { k: 'like'; value: IR; pattern: IR; negated: boolean; caseInsensitive: boolean }
  | { k: 'case'; whens: { condition: IR; result: IR }[]; otherwise?: IR };

export interface Typed {
  ir: IR;
  type: ValueType;
}

export interface LinkModel {
  alias: string;
  table: string;
  population: string;
  on: string;
  onType: ValueType;
  columns: { name: string; type: ValueType }[];
  time?: { name: string; type: ValueType; hasNulls?: boolean };
  /** Aggregates used anywhere, keyed by column id. */
  aggregates: Map<string, LinkAggregate>;
}

export type AggregateFn = 'count' | 'sum' | 'avg' | 'min' | 'max' | 'median' | 'count_distinct' | 'first' | 'last';

export interface LinkAggregate {
  id: string;
  fn: AggregateFn;
  /** undefined for count(L): it counts rows. */
  arg?: IR;
  where?: IR;
  within?: Duration;
  /** The where clause reads the population's columns: the link rows must be joined to it. */
  readsPopulation: boolean;
}

export type EntityColumnKind = 'let' | 'segment' | 'partition' | 'split' | 'quantile';

/** A per-entity value computed in the pipeline, in dependency order. */
export interface EntityColumn {
  id: string;
  kind: EntityColumnKind;
  type: ValueType;
  /** Entity columns (ids) and link aggregates (ids) it reads. */
  deps: string[];
  value: EntityValue;
  cell: number;
  span: Span;
  order: number;
}

export type EntityValue =
  | { k: 'expr'; ir: IR; coalesceFalse: boolean }
  | { k: 'partition'; parts: { name: string; condition?: IR }[] }
  | { k: 'split'; segment: IR; arms: { name: string; percent: number }[]; seed: string; key: string }
  | { k: 'quantile'; buckets: number; arg: IR; order: 'asc' | 'desc' };

export interface PopulationModel {
  name: string;
  table: string;
  key: string;
  keyType: ValueType;
  /** The table's columns in table order. */
  columns: { name: string; type: ValueType; sqlType: string }[];
  where?: IR;
  links: LinkModel[];
  entityColumns: Map<string, EntityColumn>;
  cell: number;
}
