import type { Span } from '../diagnostics.ts';

/** Plain, JSON-safe AST nodes; every node carries the span of its source text. */

/** A literal as written, where its value is checked later (a date on the calendar, a row limit). */
export interface Written<T> {
  value: T;
  span: Span;
}

export interface Name {
  /** As written, without backticks; display names keep this case (spec §10). */
  text: string;
  span: Span;
}

export type DurationUnit = 'day' | 'week' | 'month' | 'year';

export interface Duration {
  type: 'duration';
  amount: number;
  unit: DurationUnit;
  /** A word after `within N` or `every N` that is no unit (`fortnight`); the checker reports it, and `unit` is then meaningless. */
  unknownUnit?: Name;
  span: Span;
}

export type Expr =
  /** `digits`: the literal's own digits, for a whole number beyond 2^53 that `value` cannot hold exactly. */
  | { type: 'number'; value: number; digits?: string; span: Span }
  | { type: 'string'; value: string; span: Span }
  | { type: 'date'; value: string; span: Span }
  | { type: 'boolean'; value: boolean; span: Span }
  | { type: 'null'; span: Span }
  | { type: 'asof'; span: Span }
  | { type: 'everyone'; span: Span }
  | Duration
  | { type: 'reference'; name: Name; member?: Name; span: Span }
  | Call
  | { type: 'unary'; op: '-' | 'not'; operand: Expr; span: Span }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr; span: Span }
  | { type: 'between'; value: Expr; low: Expr; high: Expr; negated: boolean; span: Span }
  | { type: 'in'; value: Expr; list: Expr[]; negated: boolean; span: Span }
  | { type: 'isNull'; value: Expr; negated: boolean; span: Span }
  | { type: 'like'; value: Expr; pattern: Expr; negated: boolean; caseInsensitive: boolean; span: Span }
  | { type: 'case'; whens: { condition: Expr; result: Expr }[]; otherwise?: Expr; span: Span }
  | { type: 'missing'; span: Span };

export type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface Call {
  type: 'call';
  name: Name;
  args: Expr[];
  order?: 'asc' | 'desc';
  where?: Expr;
  within?: Duration;
  /** A second `where` or `within` in one call (the grammar takes them in either order), at its keyword. */
  repeated?: { clause: 'where' | 'within'; span: Span };
  span: Span;
}

export interface SegmentRef {
  /** undefined for `everyone`. */
  name?: Name;
  member?: Name;
  span: Span;
}

export interface Metric {
  expr: Expr;
  alias?: Name;
  /** Source text with white space outside quotes removed: the default column name (spec §10). */
  text: string;
  span: Span;
}

export type Statement =
  | { kind: 'population'; name: Name; table?: Name; key: Name; where?: Expr; span: Span }
  | { kind: 'link'; table: Name; alias?: Name; population?: Name; on: Name; time?: Name; span: Span }
  | { kind: 'let'; name: Name; population?: Name; expr: Expr; span: Span }
  | { kind: 'segment'; name: Name; population?: Name; expr: Expr; span: Span }
  | { kind: 'partition'; name: Name; population?: Name; parts: PartitionPart[]; span: Span }
  | { kind: 'split'; name: Name; segment: SegmentRef; arms: SplitArm[]; seed?: string; span: Span }
  | { kind: 'asof'; date: string; span: Span }
  | { kind: 'compare'; segments: SegmentRef[]; metrics: Metric[]; by?: Metric; span: Span }
  | { kind: 'overlap'; segments: SegmentRef[]; span: Span }
  | { kind: 'profile'; segment: SegmentRef; baseline?: SegmentRef; span: Span }
  | { kind: 'trend'; segments: SegmentRef[]; every: Duration; from: Written<string>; to: Written<string>; span: Span }
  | { kind: 'show'; segment: SegmentRef; limit?: Written<number>; span: Span }
  | { kind: 'expect'; expr: Expr; text: string; span: Span };

export interface PartitionPart {
  name: Name;
  /** undefined for `otherwise`. */
  condition?: Expr;
  span: Span;
}

export interface SplitArm {
  name: Name;
  percent: number;
  span: Span;
}

export type DefinitionStatement = Extract<
  Statement,
  { kind: 'population' | 'link' | 'let' | 'segment' | 'partition' | 'split' }
>;
