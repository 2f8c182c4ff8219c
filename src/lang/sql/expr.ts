import type { IR, PopulationModel } from '../check/model.ts';
import type { Dialect } from './dialect.ts';

/** How to read columns while lowering an expression: which table alias holds which row. */
export interface ExprContext {
  dialect: Dialect;
  /** The reference date as 'YYYY-MM-DD'. */
  asof: string;
  entity?: string;
  link?: string;
  population?: string;
}

const PRECEDENCE: Record<string, number> = {
  or: 1, and: 2, '=': 4, '!=': 4, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6,
};

/** Lowers a checked expression to SQL, with parentheses only where precedence needs them. */
export function emitExpr(ir: IR, ctx: ExprContext): string {
  return emit(ir, ctx, 0);
}

function qualified(alias: string | undefined, column: string, ctx: ExprContext): string {
  const name = ctx.dialect.ident(column);
  return alias ? `${alias}.${name}` : name;
}

function wrap(sql: string, own: number, outer: number): string {
  return own < outer ? `(${sql})` : sql;
}

function emit(ir: IR, ctx: ExprContext, outer: number): string {
  const d = ctx.dialect;
  switch (ir.k) {
    case 'number':
      return ir.value < 0 ? `(${d.number(ir.value)})` : d.number(ir.value, ir.digits);
    case 'string':
      return d.string(ir.value);
    case 'date':
      return d.date(ir.value);
    case 'boolean':
      return d.boolean(ir.value);
    case 'null':
      return 'NULL';
    case 'asof':
      return d.date(ctx.asof);
    case 'duration':
      return 'NULL';
    case 'column': {
      const alias = ir.row === 'link' ? ctx.link : ir.row === 'population' ? ctx.population : ctx.entity;
      return qualified(alias, ir.name, ctx);
    }
    case 'segment':
      return qualified(ctx.entity, ir.name, ctx);
    case 'member':
      return `coalesce(${qualified(ctx.entity, ir.column, ctx)} = ${d.string(ir.value)}, FALSE)`;
    case 'function': {
      const args = ir.args.map((a) => emit(a, ctx, 0));
      if (ir.fn === 'days_since') return d.daysBetween(args[0], d.date(ctx.asof));
      if (ir.fn === 'days_between') return d.daysBetween(args[0], args[1]);
      return d.scalar(ir.fn, args);
    }
    case 'unary':
      return ir.op === 'not' ? wrap(`NOT ${emit(ir.operand, ctx, 3)}`, 3, outer) : negate(emit(ir.operand, ctx, 7));
    case 'binary': {
      const p = PRECEDENCE[ir.op] ?? 4;
      if (ir.op === '/') return wrap(d.divide(emit(ir.left, ctx, p), emit(ir.right, ctx, 0)), p, outer);
      if (ir.op === '%') return wrap(d.modulo(emit(ir.left, ctx, p), emit(ir.right, ctx, p + 1)), p, outer);
      const op = ir.op === '!=' ? '<>' : ir.op.toUpperCase();
      // Comparisons do not chain in SQL, so both sides of one sit above comparison precedence.
      const right = p === 4 ? 5 : p + 1;
      return wrap(`${emit(ir.left, ctx, p === 4 ? 5 : p)} ${op} ${emit(ir.right, ctx, right)}`, p, outer);
    }
    case 'dateShift':
      return d.dateShift(emit(ir.date, ctx, 5), ir.sign, ir.duration, ir.timestamp);
    case 'between':
      return wrap(`${emit(ir.value, ctx, 5)} ${ir.negated ? 'NOT ' : ''}BETWEEN ${emit(ir.low, ctx, 5)} AND ${emit(ir.high, ctx, 5)}`, 4, outer);
    case 'in':
      return wrap(`${emit(ir.value, ctx, 5)} ${ir.negated ? 'NOT ' : ''}IN (${ir.list.map((x) => emit(x, ctx, 0)).join(', ')})`, 4, outer);
    case 'isNull':
      return wrap(`${emit(ir.value, ctx, 5)} IS ${ir.negated ? 'NOT ' : ''}NULL`, 4, outer);
    case 'like':
      return wrap(d.like(emit(ir.value, ctx, 5), emit(ir.pattern, ctx, 5), ir.negated, ir.caseInsensitive), 4, outer);
    case 'case': {
      const whens = ir.whens.map((w) => `WHEN ${emit(w.condition, ctx, 0)} THEN ${emit(w.result, ctx, 0)}`).join(' ');
      return `CASE ${whens}${ir.otherwise ? ` ELSE ${emit(ir.otherwise, ctx, 0)}` : ''} END`;
    }
  }
}

/** Calls `visit` on every column an expression reads (entity columns, segments, parts). */
export function forEachColumn(ir: IR, visit: (name: string) => void): void {
  switch (ir.k) {
    case 'column':
      if (ir.row === 'entity') visit(ir.name);
      return;
    case 'segment':
      visit(ir.name);
      return;
    case 'member':
      visit(ir.column);
      return;
    case 'function':
      ir.args.forEach((a) => forEachColumn(a, visit));
      return;
    case 'unary':
      forEachColumn(ir.operand, visit);
      return;
    case 'binary':
      forEachColumn(ir.left, visit);
      forEachColumn(ir.right, visit);
      return;
    case 'dateShift':
      forEachColumn(ir.date, visit);
      return;
    case 'between':
      [ir.value, ir.low, ir.high].forEach((x) => forEachColumn(x, visit));
      return;
    case 'in':
      [ir.value, ...ir.list].forEach((x) => forEachColumn(x, visit));
      return;
    case 'isNull':
      forEachColumn(ir.value, visit);
      return;
    case 'like':
      forEachColumn(ir.value, visit);
      forEachColumn(ir.pattern, visit);
      return;
    case 'case':
      ir.whens.forEach((w) => {
        forEachColumn(w.condition, visit);
        forEachColumn(w.result, visit);
      });
      if (ir.otherwise) forEachColumn(ir.otherwise, visit);
      return;
    default:
      return;
  }
}

/** Whether an entity expression is text, where its shape tells: such values sort by the dialect's `orderText`. */
export function isText(ir: IR, population: PopulationModel): boolean {
  switch (ir.k) {
    case 'string':
      return true;
    case 'column':
      return (population.columns.find((c) => c.name === ir.name)?.type ?? population.entityColumns.get(ir.name.toLowerCase())?.type) === 'text';
    case 'function':
      return ir.fn === 'lower' || ir.fn === 'upper' || (['coalesce', 'least', 'greatest'].includes(ir.fn) && ir.args.some((a) => isText(a, population)));
    case 'case':
      return ir.whens.some((w) => isText(w.result, population)) || (ir.otherwise !== undefined && isText(ir.otherwise, population));
    default:
      return false;
  }
}

/** `-(-x)`: two minus signs side by side would start a SQL comment and swallow the rest of the line. */
function negate(operand: string): string {
  return operand.startsWith('-') ? `-(${operand})` : `-${operand}`;
}
