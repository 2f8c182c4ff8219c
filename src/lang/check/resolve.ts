import { compactText } from '../ast/build.ts';
import type { Call, Expr } from '../ast/nodes.ts';
import { isCalendarDate, unknownUnitMessage } from '../dates.ts';
import { forEachChild } from '../program.ts';
import type { Span } from '../diagnostics.ts';
import { foldedTextMisses } from './folded-text.ts';
import { AGGREGATE_FUNCTIONS, ALL_FUNCTION_NAMES, isAggregateFn, SCALAR_FUNCTIONS } from './functions.ts';
import type { IR, LinkModel, PopulationModel, Typed, ValueType } from './model.ts';
import { quoteIfNeeded } from '../tokens.ts';
import { didYouMean, nearest } from './suggest.ts';
import { comparable, describeType, isDateLike } from './types.ts';

/** Where an expression is evaluated: per entity, per linked row (inside an aggregate), or in a population's where. */
export interface Scope {
  population: PopulationModel;
  mode: 'entity' | 'link' | 'populationWhere';
  link?: LinkModel;
  cell: number;
  source: string;
  /** Entity columns this expression reads (ids). */
  deps: Set<string>;
  /** Set when a link expression reads the population's columns. */
  readsPopulation: boolean;
  failed: boolean;
  /** The definition being resolved: never its own "did you mean". */
  defining?: string;
}

/**
 * A scope with every field written out in one order: the resolver reads scopes at every node, and
 * scopes spread from others with fields added took other shapes, which made those reads slow.
 */
export function newScope(population: PopulationModel, mode: Scope['mode'], cell: number, source: string, defining?: string, link?: LinkModel): Scope {
  return { population, mode, link, cell, source, deps: new Set(), readsPopulation: false, failed: false, defining };
}

/** What the resolver needs from the analysis of the whole notebook. */
export interface NameLookup {
  report(cell: number, code: string, message: string, span: Span): void;
  /** Something that runs but is most likely not what was meant. */
  warn(cell: number, code: string, message: string, span: Span): void;
  /** A let, segment, partition or split of a population, resolved on demand; undefined when unknown. */
  entityDefinition(name: string, scope: Scope, span: Span): { id: string; kind: string; type: ValueType; ok: boolean; parts?: string[]; cell?: number } | undefined;
  link(name: string): LinkModel | undefined;
  /** The cell of a link by that name whose definition has an error (so it never became a link); undefined otherwise. */
  brokenLink(name: string): number | undefined;
  populationNamed(name: string): PopulationModel | undefined;
  /** The kind of the notebook's definition of that name, without resolving it. */
  definitionKind(name: string): string | undefined;
  /** Whether the catalog has a table or view of that name. */
  isTable(name: string): boolean;
  /** What to say of a name whose definition has a syntax error, read from `cell`; undefined for any other name. */
  unparsedDefinitionProblem(name: string, cell: number): string | undefined;
  /** Every name visible in the scope, for "did you mean". */
  visibleNames(scope: Scope): string[];
  /** Adds a quantile column to the scope's population (once per distinct text); returns its column id. */
  registerQuantile(scope: Scope, id: string, quantile: QuantileSpec, span: Span): string;
}

export interface QuantileSpec {
  buckets: number;
  arg: IR;
  order: 'asc' | 'desc';
  deps: string[];
}

const NUMBER: ValueType = 'number';

const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=']);

/** A bare name that is no column, met among a comparison's operands: reported once every operand's kind is known. */
interface UnknownOperand {
  /** As written (`web`, or `orders.web` inside an aggregate). */
  name: string;
  /** Where the name was looked for, when that is not plain (` in orders or customers`). */
  where: string;
  nearest?: string;
  span: Span;
}

/**
 * `comparedWithText`: another side of the comparison is a text value, so the name may well be text
 * written without quotes (`channel = web`). A near name is offered too: a typo is as likely.
 */
function unknownColumnMessage(u: UnknownOperand, comparedWithText: boolean): string {
  const asText = `'${u.name.replace(/'/g, "''")}'`;
  if (!comparedWithText) return `unknown column '${u.name}'${u.where}${u.nearest ? ` — did you mean '${u.nearest}'?` : ''}`;
  const near = u.nearest ? `'${u.nearest}', or ` : '';
  return `unknown column '${u.name}'${u.where} — did you mean ${near}the text ${asText}? (write text in single quotes)`;
}

export class ExpressionResolver {
  constructor(private readonly names: NameLookup) {}

  private fail(scope: Scope, code: string, message: string, span: Span): Typed {
    scope.failed = true;
    this.names.report(scope.cell, code, message, span);
    return { ir: { k: 'null' }, type: 'unknown' };
  }

  resolve(e: Expr, scope: Scope): Typed {
    switch (e.type) {
      case 'number':
        if (!Number.isFinite(e.value)) return this.fail(scope, 'number', 'this number is too large to compute with', e.span);
        return { ir: e.digits ? { k: 'number', value: e.value, digits: e.digits } : { k: 'number', value: e.value }, type: NUMBER };
      case 'string': {
        // `"country" = 'US'` as in SQL: in SegQL both quotes make text, so this compares two texts.
        const column = scope.source[e.span.start] === '"' ? findPopulationColumn(scope.population, e.value) : undefined;
        if (column) this.names.warn(scope.cell, 'double-quotes', `"${e.value}" is text, not the column: in SegQL double quotes make text; the column is ${quoteIfNeeded(column.name) ?? column.name}`, e.span);
        return { ir: { k: 'string', value: e.value }, type: 'text' };
      }
      case 'date':
        if (!isCalendarDate(e.value)) return this.fail(scope, 'bad-date', `'${e.value}' is not a date on the calendar`, e.span);
        return { ir: { k: 'date', value: e.value }, type: 'date' };
      case 'boolean':
        return { ir: { k: 'boolean', value: e.value }, type: 'boolean' };
      case 'null':
        return { ir: { k: 'null' }, type: 'null' };
      case 'asof':
        return { ir: { k: 'asof' }, type: 'date' };
      case 'everyone':
        return { ir: { k: 'boolean', value: true }, type: 'boolean' };
      case 'duration':
        if (!Number.isInteger(e.amount)) return this.fail(scope, 'duration', `a duration is a whole number of ${e.unit}s: ${e.amount} is not`, e.span);
        return { ir: { k: 'duration', duration: e }, type: 'duration' };
      case 'missing':
        scope.failed = true;
        return { ir: { k: 'null' }, type: 'unknown' };
      case 'reference':
        return this.reference(e, scope);
      case 'call':
        return this.call(e, scope);
      case 'unary':
        return this.unary(e, scope);
      case 'binary':
        return this.binary(e, scope);
      case 'between': {
        const [value, low, high] = this.comparedOperands([e.value, e.low, e.high], scope);
        this.expectComparable(value, low, e.span, scope);
        this.expectComparable(value, high, e.span, scope);
        return { ir: { k: 'between', value: value.ir, low: low.ir, high: high.ir, negated: e.negated }, type: 'boolean' };
      }
      case 'in': {
        const [value, ...list] = this.comparedOperands([e.value, ...e.list], scope);
        this.warnFoldedTextMisses(e.value, value, e.list, scope);
        list.forEach((item) => this.expectComparable(value, item, e.span, scope));
        return { ir: { k: 'in', value: value.ir, list: list.map((i) => i.ir), negated: e.negated }, type: 'boolean' };
      }
      case 'isNull':
        return { ir: { k: 'isNull', value: this.resolve(e.value, scope).ir, negated: e.negated }, type: 'boolean' };
      case 'like': {
        const [value, pattern] = this.comparedOperands([e.value, e.pattern], scope);
        for (const side of [value, pattern]) {
          if (!['text', 'null', 'unknown'].includes(side.type)) {
            return this.fail(scope, 'type', `like compares text, but this is ${describeType(side.type)}`, e.span);
          }
        }
        return {
          ir: { k: 'like', value: value.ir, pattern: pattern.ir, negated: e.negated, caseInsensitive: e.caseInsensitive },
          type: 'boolean',
        };
      }
      case 'case': {
        const whens = e.whens.map((w) => ({ condition: this.condition(w.condition, scope), result: this.resolve(w.result, scope) }));
        const otherwise = e.otherwise ? this.resolve(e.otherwise, scope) : undefined;
        const results = [...whens.map((w) => w.result), ...(otherwise ? [otherwise] : [])];
        const type = results.find((r) => r.type !== 'null' && r.type !== 'unknown')?.type ?? 'unknown';
        for (const r of results) {
          if (!comparable(type, r.type)) {
            return this.fail(scope, 'type', `the results of this case mix ${describeType(type)} and ${describeType(r.type)}`, e.span);
          }
        }
        return {
          ir: { k: 'case', whens: whens.map((w) => ({ condition: w.condition.ir, result: w.result.ir })), otherwise: otherwise?.ir },
          type,
        };
      }
    }
  }

  /** A condition: true/false (or null, which counts as false). */
  condition(e: Expr, scope: Scope): Typed {
    const t = this.resolve(e, scope);
    if (!['boolean', 'null', 'unknown'].includes(t.type)) {
      return this.fail(scope, 'type', `a condition must be true or false, but this is ${describeType(t.type)}`, e.span);
    }
    return t;
  }

  /** `least(n, 'x')`: the result takes the first value's kind, so every value must be of it. */
  private expectOneKind(fn: string, e: Call, args: Typed[], scope: Scope): void {
    const first = args.findIndex((a) => a.type !== 'null' && a.type !== 'unknown');
    if (first < 0) return;
    const other = args.findIndex((a, i) => i > first && !comparable(args[first]!.type, a.type));
    if (other < 0) return;
    this.fail(scope, 'type', `${fn}() takes values of one kind: argument ${first + 1} is ${describeType(args[first]!.type)}, argument ${other + 1} ${describeType(args[other]!.type)}`, e.args[other]!.span);
  }

  private expectComparable(a: Typed, b: Typed, span: Span, scope: Scope): void {
    if (!comparable(a.type, b.type)) {
      const quoted = quotedDate(a, b) ?? quotedDate(b, a);
      const advice = quoted ? `: a date is written without quotes, ${quoted}` : '';
      this.fail(scope, 'type', `cannot compare ${describeType(a.type)} with ${describeType(b.type)}${advice}`, span);
    }
  }

  /**
   * The operands of one comparison (`a = b`, `a in (b, c)`, `a between b and c`). A bare name that
   * is no column is reported once the other operands' kinds are known: what it most likely is
   * depends on them.
   */
  private comparedOperands(operands: Expr[], scope: Scope): Typed[] {
    const unknown: (UnknownOperand | undefined)[] = [];
    const typed = operands.map((o, i) => (o.type === 'reference' && !o.member ? this.reference(o, scope, (u) => (unknown[i] = u)) : this.resolve(o, scope)));
    unknown.forEach((u, i) => {
      if (!u) return;
      // Next to text in quotes (`contry = 'US'`) the name is surely a column; next to a text column, maybe text.
      const comparedWithText = typed.some((t, j) => j !== i && t.type === 'text' && operands[j]!.type !== 'string');
      // `city = citi` is no typo of `city`: comparing a column with itself is never what was meant.
      const otherSide = typed.some((t, j) => j !== i && t.ir.k === 'column' && t.ir.name.toLowerCase() === u.nearest?.toLowerCase());
      const reported = otherSide ? { ...u, nearest: undefined } : u;
      this.names.report(scope.cell, 'unknown-column', unknownColumnMessage(reported, comparedWithText), u.span);
    });
    return typed;
  }

  /** `unknown`: takes the report of a bare name that is no column instead of reporting it here. */
  private reference(e: Extract<Expr, { type: 'reference' }>, scope: Scope, unknown?: (u: UnknownOperand) => void): Typed {
    const name = e.name.text;
    if (scope.mode === 'link' && scope.link) {
      const linkColumn = e.member && name.toLowerCase() === scope.link.alias.toLowerCase() ? e.member.text : e.member ? undefined : name;
      const inLink = linkColumn !== undefined ? this.linkColumn(scope.link, linkColumn) : undefined;
      if (inLink) return inLink;
      // `customers.country` reaches the population's column where the link has one of that name too.
      const ofPopulation = e.member && name.toLowerCase() === scope.population.name.toLowerCase();
      if (!e.member || ofPopulation) {
        const col = findPopulationColumn(scope.population, ofPopulation ? e.member!.text : name);
        if (col) {
          scope.readsPopulation = true;
          return { ir: { k: 'column', name: col.name, row: 'population' }, type: col.type };
        }
      }
      const where = e.member ? `${name}.${e.member.text}` : name;
      const kind = e.member ? undefined : definedValue(this.names.definitionKind(name));
      if (kind) {
        return this.fail(scope, 'unknown-column', `'${name}' is a ${kind}, and inside an aggregate only the columns of ${scope.link.alias} and ${scope.population.name} are known: use it outside the aggregate`, e.span);
      }
      const candidates = [...this.linkColumnNames(scope.link), ...scope.population.columns.map((c) => c.name)];
      const near = nearest(e.member?.text ?? name, candidates);
      return this.unknownColumn(scope, { name: where, where: ` in ${scope.link.alias} or ${scope.population.name}`, nearest: near, span: e.span }, unknown);
    }
    if (e.member) return this.memberReference(e, scope);
    const col = findPopulationColumn(scope.population, name);
    if (col) return { ir: { k: 'column', name: col.name, row: 'entity' }, type: col.type };
    if (this.names.link(name)) {
      return this.fail(scope, 'link-outside-aggregate', `'${name}' is a linked table: use it inside an aggregate, like count(${name})`, e.span);
    }
    const population = this.names.populationNamed(name);
    if (population && scope.mode === 'entity') {
      if (population.name.toLowerCase() !== scope.population.name.toLowerCase()) {
        return this.fail(scope, 'population', `'${name}' is another population than ${scope.population.name}`, e.span);
      }
      return { ir: { k: 'boolean', value: true }, type: 'boolean' };
    }
    if (scope.mode === 'entity') {
      const def = this.names.entityDefinition(name, scope, e.name.span);
      if (def) {
        if (!def.ok) this.brokenDependency(def, scope, e.name.span);
        scope.deps.add(def.id);
        if (def.kind === 'segment') return { ir: { k: 'segment', name: def.id }, type: 'boolean' };
        return { ir: { k: 'column', name: def.id, row: 'entity' }, type: def.type };
      }
    }
    const unparsed = scope.mode === 'entity' ? this.names.unparsedDefinitionProblem(name, scope.cell) : undefined;
    if (unparsed) return this.fail(scope, 'broken-dependency', unparsed, e.name.span);
    const kind = scope.mode === 'populationWhere' ? definedValue(this.names.definitionKind(name)) : undefined;
    if (kind) return this.fail(scope, 'unknown-column', `'${name}' is a ${kind}, and a population's where uses only the columns of its table`, e.name.span);
    const linked = scope.mode === 'entity' ? scope.population.links.find((l) => l.columns.some((c) => c.name.toLowerCase() === name.toLowerCase())) : undefined;
    if (linked) {
      const column = linked.columns.find((c) => c.name.toLowerCase() === name.toLowerCase())!;
      const example = column.type === 'number' ? `sum(${linked.alias}.${column.name})` : `count(${linked.alias} where ${column.name} = …)`;
      return this.fail(scope, 'link-outside-aggregate', `'${name}' is a column of the linked table ${linked.alias}: use it inside an aggregate, like ${example}`, e.name.span);
    }
    return this.unknownColumn(scope, { name, where: '', nearest: nearest(name, this.names.visibleNames(scope)), span: e.name.span }, unknown);
  }

  private unknownColumn(scope: Scope, u: UnknownOperand, unknown: ((u: UnknownOperand) => void) | undefined): Typed {
    if (!unknown) return this.fail(scope, 'unknown-column', unknownColumnMessage(u, false), u.span);
    scope.failed = true;
    unknown(u);
    return { ir: { k: 'null' }, type: 'unknown' };
  }

  private memberReference(e: Extract<Expr, { type: 'reference' }>, scope: Scope): Typed {
    const name = e.name.text;
    const member = e.member!.text;
    if (this.names.link(name)) {
      return this.fail(
        scope,
        'link-outside-aggregate',
        `${name}.${member} is a column of the linked table ${name}: use it inside an aggregate, like sum(${name}.${member})`,
        e.span,
      );
    }
    const def = scope.mode === 'entity' ? this.names.entityDefinition(name, scope, e.name.span) : undefined;
    if (def && (def.kind === 'partition' || def.kind === 'split')) {
      if (!def.ok) this.brokenDependency(def, scope, e.name.span);
      const part = def.parts?.find((p) => p.toLowerCase() === member.toLowerCase());
      if (!part) {
        const what = def.kind === 'partition' ? 'part' : 'arm';
        return this.fail(scope, 'unknown-part', `${def.kind} ${name} has no ${what} '${member}'${didYouMean(member, def.parts ?? [])}`, e.member!.span);
      }
      scope.deps.add(def.id);
      return { ir: { k: 'member', column: def.id, value: part }, type: 'boolean' };
    }
    return this.fail(scope, 'unknown-column', `unknown name '${name}.${member}'${didYouMean(name, this.names.visibleNames(scope))}`, e.span);
  }

  /** A definition with an error makes its users fail; say so where the error is not in view. */
  private brokenDependency(def: { id: string; cell?: number }, scope: Scope, span: Span): void {
    scope.failed = true;
    if (def.cell !== undefined && def.cell !== scope.cell) {
      this.names.report(scope.cell, 'broken-dependency', `'${def.id}' cannot be used: its definition in cell ${def.cell} has an error`, span);
    }
  }

  private linkColumn(link: LinkModel, name: string): Typed | undefined {
    const col = this.linkColumns(link).find((c) => c.name.toLowerCase() === name.toLowerCase());
    return col ? { ir: { k: 'column', name: col.name, row: 'link' }, type: col.type } : undefined;
  }

  private linkColumns(link: LinkModel): { name: string; type: ValueType }[] {
    return link.columns;
  }

  private linkColumnNames(link: LinkModel): string[] {
    return this.linkColumns(link).map((c) => c.name);
  }

  private unary(e: Extract<Expr, { type: 'unary' }>, scope: Scope): Typed {
    if (e.op === 'not') {
      const operand = this.condition(e.operand, scope);
      return { ir: { k: 'unary', op: 'not', operand: operand.ir }, type: 'boolean' };
    }
    const operand = this.resolve(e.operand, scope);
    if (!['number', 'null', 'unknown'].includes(operand.type)) {
      return this.fail(scope, 'type', `cannot negate ${describeType(operand.type)}`, e.span);
    }
    return { ir: { k: 'unary', op: '-', operand: operand.ir }, type: NUMBER };
  }

  /** Only where `side` is text and nothing of the expression failed so far: a failure is said already, and is what to mend first. */
  private warnFoldedTextMisses(side: Expr, typed: Typed, others: readonly Expr[], scope: Scope): void {
    if (typed.type !== 'text' || scope.failed) return;
    for (const miss of foldedTextMisses(side, others, scope.source)) this.names.warn(scope.cell, 'never-matches', miss.message, miss.span);
  }

  private binary(e: Extract<Expr, { type: 'binary' }>, scope: Scope): Typed {
    if (e.op === 'and' || e.op === 'or') {
      const left = this.condition(e.left, scope);
      const right = this.condition(e.right, scope);
      return { ir: { k: 'binary', op: e.op, left: left.ir, right: right.ir }, type: 'boolean' };
    }
    const comparison = COMPARISONS.has(e.op);
    const [left, right] = comparison ? this.comparedOperands([e.left, e.right], scope) : [this.resolve(e.left, scope), this.resolve(e.right, scope)];
    if (comparison) {
      if (e.op === '=' || e.op === '!=') {
        this.warnFoldedTextMisses(e.left, left, [e.right], scope);
        this.warnFoldedTextMisses(e.right, right, [e.left], scope);
      }
      this.expectComparable(left, right, e.span, scope);
      return { ir: { k: 'binary', op: e.op, left: left.ir, right: right.ir }, type: 'boolean' };
    }
    if ((e.op === '+' || e.op === '-') && isDateLike(left.type) && right.type === 'duration' && right.ir.k === 'duration') {
      return {
        ir: { k: 'dateShift', date: left.ir, sign: e.op === '+' ? 1 : -1, duration: right.ir.duration, timestamp: left.type === 'timestamp' },
        type: left.type,
      };
    }
    if (e.op === '+' && left.type === 'duration' && isDateLike(right.type) && left.ir.k === 'duration') {
      return { ir: { k: 'dateShift', date: right.ir, sign: 1, duration: left.ir.duration, timestamp: right.type === 'timestamp' }, type: right.type };
    }
    // A side that already failed was reported; a value of unknown type is the engine's to judge.
    if (left.type === 'unknown' || right.type === 'unknown') return { ir: { k: 'binary', op: e.op, left: left.ir, right: right.ir }, type: 'unknown' };
    if (e.op === '-' && isDateLike(left.type) && isDateLike(right.type)) {
      return { ir: { k: 'function', fn: 'days_between', args: [right.ir, left.ir] }, type: NUMBER };
    }
    for (const side of [left, right]) {
      if (side.type === 'duration') {
        return this.fail(scope, 'type', 'a duration can only be added to or subtracted from a date', e.span);
      }
      if (!['number', 'null', 'unknown'].includes(side.type)) {
        const hint = isDateLike(side.type) && (e.op === '+' || e.op === '-') ? ': add a duration such as 30 days' : '';
        return this.fail(scope, 'type', `'${e.op}' needs numbers, but one side is ${describeType(side.type)}${hint}`, e.span);
      }
    }
    return { ir: { k: 'binary', op: e.op, left: left.ir, right: right.ir }, type: NUMBER };
  }

  private call(e: Call, scope: Scope): Typed {
    const fn = e.name.text.toLowerCase();
    if (e.within?.unknownUnit) return this.fail(scope, 'duration', unknownUnitMessage(e.within.unknownUnit.text), e.within.unknownUnit.span);
    if (e.within && !Number.isInteger(e.within.amount)) {
      return this.fail(scope, 'duration', `a duration is a whole number of ${e.within.unit}s: ${e.within.amount} is not`, e.within.span);
    }
    // The window is asof − 0 < time ≤ asof: empty, so the aggregate would quietly count nothing.
    if (e.within?.amount === 0) {
      return this.fail(scope, 'duration', `within 0 ${e.within.unit}s counts no rows: use a window of at least 1 ${e.within.unit}`, e.within.span);
    }
    if ((e.where || e.within || e.order) && !isAggregateFn(fn) && fn !== 'quantile') {
      return this.fail(scope, 'syntax', `${fn}() takes no where, within, asc or desc`, e.span);
    }
    if (e.repeated?.clause === 'where') {
      return this.fail(scope, 'syntax', `${fn}() takes one where: join the conditions with and, as in where A and B`, e.repeated.span);
    }
    if (e.repeated?.clause === 'within') return this.fail(scope, 'syntax', `${fn}() takes one within: keep the window you mean`, e.repeated.span);
    if (isAggregateFn(fn)) return this.aggregate(e, fn, scope);
    if (fn === 'quantile') return this.quantile(e, scope);
    const spec = SCALAR_FUNCTIONS[fn];
    if (!spec) {
      const hint = ['size', 'share', 'pct'].includes(fn) ? ` (${fn}() is only used in ${fn === 'pct' ? 'compare metrics' : 'expect'})` : '';
      return this.fail(scope, 'unknown-function', `unknown function '${e.name.text}'${hint || didYouMean(fn, ALL_FUNCTION_NAMES)}`, e.name.span);
    }
    if (e.args.length < spec.minArgs || e.args.length > spec.maxArgs) {
      return this.fail(scope, 'arity', `${spec.signature} takes ${describeArity(spec.minArgs, spec.maxArgs)}`, e.span);
    }
    const args = e.args.map((a) => this.resolve(a, scope));
    args.forEach((arg, i) => {
      const want = spec.args[Math.min(i, spec.args.length - 1)];
      const ok = want === 'any' || arg.type === 'null' || arg.type === 'unknown' || (want === 'dateLike' ? isDateLike(arg.type) : arg.type === want);
      if (!ok) this.fail(scope, 'type', `${spec.signature}: argument ${i + 1} should be ${want === 'dateLike' ? 'a date' : describeType(want as ValueType)}, not ${describeType(arg.type)}`, e.args[i].span);
    });
    const digits = fn === 'round' ? e.args[1] : undefined;
    if (digits?.type === 'number' && !Number.isInteger(digits.value)) return this.fail(scope, 'type', `round()'s digits are a whole number, as in round(x, 1)`, digits.span);
    if (spec.returns === 'first') this.expectOneKind(fn, e, args, scope);
    const type = spec.returns === 'first' ? (args.find((a) => a.type !== 'null')?.type ?? 'unknown') : spec.returns;
    return { ir: { k: 'function', fn, args: args.map((a) => a.ir) }, type };
  }

  private aggregate(e: Call, fn: keyof typeof AGGREGATE_FUNCTIONS, scope: Scope): Typed {
    if (scope.mode !== 'entity') {
      const why = scope.mode === 'link' ? 'aggregates cannot be nested' : "a population's where can only use its own columns";
      return this.fail(scope, 'aggregate-context', `${fn}(): ${why}`, e.span);
    }
    const link = this.findLink(e);
    const first = e.args[0];
    // A link with an error of its own is reported there; its aggregates are not also misuses.
    const brokenLink = !link && first?.type === 'reference' ? this.names.brokenLink(first.name.text) : undefined;
    if (first?.type === 'reference' && brokenLink !== undefined) {
      this.brokenDependency({ id: first.name.text, cell: brokenLink }, scope, first.name.span);
      return { ir: { k: 'null' }, type: 'unknown' };
    }
    if (!link && first?.type === 'reference' && (first.member || fn === 'count')) {
      const nearest = didYouMean(first.name.text, scope.population.links.map((l) => l.alias));
      if (nearest) return this.fail(scope, 'unknown-link', `unknown linked table '${first.name.text}'${nearest}`, first.name.span);
    }
    // `sum(orders)`: the link is there, the column is missing.
    const bare = !link && first?.type === 'reference' && !first.member ? scope.population.links.find((l) => l.alias.toLowerCase() === first.name.text.toLowerCase()) : undefined;
    if (bare) return this.fail(scope, 'aggregate-link', `${fn}() needs a column of ${bare.alias}: ${fn}(${bare.alias}.COLUMN)`, first!.span);
    if (!link && first?.type === 'reference' && !first.member && this.names.isTable(first.name.text)) {
      return this.fail(scope, 'aggregate-link', `${first.name.text} is a table, not a link: add link ${first.name.text} on COLUMN, where COLUMN holds each row's ${scope.population.key}`, first.name.span);
    }
    // `sum(amount)`: a column of a linked table, written without the link's name.
    const bareColumn = !link && fn !== 'count' && first?.type === 'reference' && !first.member ? first.name.text : undefined;
    const owners = bareColumn ? scope.population.links.filter((l) => l.columns.some((c) => c.name.toLowerCase() === bareColumn.toLowerCase())) : [];
    if (bareColumn && owners.length === 1) {
      const alias = owners[0]!.alias;
      return this.fail(scope, 'aggregate-link', `'${bareColumn}' is a column of ${alias}: write ${fn}(${alias}.${quoteIfNeeded(bareColumn) ?? bareColumn})`, first!.span);
    }
    if (!link) {
      const example = AGGREGATE_FUNCTIONS[fn].signature;
      const hint = fn === 'min' || fn === 'max' ? ` (for the ${fn === 'min' ? 'smaller' : 'larger'} of two values use ${fn === 'min' ? 'least' : 'greatest'})` : '';
      return this.fail(scope, 'aggregate-link', `${fn}() works on a linked table: ${example}${hint}`, e.span);
    }
    if (link.population.toLowerCase() !== scope.population.name.toLowerCase()) {
      return this.fail(scope, 'population', `${link.alias} is linked to ${link.population}, not ${scope.population.name}`, e.span);
    }
    if (e.args.length !== 1) return this.fail(scope, 'arity', `${AGGREGATE_FUNCTIONS[fn].signature} takes one argument`, e.span);
    if ((fn === 'first' || fn === 'last' || e.within) && !link.time) {
      const what = e.within ? 'within' : `${fn}()`;
      return this.fail(scope, 'link-time', `${what} needs the time of ${link.alias}: add 'time COLUMN' to its link`, e.span);
    }
    const linkScope = newScope(scope.population, 'link', scope.cell, scope.source, scope.defining, link);
    const arg0 = e.args[0];
    const countsRows = fn === 'count' && arg0.type === 'reference' && !arg0.member && arg0.name.text.toLowerCase() === link.alias.toLowerCase();
    const arg = countsRows ? undefined : this.resolve(arg0, linkScope);
    if (arg && ['sum', 'avg', 'median'].includes(fn) && !['number', 'null', 'unknown'].includes(arg.type)) {
      this.fail(scope, 'type', `${fn}() needs numbers, but ${compactText(this.text(arg0.span, scope))} is ${describeType(arg.type)}`, arg0.span);
    }
    const where = e.where ? this.condition(e.where, linkScope) : undefined;
    if (linkScope.failed) scope.failed = true;
    const id = normaliseSpaces(this.text(e.span, scope));
    const key = id.toLowerCase();
    if (!link.aggregates.has(key)) {
      link.aggregates.set(key, { id, fn, arg: arg?.ir, where: where?.ir, within: e.within, readsPopulation: linkScope.readsPopulation });
    }
    const stored = link.aggregates.get(key)!;
    const column: IR = { k: 'column', name: stored.id, row: 'entity' };
    const zeroWhenEmpty = fn === 'count' || fn === 'count_distinct' || fn === 'sum';
    const type: ValueType = fn === 'count' || fn === 'count_distinct' || fn === 'sum' || fn === 'avg' || fn === 'median' ? NUMBER : (arg?.type ?? 'unknown');
    return { ir: zeroWhenEmpty ? { k: 'function', fn: 'coalesce', args: [column, { k: 'number', value: 0 }] } : column, type };
  }

  private findLink(e: Call): LinkModel | undefined {
    let found: LinkModel | undefined;
    const visit = (x: Expr): void => {
      if (found) return;
      if (x.type === 'reference') {
        const link = this.names.link(x.name.text);
        if (link && (x.member || e.name.text.toLowerCase() === 'count')) found = link;
      }
      if (x.type === 'call') x.args.forEach(visit);
      else forEachChild(x, visit);
    };
    e.args.forEach(visit);
    return found;
  }

  private quantile(e: Call, scope: Scope): Typed {
    if (scope.mode !== 'entity') return this.fail(scope, 'aggregate-context', 'quantile() ranks entities: it cannot be used here', e.span);
    const [n, value] = e.args;
    if (e.args.length !== 2 || n.type !== 'number' || !Number.isInteger(n.value) || n.value < 1) {
      return this.fail(scope, 'arity', 'quantile(N, value [asc|desc]) takes a whole number of buckets N ≥ 1 and a value', e.span);
    }
    const inner: Scope = { ...scope, deps: new Set() };
    const arg = this.resolve(value, inner);
    inner.deps.forEach((d) => scope.deps.add(d));
    if (inner.failed) scope.failed = true;
    if (containsQuantile(value)) return this.fail(scope, 'nested-quantile', 'quantile() cannot rank another quantile directly: define it as a let first', e.span);
    const id = normaliseSpaces(this.text(e.span, scope));
    const column = this.names.registerQuantile(scope, id, { buckets: n.value, arg: arg.ir, order: e.order ?? 'asc', deps: [...inner.deps] }, e.span);
    scope.deps.add(column);
    return { ir: { k: 'column', name: column, row: 'entity' }, type: NUMBER };
  }

  private text(span: Span, scope: Scope): string {
    return scope.source.slice(span.start, span.end);
  }
}

function findPopulationColumn(population: PopulationModel, name: string) {
  const lower = name.toLowerCase();
  return population.columns.find((c) => c.name.toLowerCase() === lower);
}

function describeArity(min: number, max: number): string {
  if (min === max) return `${min} argument${min === 1 ? '' : 's'}`;
  if (max === Infinity) return `at least ${min} argument${min === 1 ? '' : 's'}`;
  return `${min} to ${max} arguments`;
}

export function normaliseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function containsQuantile(e: Expr): boolean {
  let found = false;
  const visit = (x: Expr): void => {
    if (x.type === 'call' && x.name.text.toLowerCase() === 'quantile') found = true;
    forEachChild(x, visit);
  };
  visit(e);
  return found;
}

/** A let, segment, partition or split: the definitions an expression can read as a value. */
function definedValue(kind: string | undefined): string | undefined {
  return kind === 'let' || kind === 'segment' || kind === 'partition' || kind === 'split' ? kind : undefined;
}

/** `signup > '2024-01-01'`: a date compared with text that reads as a date, the date as SegQL writes it. */
function quotedDate(date: Typed, text: Typed): string | undefined {
  if (!isDateLike(date.type) || text.ir.k !== 'string') return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(text.ir.value) && isCalendarDate(text.ir.value) ? text.ir.value : undefined;
}
