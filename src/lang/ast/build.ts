import type { IToken } from 'chevrotain';
import type { Span } from '../diagnostics.ts';
import { emptySpan, joinSpans, spanOfToken } from '../span.ts';
import { QuotedIdentifier } from '../tokens.ts';
import type { BinaryOp, Duration, DurationUnit, Expr, Name, SegmentRef } from './nodes.ts';

/**
 * The pieces the parser's rules (src/lang/parser.ts) build the AST from, and the stand-ins a rule
 * returns when error recovery cuts it short: the parser has reported why, and a statement with a
 * syntax error is never checked, so a stand-in only has to be a value of the right shape.
 */

export function missingExpr(): Expr {
  return { type: 'missing', span: emptySpan };
}

export function missingName(): Name {
  return { text: '', span: emptySpan };
}

export function missingDuration(): Duration {
  return { type: 'duration', amount: NaN, unit: 'day', span: emptySpan };
}

export function missingSegmentRef(): SegmentRef {
  return { name: undefined, member: undefined, span: emptySpan };
}

/** An identifier, or a name in backticks without them (a doubled backtick is one). */
export function nameOf(t: IToken): Name {
  const text = t.tokenType === QuotedIdentifier ? t.image.slice(1, -1).split('``').join('`') : t.image;
  return { text, span: spanOfToken(t) };
}

/** A number; a whole one beyond 2^53 keeps its digits, so an ID like 9007199254740993 reaches SQL as written. */
export function numberLiteral(t: IToken): Expr {
  const value = parseNumber(t.image);
  const span = spanOfToken(t);
  if (Number.isSafeInteger(value)) return { type: 'number', value, span };
  const digits = t.image.replace(/_/g, '');
  return /^\d+$/.test(digits) ? { type: 'number', value, digits, span } : { type: 'number', value, span };
}

export function stringLiteral(t: IToken): Expr {
  return { type: 'string', value: unquoteString(t.image), span: spanOfToken(t) };
}

export function dateLiteral(t: IToken): Expr {
  return { type: 'date', value: t.image, span: spanOfToken(t) };
}

export function parseNumber(image: string): number {
  return Number(image.includes('_') ? image.replace(/_/g, '') : image);
}

export function unquoteString(image: string): string {
  const quote = image[0]!;
  const inner = image.slice(1, -1);
  return inner.includes(quote) ? inner.split(quote + quote).join(quote) : inner;
}

const UNITS: readonly string[] = ['day', 'week', 'month', 'year'] satisfies DurationUnit[];

/** `days` → `day`; undefined for a word that is no unit. */
function normaliseUnit(word: string): DurationUnit | undefined {
  const singular = word.toLowerCase().replace(/s$/, '');
  return UNITS.includes(singular) ? (singular as DurationUnit) : undefined;
}

/** `3 months`; a word that is no unit (`fortnight`) is kept for the checker to report. */
export function durationOf(amount: IToken, unit: IToken, span: Span): Duration {
  const value = parseNumber(amount.image);
  const known = normaliseUnit(unit.image);
  return known
    ? { type: 'duration', amount: value, unit: known, span }
    : { type: 'duration', amount: value, unit: 'day', unknownUnit: { text: unit.image, span: spanOfToken(unit) }, span };
}

/** A value with its prefix operators (`not`, unary `-`), as the `operand` rule reads it. */
export interface Operand {
  prefixes: readonly IToken[];
  primary: Expr;
}

export const NO_PREFIXES: readonly IToken[] = [];

export function missingOperand(): Operand {
  return { prefixes: NO_PREFIXES, primary: missingExpr() };
}

/** An infix operator and the operand after it. */
export interface Infix {
  kind: 'infix';
  operator: IToken;
  operand: Operand;
}

/** A comparison tail (`is null`, `between`, `in`, `like`) before it is given the value on its left; `span` is the tail's own. */
export type Tail = { kind: 'tail'; negated: boolean; span: Span } & (
  | { type: 'isNull' }
  | { type: 'between'; low: Expr; high: Expr }
  | { type: 'in'; list: Expr[] }
  | { type: 'like'; pattern: Expr; caseInsensitive: boolean }
);

export function missingTail(): Tail {
  return { kind: 'tail', type: 'isNull', negated: false, span: emptySpan };
}

/** What follows an expression's first operand, in source order. */
export type Step = Infix | Tail;

const NO_STEPS: readonly Step[] = [];

/** An expression read flat — operands, infix operators and comparison tails — with SQL's precedence applied. */
export function expressionOf(first: Operand, steps: readonly Step[] = NO_STEPS): Expr {
  if (steps.length === 0 && first.prefixes.length === 0) return first.primary;
  return new PrecedenceClimber(first, steps).climb(0);
}

const COMPARISON: Record<string, BinaryOp> = { '=': '=', '!=': '!=', '<>': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const PRECEDENCE: Record<string, number> = { or: 1, and: 2, '=': 4, '!=': 4, '<>': 4, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };
/** `not` binds looser than comparisons and tighter than `and`; comparison tails sit with comparisons. */
const NOT_PRECEDENCE = 3;
const TAIL_PRECEDENCE = 4;

/** SQL precedence over a flat expression: or < and < not < comparisons < + - < * / % < unary minus. */
class PrecedenceClimber {
  /** 0: the first operand; n: the operand of `steps[n - 1]`, an infix whose operator was read. */
  private position = 0;
  /** How many of the current operand's prefixes were read. */
  private prefix = 0;

  constructor(
    private readonly first: Operand,
    private readonly steps: readonly Step[],
  ) {}

  climb(minimum: number): Expr {
    let left = this.unary();
    for (;;) {
      const next = this.steps[this.position - 1];
      if (!next) return left;
      if (next.kind === 'tail') {
        if (TAIL_PRECEDENCE < minimum) return left;
        this.position++;
        left = withTail(next, left);
        continue;
      }
      const op = next.operator.image.toLowerCase();
      const precedence = PRECEDENCE[op] ?? 4;
      if (precedence < minimum) return left;
      // Comparisons do not chain: both sides of one sit above comparison precedence.
      const right = this.climb(precedence + 1);
      left = { type: 'binary', op: (COMPARISON[op] ?? op) as BinaryOp, left, right, span: joinSpans(left.span, right.span) };
    }
  }

  private unary(): Expr {
    const step = this.position === 0 ? undefined : this.steps[this.position - 1];
    const operand = this.position === 0 ? this.first : step?.kind === 'infix' ? step.operand : undefined;
    const prefix = operand?.prefixes[this.prefix];
    if (prefix) {
      this.prefix++;
      const op = prefix.image === '-' ? '-' : 'not';
      const value = op === 'not' ? this.climb(NOT_PRECEDENCE) : this.unary();
      return { type: 'unary', op, operand: value, span: joinSpans(spanOfToken(prefix), value.span) };
    }
    this.position++;
    this.prefix = 0;
    return operand?.primary ?? missingExpr();
  }
}

/** A comparison tail applied to the value before it. */
function withTail(tail: Tail, value: Expr): Expr {
  const span = joinSpans(value.span, tail.span);
  switch (tail.type) {
    case 'isNull':
      return { type: 'isNull', value, negated: tail.negated, span };
    case 'between':
      return { type: 'between', value, low: tail.low, high: tail.high, negated: tail.negated, span };
    case 'in':
      return { type: 'in', value, list: tail.list, negated: tail.negated, span };
    case 'like':
      return { type: 'like', value, pattern: tail.pattern, negated: tail.negated, caseInsensitive: tail.caseInsensitive, span };
  }
}

/** Removes white space outside quotes and backticks: `avg( spend )` → `avg(spend)` (spec §10). */
export function compactText(text: string): string {
  if (!/\s/.test(text)) return text;
  let out = '';
  let quote: string | undefined;
  for (const ch of text) {
    if (quote) {
      out += ch;
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      out += ch;
    } else if (!/\s/.test(ch)) {
      out += ch;
    }
  }
  return out;
}
