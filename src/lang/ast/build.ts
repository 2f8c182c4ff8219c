import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Span } from '../diagnostics.ts';
import { emptySpan, joinSpans, spanOfToken } from '../span.ts';
import type {
  BinaryOp, Call, Duration, DurationUnit, Expr, Metric, Name, PartitionPart, SegmentRef, SplitArm, Statement, Written,
} from './nodes.ts';

/**
 * Turns a statement's CST into an AST. Error recovery may leave parts of the CST missing; those
 * become `missing` nodes or undefined optionals, and the parser has already reported why.
 */
export function buildStatement(cst: CstNode, source: string): Statement | undefined {
  const [kind] = Object.keys(cst.children);
  const node = first(cst, kind);
  if (!node) return undefined;
  const b = new Builder(source);
  switch (kind) {
    case 'populationStatement':
      return b.population(node);
    case 'linkStatement':
      return b.link(node);
    case 'letStatement':
    case 'segmentStatement':
      return b.letOrSegment(node, kind === 'letStatement' ? 'let' : 'segment');
    case 'partitionStatement':
      return b.partition(node);
    case 'splitStatement':
      return b.split(node);
    case 'asofStatement':
      return { kind: 'asof', date: token(node, 'DateLiteral')?.image ?? '', span: b.span(node) };
    case 'compareStatement':
      return b.compare(node);
    case 'overlapStatement':
      return { kind: 'overlap', segments: b.segmentList(first(node, 'segmentList')), span: b.span(node) };
    case 'profileStatement':
      return b.profile(node);
    case 'trendStatement':
      return b.trend(node);
    case 'showStatement': {
      const limit = token(node, 'NumberLiteral');
      return {
        kind: 'show',
        segment: b.segmentRef(first(node, 'segmentRef')),
        limit: limit ? { value: parseNumber(limit.image), span: spanOfToken(limit) } : undefined,
        span: b.span(node),
      };
    }
    case 'expectStatement': {
      const expr = first(node, 'expression');
      return { kind: 'expect', expr: b.expression(expr), text: b.text(expr), span: b.span(node) };
    }
    default:
      return undefined;
  }
}

function first(node: CstNode | undefined, key: string): CstNode | undefined {
  const child = node?.children[key]?.[0];
  return child && isNode(child) ? child : undefined;
}

function all(node: CstNode | undefined, key: string): CstNode[] {
  return (node?.children[key] ?? []).filter(isNode);
}

function token(node: CstNode | undefined, key: string): IToken | undefined {
  const child = node?.children[key]?.[0];
  return child && !isNode(child) && !isRecovered(child) ? child : undefined;
}

function tokens(node: CstNode | undefined, key: string): IToken[] {
  return (node?.children[key] ?? []).filter((c): c is IToken => !isNode(c) && !isRecovered(c));
}

function isNode(element: CstElement): element is CstNode {
  return 'children' in element;
}

function isRecovered(t: IToken): boolean {
  return t.isInsertedInRecovery === true || Number.isNaN(t.startOffset);
}

/** A number; a whole one beyond 2^53 keeps its digits, so an ID like 9007199254740993 reaches SQL as written. */
function numberLiteral(image: string, span: Span): Expr {
  const value = parseNumber(image);
  const digits = image.replace(/_/g, '');
  return /^\d+$/.test(digits) && !Number.isSafeInteger(value) ? { type: 'number', value, digits, span } : { type: 'number', value, span };
}

export function parseNumber(image: string): number {
  return Number(image.replace(/_/g, ''));
}

export function unquoteString(image: string): string {
  const quote = image[0];
  return image.slice(1, -1).split(quote + quote).join(quote);
}

const UNITS: readonly string[] = ['day', 'week', 'month', 'year'] satisfies DurationUnit[];

/** `days` → `day`; undefined for a word that is no unit. */
function normaliseUnit(word: string): DurationUnit | undefined {
  const singular = word.toLowerCase().replace(/s$/, '');
  return UNITS.includes(singular) ? (singular as DurationUnit) : undefined;
}

const COMPARISON: Record<string, BinaryOp> = { '=': '=', '!=': '!=', '<>': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

class Builder {
  constructor(private readonly source: string) {}

  span(node: CstNode | undefined): Span {
    const loc = node?.location;
    if (!loc || Number.isNaN(loc.startOffset)) return emptySpan;
    // Chevrotain tracks lines and columns already; recomputing them from offsets is quadratic.
    return {
      start: loc.startOffset,
      end: (loc.endOffset ?? loc.startOffset) + 1,
      line: loc.startLine ?? 1,
      column: loc.startColumn ?? 1,
      endLine: loc.endLine ?? loc.startLine ?? 1,
      endColumn: (loc.endColumn ?? loc.startColumn ?? 1) + 1,
    };
  }

  text(node: CstNode | undefined): string {
    const s = this.span(node);
    return this.source.slice(s.start, s.end);
  }

  written(t: IToken | undefined, parent: CstNode): Written<string> {
    return t ? { value: t.image, span: spanOfToken(t) } : { value: '', span: this.span(parent) };
  }

  name(node: CstNode | undefined): Name | undefined {
    const t = token(node, 'Identifier') ?? token(node, 'QuotedIdentifier');
    if (!t) return undefined;
    const text = t.tokenType.name === 'QuotedIdentifier' ? t.image.slice(1, -1).split('``').join('`') : t.image;
    return { text, span: spanOfToken(t) };
  }

  requiredName(node: CstNode | undefined, parent: CstNode): Name {
    return this.name(node) ?? { text: '', span: this.span(parent) };
  }

  population(node: CstNode): Statement {
    const where = first(node, 'where');
    return {
      kind: 'population',
      name: this.requiredName(first(node, 'populationName'), node),
      table: this.name(first(node, 'table')),
      key: this.requiredName(first(node, 'key'), node),
      where: where ? this.expression(where) : undefined,
      span: this.span(node),
    };
  }

  link(node: CstNode): Statement {
    return {
      kind: 'link',
      table: this.requiredName(first(node, 'table'), node),
      alias: this.name(first(node, 'alias')),
      population: this.name(first(node, 'population')),
      on: this.requiredName(first(node, 'on'), node),
      time: this.name(first(node, 'time')),
      span: this.span(node),
    };
  }

  ofPopulation(node: CstNode): Name | undefined {
    return this.name(first(first(node, 'ofPopulation'), 'name'));
  }

  letOrSegment(node: CstNode, kind: 'let' | 'segment'): Statement {
    return {
      kind,
      name: this.requiredName(first(node, 'name'), node),
      population: this.ofPopulation(node),
      expr: this.expression(first(node, 'expression')),
      span: this.span(node),
    };
  }

  partition(node: CstNode): Statement {
    const parts: PartitionPart[] = all(node, 'partitionPart').map((part) => {
      const condition = first(part, 'expression');
      return {
        name: this.requiredName(first(part, 'name'), part),
        condition: token(part, 'Otherwise') ? undefined : this.expression(condition),
        span: this.span(part),
      };
    });
    return {
      kind: 'partition',
      name: this.requiredName(first(node, 'name'), node),
      population: this.ofPopulation(node),
      parts,
      span: this.span(node),
    };
  }

  split(node: CstNode): Statement {
    const arms: SplitArm[] = all(node, 'splitArm').map((arm) => ({
      name: this.requiredName(first(arm, 'name'), arm),
      percent: parseNumber(token(arm, 'NumberLiteral')?.image ?? 'NaN'),
      span: this.span(arm),
    }));
    const seed = token(node, 'StringLiteral');
    return {
      kind: 'split',
      name: this.requiredName(first(node, 'name'), node),
      segment: this.segmentRef(first(node, 'segmentRef')),
      arms,
      seed: seed ? unquoteString(seed.image) : undefined,
      span: this.span(node),
    };
  }

  compare(node: CstNode): Statement {
    const by = first(node, 'by');
    const byAlias = this.name(first(node, 'byAlias'));
    return {
      kind: 'compare',
      segments: this.segmentList(first(node, 'segmentList')),
      metrics: all(node, 'metric').map((m) => this.metric(first(m, 'expression'), this.name(first(m, 'alias')), m)),
      by: by ? this.metric(by, byAlias, by) : undefined,
      span: this.span(node),
    };
  }

  metric(exprNode: CstNode | undefined, alias: Name | undefined, whole: CstNode): Metric {
    return { expr: this.expression(exprNode), alias, text: compactText(this.text(exprNode)), span: this.span(whole) };
  }

  profile(node: CstNode): Statement {
    const baseline = first(node, 'baseline');
    return {
      kind: 'profile',
      segment: this.segmentRef(first(node, 'segment')),
      baseline: baseline ? this.segmentRef(baseline) : undefined,
      span: this.span(node),
    };
  }

  trend(node: CstNode): Statement {
    return {
      kind: 'trend',
      segments: this.segmentList(first(node, 'segmentList')),
      every: this.duration(first(node, 'duration')),
      from: this.written(token(node, 'from'), node),
      to: this.written(token(node, 'to'), node),
      span: this.span(node),
    };
  }

  segmentList(node: CstNode | undefined): SegmentRef[] {
    return all(node, 'segmentRef').map((r) => this.segmentRef(r));
  }

  segmentRef(node: CstNode | undefined): SegmentRef {
    return {
      name: this.name(first(node, 'name')),
      member: this.name(first(node, 'member')),
      span: this.span(node),
    };
  }

  duration(node: CstNode | undefined): Duration {
    const amount = token(node, 'NumberLiteral');
    const unit = token(node, 'unit');
    const known = unit ? normaliseUnit(unit.image) : 'day';
    return {
      type: 'duration',
      amount: amount ? parseNumber(amount.image) : NaN,
      unit: known ?? 'day',
      ...(unit && !known ? { unknownUnit: { text: unit.image, span: spanOfToken(unit) } } : {}),
      span: this.span(node),
    };
  }

  expression(node: CstNode | undefined): Expr {
    if (!node) return { type: 'missing', span: emptySpan };
    return new PrecedenceClimber(this, flatten(node)).parse();
  }

  arithmetic(node: CstNode | undefined): Expr {
    if (!node) return { type: 'missing', span: emptySpan };
    return new PrecedenceClimber(this, flatten(node)).parse();
  }

  /** A comparison tail applied to the value before it. */
  tail(node: CstNode, value: Expr): Expr {
    const end = this.span(node);
    const span = joinSpans(value.span, end);
    const negated = token(node, 'negated') !== undefined;
    if (token(node, 'Is')) return { type: 'isNull', value, negated: token(node, 'Not') !== undefined, span };
    if (token(node, 'Between')) return { type: 'between', value, low: this.arithmetic(first(node, 'low')), high: this.arithmetic(first(node, 'high')), negated, span };
    if (token(node, 'In')) return { type: 'in', value, list: all(node, 'list').map((e) => this.expression(e)), negated, span };
    return { type: 'like', value, pattern: this.arithmetic(first(node, 'pattern')), negated, caseInsensitive: token(node, 'Ilike') !== undefined, span };
  }

  primary(node: CstNode | undefined): Expr {
    if (!node) return { type: 'missing', span: emptySpan };
    const span = this.span(node);
    const sub = (key: string) => first(node, key);
    const tok = (key: string) => token(node, key);
    let t: IToken | undefined;
    if (sub('duration')) return this.duration(sub('duration'));
    if ((t = tok('NumberLiteral'))) return numberLiteral(t.image, span);
    if ((t = tok('StringLiteral'))) return { type: 'string', value: unquoteString(t.image), span };
    if ((t = tok('DateLiteral'))) return { type: 'date', value: t.image, span };
    if (tok('True')) return { type: 'boolean', value: true, span };
    if (tok('False')) return { type: 'boolean', value: false, span };
    if (tok('Null')) return { type: 'null', span };
    if (tok('Asof')) return { type: 'asof', span };
    if (tok('Everyone')) return { type: 'everyone', span };
    if (sub('caseExpression')) return this.caseExpression(sub('caseExpression')!);
    if (sub('expression')) return this.expression(sub('expression'));
    if (sub('call')) return this.call(sub('call')!);
    const ref = sub('reference');
    const name = this.name(first(ref, 'name'));
    if (ref && name) return { type: 'reference', name, member: this.name(first(ref, 'member')), span: this.span(ref) };
    return { type: 'missing', span };
  }

  call(node: CstNode): Call {
    const fn = token(node, 'function');
    const where = first(node, 'where');
    const within = first(node, 'within');
    const repeated = (['where', 'within'] as const).flatMap((clause) => {
      const second = tokens(node, clause === 'where' ? 'Where' : 'Within')[1];
      return second ? [{ clause, span: spanOfToken(second) }] : [];
    })[0];
    return {
      type: 'call',
      name: fn ? { text: fn.image, span: spanOfToken(fn) } : { text: '', span: this.span(node) },
      args: all(node, 'args').map((a) => this.expression(a)),
      order: token(node, 'Desc') ? 'desc' : token(node, 'Asc') ? 'asc' : undefined,
      where: where ? this.expression(where) : undefined,
      within: within ? this.duration(within) : undefined,
      ...(repeated ? { repeated } : {}),
      span: this.span(node),
    };
  }

  caseExpression(node: CstNode): Expr {
    const conditions = all(node, 'conditions');
    const results = all(node, 'results');
    const otherwise = first(node, 'otherwise');
    return {
      type: 'case',
      whens: conditions.map((c, i) => ({ condition: this.expression(c), result: this.expression(results[i]) })),
      otherwise: otherwise ? this.expression(otherwise) : undefined,
      span: this.span(node),
    };
  }
}

type Item =
  | { kind: 'prefix'; op: 'not' | '-'; token: IToken }
  | { kind: 'primary'; node: CstNode }
  | { kind: 'operator'; token: IToken }
  | { kind: 'tail'; node: CstNode };

/** The items of a flat expression (operands' prefixes and primaries, operators, tails) in source order. */
function flatten(node: CstNode): Item[] {
  const items: { at: number; item: Item }[] = [];
  for (const operand of all(node, 'operands')) {
    for (const t of tokens(operand, 'prefixes')) items.push({ at: t.startOffset, item: { kind: 'prefix', op: t.image === '-' ? '-' : 'not', token: t } });
    const primary = first(operand, 'primary');
    if (primary) items.push({ at: primary.location?.startOffset ?? 0, item: { kind: 'primary', node: primary } });
  }
  for (const t of tokens(node, 'operators')) items.push({ at: t.startOffset, item: { kind: 'operator', token: t } });
  for (const tail of all(node, 'tails')) items.push({ at: tail.location?.startOffset ?? 0, item: { kind: 'tail', node: tail } });
  return items.sort((a, b) => a.at - b.at).map((x) => x.item);
}

const PRECEDENCE: Record<string, number> = { or: 1, and: 2, '=': 4, '!=': 4, '<>': 4, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };
/** `not` binds looser than comparisons and tighter than `and`; comparison tails sit with comparisons. */
const NOT_PRECEDENCE = 3;
const TAIL_PRECEDENCE = 4;

/** SQL precedence over a flat expression: or < and < not < comparisons < + - < * / % < unary minus. */
class PrecedenceClimber {
  private position = 0;

  constructor(
    private readonly builder: Builder,
    private readonly items: Item[],
  ) {}

  parse(): Expr {
    return this.items.length ? this.climb(0) : { type: 'missing', span: emptySpan };
  }

  private climb(minimum: number): Expr {
    let left = this.unary();
    for (;;) {
      const next = this.items[this.position];
      if (!next) return left;
      if (next.kind === 'tail') {
        if (TAIL_PRECEDENCE < minimum) return left;
        this.position++;
        left = this.builder.tail(next.node, left);
        continue;
      }
      if (next.kind !== 'operator') return left;
      const op = next.token.image.toLowerCase();
      const precedence = PRECEDENCE[op] ?? 4;
      if (precedence < minimum) return left;
      this.position++;
      // Comparisons do not chain: both sides of one sit above comparison precedence.
      const right = this.climb(precedence + 1);
      left = { type: 'binary', op: (COMPARISON[op] ?? op) as BinaryOp, left, right, span: joinSpans(left.span, right.span) };
    }
  }

  private unary(): Expr {
    const item = this.items[this.position++];
    if (!item) return { type: 'missing', span: emptySpan };
    if (item.kind === 'prefix') {
      const operand = item.op === 'not' ? this.climb(NOT_PRECEDENCE) : this.unary();
      return { type: 'unary', op: item.op, operand, span: joinSpans(spanOfToken(item.token), operand.span) };
    }
    if (item.kind === 'primary') return this.builder.primary(item.node);
    return { type: 'missing', span: emptySpan };
  }
}

/** Removes white space outside quotes and backticks: `avg( spend )` → `avg(spend)` (spec §10). */
export function compactText(text: string): string {
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
