import type { IR } from './model.ts';

/**
 * Whether every row for which `a` is true makes `b` true as well, as far as the shapes of the two
 * conditions show it: `spend > 2000` implies `spend > 1000`, `big and active` implies `big`. Only
 * ever true when it is certain; a false answer means "not known", never "does not imply".
 */
export function implies(given: IR, wanted: IR): boolean {
  const a = withoutNot(given);
  const b = withoutNot(wanted);
  if (same(a, b)) return true;
  const [andA, orA, andB, orB] = [logical(a, 'and'), logical(a, 'or'), logical(b, 'and'), logical(b, 'or')];
  if (andB) return implies(a, andB.left) && implies(a, andB.right);
  if (orA) return implies(orA.left, b) && implies(orA.right, b);
  if (andA && (implies(andA.left, b) || implies(andA.right, b))) return true;
  if (orB && (implies(a, orB.left) || implies(a, orB.right))) return true;
  if (a.k === 'between' && !a.negated) return implies(bounds(a), b);
  if (b.k === 'between' && !b.negated) return implies(a, bounds(b));
  const from = comparison(a);
  const to = comparison(b);
  if (from && to && same(from.value, to.value)) return comparisonImplies(from, to);
  const unequal = exclusions(b);
  if (unequal) return unequal.items.every((item) => excludes(a, unequal.value, item));
  return listImplies(a, b);
}

const NEGATED: Record<string, string> = { '=': '!=', '!=': '=', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };

/**
 * `not` moved inside the condition, where it says the same in SQL's three-valued logic: `not (x > 5)`
 * is `x <= 5` (both null when x is), `not (a and b)` is `not a or not b`. A `not` that cannot move
 * (before a segment, a function) stays, and only ever implies itself.
 */
function withoutNot(ir: IR): IR {
  if (ir.k !== 'unary' || ir.op !== 'not') return ir;
  const inner = ir.operand;
  switch (inner.k) {
    case 'unary':
      return inner.op === 'not' ? withoutNot(inner.operand) : ir;
    case 'binary':
      if (inner.op === 'and' || inner.op === 'or') {
        const op = inner.op === 'and' ? 'or' : 'and';
        return { k: 'binary', op, left: { k: 'unary', op: 'not', operand: inner.left }, right: { k: 'unary', op: 'not', operand: inner.right } };
      }
      return inner.op in NEGATED ? { ...inner, op: NEGATED[inner.op]! } : ir;
    case 'between':
    case 'in':
    case 'isNull':
    case 'like':
      return { ...inner, negated: !inner.negated };
    default:
      return ir;
  }
}

function logical(ir: IR, op: 'and' | 'or'): Extract<IR, { k: 'binary' }> | undefined {
  return ir.k === 'binary' && ir.op === op ? ir : undefined;
}

/**
 * Whether two expressions are written alike: whether their JSON texts are equal, found by walking
 * both at once. Writing the texts out, for every part of a partition against every earlier part
 * and again at each level of the walk, was a tenth of checking a notebook.
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = inJson(a);
  const y = inJson(b);
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return x === y;
  if (Array.isArray(x) || Array.isArray(y)) return Array.isArray(x) && Array.isArray(y) && sameItems(x, y);
  return sameFields(x as Record<string, unknown>, y as Record<string, unknown>);
}

/** A value as JSON has it: a number that is not finite is null; undefined, a function or a symbol is left out. */
function inJson(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  return value;
}

/** In a JSON array, what JSON leaves out is null. */
function sameItems(x: unknown[], y: unknown[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!same(inJson(x[i]) ?? null, inJson(y[i]) ?? null)) return false;
  return true;
}

/** The same fields in the same order, leaving out what JSON leaves out. */
function sameFields(x: Record<string, unknown>, y: Record<string, unknown>): boolean {
  const xs = Object.keys(x);
  const ys = Object.keys(y);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < xs.length && inJson(x[xs[i]!]) === undefined) i++;
    while (j < ys.length && inJson(y[ys[j]!]) === undefined) j++;
    if (i === xs.length || j === ys.length) return i === xs.length && j === ys.length;
    if (xs[i] !== ys[j] || !same(x[xs[i]!], y[ys[j]!])) return false;
    i++;
    j++;
  }
}

function bounds(between: Extract<IR, { k: 'between' }>): IR {
  return {
    k: 'binary',
    op: 'and',
    left: { k: 'binary', op: '>=', left: between.value, right: between.low },
    right: { k: 'binary', op: '<=', left: between.value, right: between.high },
  };
}

const FLIPPED: Record<string, string> = { '>': '<', '>=': '<=', '<': '>', '<=': '>=', '=': '=' };

/**
 * A constant a value is compared with, and what kind it is: limits of different kinds are never
 * compared with each other. Dates compare as their ISO text does.
 */
interface Limit {
  kind: 'number' | 'date' | 'text';
  value: number | string;
}

/** `value OP limit`, the limit on either side. */
interface Comparison {
  value: IR;
  op: string;
  limit: Limit;
}

function comparison(ir: IR): Comparison | undefined {
  if (ir.k !== 'binary' || !(ir.op in FLIPPED)) return undefined;
  const right = limitOf(ir.right);
  if (right !== undefined) return { value: ir.left, op: ir.op, limit: right };
  const left = limitOf(ir.left);
  if (left !== undefined) return { value: ir.right, op: FLIPPED[ir.op]!, limit: left };
  return undefined;
}

/**
 * A number (negative ones are a minus and a number), a date or a text. Whole numbers beyond 2^53 are
 * left out, and so is text with characters from U+D800 on: DuckDB orders text by its UTF-8 bytes,
 * which JavaScript's comparison of UTF-16 units agrees with only below them.
 */
function limitOf(ir: IR): Limit | undefined {
  if (ir.k === 'number') return ir.digits === undefined ? { kind: 'number', value: ir.value } : undefined;
  if (ir.k === 'date') return { kind: 'date', value: ir.value };
  if (ir.k === 'string') return /^[\u0000-\ud7ff]*$/.test(ir.value) ? { kind: 'text', value: ir.value } : undefined;
  if (ir.k === 'unary' && ir.op === '-' && ir.operand.k === 'number' && ir.operand.digits === undefined) return { kind: 'number', value: -ir.operand.value };
  return undefined;
}

function holds(x: number | string, op: string, limit: number | string): boolean {
  switch (op) {
    case '>':
      return x > limit;
    case '>=':
      return x >= limit;
    case '<':
      return x < limit;
    case '<=':
      return x <= limit;
    default:
      return x === limit;
  }
}

/** Both compare the same value with a limit: does every value passing `a` pass `b`? */
function comparisonImplies(a: Comparison, b: Comparison): boolean {
  if (a.limit.kind !== b.limit.kind) return false;
  const [x, y] = [a.limit.value, b.limit.value];
  if (a.op === '=') return holds(x, b.op, y);
  const upward = a.op === '>' || a.op === '>=';
  if (b.op === '=' || upward !== (b.op === '>' || b.op === '>=')) return false;
  // Same direction: a's threshold must be at least as strict as b's.
  if (x !== y) return upward ? x > y : x < y;
  return a.op === b.op || b.op.endsWith('=');
}

/** `x != c` or `x not in (c, …)`: the value, and the constants it must differ from. */
function exclusions(ir: IR): { value: IR; items: IR[] } | undefined {
  if (ir.k === 'in' && ir.negated && ir.list.every(isConstant)) return { value: ir.value, items: ir.list };
  if (ir.k !== 'binary' || ir.op !== '!=') return undefined;
  if (isConstant(ir.right)) return { value: ir.left, items: [ir.right] };
  if (isConstant(ir.left)) return { value: ir.right, items: [ir.left] };
  return undefined;
}

/** Whether every row for which `a` is true has `value` known and different from the constant `item`. */
function excludes(a: IR, value: IR, item: IR): boolean {
  const and = logical(a, 'and');
  if (and) return excludes(and.left, value, item) || excludes(and.right, value, item);
  const or = logical(a, 'or');
  if (or) return excludes(or.left, value, item) && excludes(or.right, value, item);
  if (a.k === 'between' && !a.negated) return excludes(bounds(a), value, item);
  const unequal = exclusions(a);
  if (unequal) return same(unequal.value, value) && unequal.items.some((other) => same(other, item));
  const list = listOf(a);
  if (list) return same(list.value, value) && list.items.every((other) => other.k === item.k && !same(other, item));
  const bound = comparison(a);
  const limit = limitOf(item);
  return bound !== undefined && limit !== undefined && bound.limit.kind === limit.kind && same(bound.value, value) && !holds(limit.value, bound.op, bound.limit.value);
}

/** `x = 'a'` or `x in ('a', 'b')` within `x in (…)` or `x = …` holding every listed value. */
function listImplies(a: IR, b: IR): boolean {
  const from = listOf(a);
  const to = listOf(b);
  if (!from || !to || !same(from.value, to.value)) return false;
  return from.items.every((item) => to.items.some((other) => same(item, other)));
}

function listOf(ir: IR): { value: IR; items: IR[] } | undefined {
  if (ir.k === 'in' && !ir.negated && ir.list.every(isConstant)) return { value: ir.value, items: ir.list };
  if (ir.k === 'binary' && ir.op === '=' && isConstant(ir.right)) return { value: ir.left, items: [ir.right] };
  return undefined;
}

function isConstant(ir: IR): boolean {
  return ir.k === 'number' || ir.k === 'string' || ir.k === 'date' || ir.k === 'boolean';
}
