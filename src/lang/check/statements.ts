import { compactText } from '../ast/build.ts';
import type { Expr, Metric, SegmentRef, Statement } from '../ast/nodes.ts';
import type { Span } from '../diagnostics.ts';
import { addDuration, unknownUnitMessage } from '../dates.ts';
import type { Analysis } from './analyze.ts';
import { METRIC_FUNCTIONS, type MetricFn } from './functions.ts';
import type { IR, PopulationModel, ValueType } from './model.ts';
import { ExpressionResolver, newScope, type Scope } from './resolve.ts';
import { didYouMean } from './suggest.ts';
import { describeType } from './types.ts';

/** One row of a segment list: its display name and membership condition (spec §5). */
export interface SegmentSelection {
  display: string;
  condition: IR;
}

export interface CheckedMetric {
  name: string;
  fn: MetricFn;
  arg?: IR;
}

export type CheckedStatement =
  | { kind: 'compare'; population: PopulationModel; segments: SegmentSelection[]; metrics: CheckedMetric[]; by?: { name: string; ir: IR } }
  | { kind: 'overlap'; population: PopulationModel; segments: SegmentSelection[] }
  | { kind: 'profile'; population: PopulationModel; segment: SegmentSelection; baseline?: SegmentSelection; attributes: ProfileAttribute[] }
  | { kind: 'trend'; population: PopulationModel; segments: SegmentSelection[]; dates: string[] }
  | { kind: 'show'; population: PopulationModel; segment: SegmentSelection; columns: string[]; limit: number }
  | { kind: 'split'; population: PopulationModel; split: string; arms: string[]; segment: IR }
  | { kind: 'expect'; text: string; condition: IR; terms: ExpectTerm[] };

/** By the list `letsOf` gives, which is one per population and analysis. */
const attributesByLets = new WeakMap<string[], ProfileAttribute[]>();

export interface ProfileAttribute {
  name: string;
  type: ValueType;
}

export interface ExpectTerm {
  column: string;
  fn: 'size' | 'share';
  population: PopulationModel;
  segment: IR;
}

const MAX_TREND_DATES = 1000;
/** Rows `show` lists without a `limit` (spec §5). */
export const SHOW_DEFAULT_LIMIT = 1000;

/** Checks an analysis statement of a cell; undefined when it has errors (already reported). */
export class StatementChecker {
  private readonly resolver: ExpressionResolver;

  constructor(
    private readonly analysis: Analysis,
    private readonly cell: number,
  ) {
    this.resolver = new ExpressionResolver(analysis);
  }

  private report(code: string, message: string, span: Span): undefined {
    this.analysis.report(this.cell, code, message, span);
    return undefined;
  }

  check(s: Statement): CheckedStatement | undefined {
    switch (s.kind) {
      case 'compare':
        return this.compare(s);
      case 'overlap': {
        const list = this.segmentList(s.segments, s.span);
        if (!list) return undefined;
        const names = new Set<string>();
        for (const seg of list.segments) {
          if (names.has(seg.display.toLowerCase())) return this.report('duplicate', `'${seg.display}' is listed twice`, secondMention(s.segments, seg.display) ?? s.span);
          names.add(seg.display.toLowerCase());
        }
        return { kind: 'overlap', population: list.population, segments: list.segments };
      }
      case 'profile':
        return this.profile(s);
      case 'trend':
        return this.trend(s);
      case 'show': {
        const one = this.singleSegment(s.segment);
        if (!one) return undefined;
        if (s.limit !== undefined && !(Number.isInteger(s.limit.value) && s.limit.value >= 0)) return this.report('limit', 'limit takes a whole number of rows', s.limit.span);
        if (s.limit !== undefined && s.limit.value > Number.MAX_SAFE_INTEGER) return this.report('limit', `limit takes at most ${Number.MAX_SAFE_INTEGER} rows`, s.limit.span);
        const lets = this.letsOf(one.population);
        return { kind: 'show', population: one.population, segment: one.segment, columns: lets, limit: s.limit?.value ?? SHOW_DEFAULT_LIMIT };
      }
      case 'split': {
        const column = this.analysis.resolvedDefinition(s.name.text);
        if (!column || !column.ok) return undefined;
        const population = this.analysis.populationNamed(column.population);
        const entity = population?.entityColumns.get(s.name.text.toLowerCase());
        if (!population || entity?.value.k !== 'split') return undefined;
        return { kind: 'split', population, split: entity.id, arms: entity.value.arms.map((a) => a.name), segment: entity.value.segment };
      }
      case 'expect':
        return this.expect(s);
      default:
        return undefined;
    }
  }

  private scope(population: PopulationModel): Scope {
    return newScope(population, 'entity', this.cell, this.analysis.sourceOf(this.cell));
  }

  letsOf(population: PopulationModel): string[] {
    return this.analysis.letsOf(population);
  }

  private compare(s: Extract<Statement, { kind: 'compare' }>): CheckedStatement | undefined {
    const list = this.segmentList(s.segments, s.span);
    // A list with a mistake in it still leaves the metrics to check, when the population is plain.
    const population = list?.population ?? this.onlyPopulation();
    if (!population) return undefined;
    const scope = this.scope(population);
    const metrics = s.metrics.map((m) => this.metric(m, scope));
    let by: { name: string; ir: IR } | undefined;
    if (s.by) by = { name: columnName(s.by), ir: this.resolver.resolve(s.by.expr, scope).ir };
    if (!list || scope.failed || metrics.some((m) => !m)) return undefined;
    const names = new Set(['segment', 'size', 'share']);
    if (by && names.has(by.name.toLowerCase())) return this.report('duplicate', `two columns would be named '${by.name}': give the by value another name with 'as'`, s.by!.span);
    if (by) names.add(by.name.toLowerCase());
    for (const [i, m] of metrics.entries()) {
      if (names.has(m!.name.toLowerCase())) return this.report('duplicate', `two columns would be named '${m!.name}': give one a name with 'as'`, s.metrics[i]!.span);
      names.add(m!.name.toLowerCase());
    }
    return { kind: 'compare', population: list.population, segments: list.segments, metrics: metrics as CheckedMetric[], by };
  }

  private onlyPopulation(): PopulationModel | undefined {
    const populations = [...this.analysis.populations.values()];
    return populations.length === 1 ? populations[0] : undefined;
  }

  private metric(m: Metric, scope: Scope): CheckedMetric | undefined {
    const name = columnName(m);
    const e = m.expr;
    if (e.type === 'reference' && !e.member && e.name.text.toLowerCase() === 'count') return { name, fn: 'count' };
    if (e.type === 'call') {
      const fn = e.name.text.toLowerCase();
      if ((METRIC_FUNCTIONS as readonly string[]).includes(fn) && e.args.length === 1 && !e.where && !e.within && !e.order) {
        const linked = this.linkColumnMetric(fn, e.args[0]!);
        if (linked) return this.report('metric', linked, e.args[0]!.span);
        const arg = fn === 'pct' ? this.resolver.condition(e.args[0], scope) : this.resolver.resolve(e.args[0], scope);
        if (['avg', 'sum', 'median'].includes(fn) && !['number', 'null', 'unknown'].includes(arg.type)) {
          const share = arg.type === 'boolean' ? `: for the share that is true, write pct(${compactText(scope.source.slice(e.args[0]!.span.start, e.args[0]!.span.end))})` : '';
          return this.report('type', `${fn}() needs numbers, but this is ${describeType(arg.type)}${share}`, e.args[0]!.span);
        }
        return { name, fn: fn as MetricFn, arg: arg.ir };
      }
    }
    return this.report(
      'metric',
      `a metric is count, avg(x), sum(x), min(x), max(x), median(x), count_distinct(x) or pct(condition), where x is a per-entity value${e.type === 'call' ? didYouMean(e.name.text, METRIC_FUNCTIONS) : ''}`,
      m.span,
    );
  }

  /**
   * avg(orders.amount) as a metric: a metric is over members, one value each, while a linked
   * table has many rows per member. Inside an aggregate the link would be welcome, which is what
   * the resolver would say; here the way out is a per-member value first.
   */
  private linkColumnMetric(fn: string, arg: Expr): string | undefined {
    if (arg.type !== 'reference' || !arg.member) return undefined;
    const link = this.analysis.link(arg.name.text);
    if (!link) return undefined;
    const column = `${arg.name.text}.${arg.member.text}`;
    const type = link.columns.find((c) => c.name.toLowerCase() === arg.member!.text.toLowerCase())?.type;
    const perMember = type === 'number' ? `sum(${column})` : link.time ? `last(${column})` : `count_distinct(${column})`;
    const name = `${arg.member.text.replace(/\W+/g, '_')}_per_member`;
    return `${column} has many rows per member, and a metric takes one value per member: give it one first, like let ${name} = ${perMember}, then ${fn}(${name})`;
  }

  private profile(s: Extract<Statement, { kind: 'profile' }>): CheckedStatement | undefined {
    const segment = this.singleSegment(s.segment);
    const baseline = s.baseline ? this.singleSegment(s.baseline) : undefined;
    if (!segment || (s.baseline && !baseline)) return undefined;
    if (baseline && baseline.population !== segment.population) return this.report('population', 'profile compares two segments of the same population', s.span);
    const population = segment.population;
    return { kind: 'profile', population, segment: segment.segment, baseline: baseline?.segment, attributes: this.profileAttributes(population) };
  }

  /** The population's columns but its key, then its lets: one list per population, shared by its profiles and the SQL made from it. */
  private profileAttributes(population: PopulationModel): ProfileAttribute[] {
    const lets = this.letsOf(population);
    let attributes = attributesByLets.get(lets);
    if (!attributes) {
      const all: ProfileAttribute[] = population.columns.filter((c) => c.name !== population.key).map((c) => ({ name: c.name, type: c.type }));
      for (const name of lets) {
        const col = population.entityColumns.get(name.toLowerCase());
        if (col) all.push({ name: col.id, type: col.type });
      }
      attributes = all.filter((a) => a.type === 'number' || a.type === 'text' || a.type === 'boolean');
      attributesByLets.set(lets, attributes);
    }
    return attributes;
  }

  private trend(s: Extract<Statement, { kind: 'trend' }>): CheckedStatement | undefined {
    const list = this.segmentList(s.segments, s.span);
    if (!list) return undefined;
    if (s.every.unknownUnit) return this.report('duration', unknownUnitMessage(s.every.unknownUnit.text), s.every.unknownUnit.span);
    if (!(s.every.amount > 0) || !Number.isInteger(s.every.amount)) return this.report('duration', 'every takes a whole positive number of days, weeks, months or years', s.every.span);
    const [from, to] = [s.from.value, s.to.value];
    if (to < from) return this.report('dates', `the trend ends (${to}) before it starts (${from})`, s.to.span);
    const dates: string[] = [];
    for (let k = 0; ; k++) {
      const date = addDuration(from, { ...s.every, amount: s.every.amount * k });
      if (date > to) break;
      dates.push(date);
      if (dates.length > MAX_TREND_DATES) return this.report('dates', `a trend is limited to ${MAX_TREND_DATES} dates: use a longer step`, s.every.span);
    }
    return { kind: 'trend', population: list.population, segments: list.segments, dates };
  }

  private expect(s: Extract<Statement, { kind: 'expect' }>): CheckedStatement | undefined {
    const terms: ExpectTerm[] = [];
    let failed = false;
    const rewrite = (e: Expr): IR | undefined => {
      switch (e.type) {
        case 'number':
          return { k: 'number', value: e.value };
        case 'boolean':
          return { k: 'boolean', value: e.value };
        case 'null':
          return { k: 'null' };
        case 'call': {
          const fn = e.name.text.toLowerCase();
          const arg = e.args[0];
          if ((fn === 'size' || fn === 'share') && e.args.length === 1 && (arg.type === 'reference' || arg.type === 'everyone')) {
            const ref: SegmentRef = arg.type === 'everyone' ? { span: arg.span } : { name: arg.name, member: arg.member, span: arg.span };
            const one = this.singleSegment(ref);
            if (!one) {
              failed = true;
              return undefined;
            }
            const column = `${fn}(${one.segment.display})`;
            terms.push({ column, fn, population: one.population, segment: one.segment.condition });
            return { k: 'column', name: column, row: 'entity' };
          }
          failed = true;
          return this.report('expect', `expect can use size(SEGMENT), share(SEGMENT), numbers and comparisons, not ${e.name.text}()`, e.span);
        }
        case 'unary': {
          const operand = rewrite(e.operand);
          return operand && { k: 'unary', op: e.op, operand };
        }
        case 'binary': {
          const left = rewrite(e.left);
          const right = rewrite(e.right);
          return left && right && { k: 'binary', op: e.op, left, right };
        }
        case 'between': {
          const [value, low, high] = [rewrite(e.value), rewrite(e.low), rewrite(e.high)];
          return value && low && high && { k: 'between', value, low, high, negated: e.negated };
        }
        default:
          failed = true;
          return this.report('expect', 'expect can use size(SEGMENT), share(SEGMENT), numbers and comparisons', e.span);
      }
    };
    const condition = rewrite(s.expr);
    if (failed || !condition) return undefined;
    if (!isCondition(s.expr)) return this.report('expect', 'expect needs a condition, true or false: compare the value, as in size(big) > 100', s.expr.span);
    return { kind: 'expect', text: s.text.replace(/\s+/g, ' ').trim(), condition, terms };
  }

  private segmentList(refs: SegmentRef[], span: Span): { population: PopulationModel; segments: SegmentSelection[] } | undefined {
    let population: PopulationModel | undefined;
    const segments: SegmentSelection[] = [];
    let failed = false;
    for (const ref of refs) {
      const expanded = this.expand(ref);
      if (!expanded) {
        failed = true;
        continue;
      }
      if (population && expanded.population !== population) {
        this.report('population', 'a list holds segments of one population', ref.span);
        failed = true;
        continue;
      }
      population = expanded.population;
      segments.push(...expanded.segments);
    }
    if (failed) return undefined;
    if (!population) return this.report('empty', 'name at least one segment', span);
    return { population, segments };
  }

  private singleSegment(ref: SegmentRef): { population: PopulationModel; segment: SegmentSelection } | undefined {
    const expanded = this.expand(ref);
    if (!expanded) return undefined;
    if (expanded.segments.length !== 1) {
      return this.report('single-segment', `'${ref.name?.text}' has several parts: name one, like ${ref.name?.text}.${expanded.segments[0]?.display.split('.')[1] ?? 'part'}`, ref.span);
    }
    return { population: expanded.population, segment: expanded.segments[0] };
  }

  private expand(ref: SegmentRef): { population: PopulationModel; segments: SegmentSelection[] } | undefined {
    const populations = [...this.analysis.populations.values()];
    if (!ref.name) {
      if (populations.length !== 1) {
        return this.report('everyone', populations.length ? `with several populations, 'everyone' is ambiguous: name the population (${populations.map((p) => p.name).join(', ')})` : 'no population is defined', ref.span);
      }
      return { population: populations[0], segments: [{ display: 'everyone', condition: { k: 'boolean', value: true } }] };
    }
    const name = ref.name.text;
    const population = this.analysis.populationNamed(name);
    if (population && !ref.member) {
      return { population, segments: [{ display: population.name, condition: { k: 'boolean', value: true } }] };
    }
    const def = this.analysis.definitions.get(name.toLowerCase());
    const resolved = this.analysis.resolvedDefinition(name);
    const unparsed = def ? undefined : this.analysis.unparsedDefinitionProblem(name, this.cell);
    if (unparsed) return this.report('broken-dependency', unparsed, ref.name.span);
    if (!def || !resolved || !['segment', 'partition', 'split'].includes(def.kind)) {
      const column = !def && [...this.analysis.populations.values()].some((p) => p.columns.some((c) => c.name.toLowerCase() === name.toLowerCase()));
      const what = def
        ? `'${name}' is a ${def.kind}, not a segment`
        : column
          ? `'${name}' is a column, not a segment: define one with a condition on it, like segment ${name}_set = ${name} is not null`
          : `unknown segment '${name}'${didYouMean(name, this.analysis.segmentNames())}`;
      return this.report('unknown-segment', what, ref.name.span);
    }
    if (!resolved.ok) {
      if (def.cell !== this.cell) this.report('broken-dependency', `'${name}' has an error in its definition (cell ${def.cell})`, ref.name.span);
      return undefined;
    }
    const owner = this.analysis.populationNamed(resolved.population)!;
    const display = def.name;
    if (def.kind === 'segment') {
      if (ref.member) return this.report('unknown-part', `segment ${display} has no parts`, ref.span);
      return { population: owner, segments: [{ display, condition: { k: 'segment', name: display } }] };
    }
    const parts = resolved.parts ?? [];
    if (ref.member) {
      const part = parts.find((p) => p.toLowerCase() === ref.member!.text.toLowerCase());
      if (!part) return this.report('unknown-part', `${def.kind} ${display} has no ${def.kind === 'split' ? 'arm' : 'part'} '${ref.member.text}'${didYouMean(ref.member.text, parts)}`, ref.member.span);
      return { population: owner, segments: [{ display: `${display}.${part}`, condition: { k: 'member', column: display, value: part } }] };
    }
    return { population: owner, segments: parts.map((p) => ({ display: `${display}.${p}`, condition: { k: 'member', column: display, value: p } })) };
  }
}

/** A metric's or by's column: its alias, a bare name as it is, else its text without white space (spec §10). */
export function columnName(m: Metric): string {
  if (m.alias) return m.alias.text;
  if (m.expr.type === 'reference' && !m.expr.member) return m.expr.name.text;
  return m.text;
}

/** Where a segment list names `display` again (a partition's parts, listed by the partition's name, are not found). */
function secondMention(refs: SegmentRef[], display: string): Span | undefined {
  const named = (r: SegmentRef) => (r.name ? (r.member ? `${r.name.text}.${r.member.text}` : r.name.text) : 'everyone');
  return refs.filter((r) => named(r).toLowerCase() === display.toLowerCase())[1]?.span;
}

const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=']);

/** Whether an expect's expression is true or false by its shape: comparisons, between, and/or/not of them, true/false. */
function isCondition(e: Expr): boolean {
  if (e.type === 'boolean' || e.type === 'between') return true;
  if (e.type === 'unary') return e.op === 'not' && isCondition(e.operand);
  if (e.type === 'binary') return COMPARISONS.has(e.op) || ((e.op === 'and' || e.op === 'or') && isCondition(e.left) && isCondition(e.right));
  return false;
}
