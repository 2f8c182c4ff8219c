import type { EntityColumn, IR, LinkAggregate, LinkModel, PopulationModel } from '../check/model.ts';
import type { Dialect } from './dialect.ts';
import { emitExpr, forEachColumn, type ExprContext } from './expr.ts';

/** A named common table expression. */
export interface Cte {
  name: string;
  sql: string;
}

export interface Pipeline {
  ctes: Cte[];
  /** The CTE with one row per entity and every needed column. */
  entities: string;
}

/**
 * The per-entity pipeline of a population at one as-of date, as CTEs named after what they
 * compute: the (narrowed) population, one aggregate table per link, then one step per let,
 * segment, partition, split or quantile, in dependency order. Only what `roots` needs is built.
 */
export function emitPipeline(population: PopulationModel, roots: IR[], extraColumns: string[], asof: string, dialect: Dialect, suffix = ''): Pipeline {
  const ctx: ExprContext = { dialect, asof };
  const memo = memoFor(ctx);
  const q = dialect.ident;
  const closures = closuresOf(population);
  const needed = neededColumns(population, closures, roots, extraColumns);
  const ctes: Cte[] = [];

  const populationCte = `population ${population.name}${suffix}`;
  // A row without a key is no entity: it joins no linked row, falls in no split's arm, and has no member key to export.
  const keyed = `${q(population.key)} IS NOT NULL`;
  const where = population.where ? `\n  WHERE ${keyed} AND (${emitExpr(population.where, ctx)})` : `\n  WHERE ${keyed}`;
  ctes.push({ name: populationCte, sql: `SELECT *\n  FROM ${q(population.table)}${where}` });

  let current = populationCte;
  let linkColumns = '';
  let linkJoins = '';
  let joined = 0;
  for (const link of population.links) {
    const aggregates: LinkAggregate[] = [];
    for (const [key, aggregate] of link.aggregates) if (needed.aggregates.has(key)) aggregates.push(aggregate);
    if (aggregates.length === 0) continue;
    const cte = `${link.alias} per ${population.key}${suffix}`;
    ctes.push({ name: cte, sql: linkAggregates(link, aggregates, population, populationCte, ctx, memo) });
    const alias = `l${++joined}`;
    for (const a of aggregates) linkColumns += `${linkColumns ? ', ' : ''}${alias}.${q(a.id)}`;
    linkJoins += `\n  LEFT JOIN ${q(cte)} AS ${alias} ON ${alias}.${q(population.key)} = p.${q(population.key)}`;
  }
  if (joined) {
    const withLinks = `${population.name} with links${suffix}`;
    ctes.push({ name: withLinks, sql: `SELECT p.*, ${linkColumns}\n  FROM ${q(populationCte)} AS p${linkJoins}` });
    current = withLinks;
  }

  for (const level of dependencyLevels(needed.columns)) {
    const cte = `${levelName(level)}${suffix}`;
    const first = selectItem(level[0]!, population, ctx, memo);
    let select = level.length === 1 ? `SELECT *, ${first}` : `SELECT *,\n    ${first}`;
    for (let i = 1; i < level.length; i++) select += `,\n    ${selectItem(level[i]!, population, ctx, memo)}`;
    ctes.push({ name: cte, sql: `${select}\n  FROM ${q(current)}` });
    current = cte;
  }
  return { ctes, entities: current };
}

/**
 * The columns in steps: each step computes the columns whose inputs are all ready, so a notebook
 * takes as many steps as its longest chain of definitions, not one per definition. A chain of a
 * hundred `SELECT *` steps, a dozen of them windows, made DuckDB plan for seconds and run out of
 * memory on 3,000 customers. A column's step is its depth among the definitions it reads, the same
 * in every pipeline that needs it, since a pipeline holds everything its columns read.
 */
function dependencyLevels(columns: Closure[]): Closure[][] {
  const levels: Closure[][] = [];
  for (const closure of columns) (levels[closure.level] ??= []).push(closure);
  return levels;
}

/** A step is named after what it computes: `let spend`, or `let spend, segment big and 3 more`. */
function levelName(level: Closure[]): string {
  if (level.length <= 3) return level.map((c) => c.label).join(', ');
  return `${level[0]!.label}, ${level[1]!.label} and ${level.length - 2} more`;
}

function linkAggregates(link: LinkModel, aggregates: LinkAggregate[], population: PopulationModel, populationCte: string, ctx: ExprContext, memo: SqlMemo): string {
  const d = ctx.dialect;
  const q = d.ident;
  const linkCtx: ExprContext = { dialect: d, asof: ctx.asof, link: 'l', population: 'p' };
  const time = link.time ? (link.time.type === 'timestamp' ? d.toDate(`l.${q(link.time.name)}`) : `l.${q(link.time.name)}`) : undefined;
  const asof = d.date(ctx.asof);
  let columns = '';
  let readsPopulation = false;
  for (const a of aggregates) {
    let sql = memo.aggregates.get(a);
    if (sql === undefined) memo.aggregates.set(a, (sql = aggregateColumn(a, link, time, asof, linkCtx)));
    columns += columns ? `,\n    ${sql}` : sql;
    if (a.readsPopulation) readsPopulation = true;
  }
  const join = readsPopulation ? `\n  JOIN ${q(populationCte)} AS p ON p.${q(population.key)} = l.${q(link.on)}` : '';
  // The as-of rule (spec §4): rows after asof never count; rows without a time count where no
  // window applies. Where the time column is known to hold no NULL, testing for one would only
  // cost: the OR keeps DuckDB from filtering the scan as cheaply (about 8% of a 10M-row aggregate).
  const nullTimes = link.time?.hasNulls === false ? '' : ` OR ${time} IS NULL`;
  const asofRule = time ? `\n  WHERE ${time} <= ${asof}${nullTimes}` : '';
  return `SELECT l.${q(link.on)} AS ${q(population.key)},\n    ${columns}\n  FROM ${q(link.table)} AS l${join}${asofRule}\n  GROUP BY l.${q(link.on)}`;
}

function aggregateColumn(a: LinkAggregate, link: LinkModel, time: string | undefined, asof: string, linkCtx: ExprContext): string {
  const d = linkCtx.dialect;
  const q = d.ident;
  const filters: string[] = [];
  if (a.where) filters.push(emitExpr(a.where, linkCtx));
  if (a.within && time) filters.push(`${time} > ${d.dateShift(asof, -1, a.within, false)}`);
  if ((a.fn === 'first' || a.fn === 'last') && time && !a.within) filters.push(`${time} IS NOT NULL`);
  const arg = a.arg ? emitExpr(a.arg, linkCtx) : undefined;
  const filter = filters.length ? filters.map((f) => (filters.length > 1 ? `(${f})` : f)).join(' AND ') : undefined;
  // Order first/last by the full timestamp; the date is only for the as-of rule and windows.
  const order = link.time ? `l.${q(link.time.name)}` : undefined;
  return `${d.aggregate(a.fn, arg, order, filter)} AS ${q(a.id)}`;
}

/**
 * A column's or link aggregate's SQL depends only on it, the as-of date and the dialect;
 * statements and views of a notebook ask for the same ones over and over, so each is written once.
 */
interface SqlMemo {
  /** A column as its step selects it: `value AS "id"`. */
  items: WeakMap<EntityColumn, string>;
  aggregates: WeakMap<LinkAggregate, string>;
}

/** By as-of date and dialect; a trend adds one per date, so the oldest are forgotten past a bound. */
const memos = new Map<string, SqlMemo>();
const MEMO_DATES = 64;

function memoFor(ctx: ExprContext): SqlMemo {
  const key = `${ctx.asof}\u0000${ctx.dialect.name}`;
  let memo = memos.get(key);
  if (!memo) {
    if (memos.size >= MEMO_DATES) memos.delete(memos.keys().next().value as string);
    memos.set(key, (memo = { items: new WeakMap(), aggregates: new WeakMap() }));
  }
  return memo;
}

function selectItem({ column }: Closure, population: PopulationModel, ctx: ExprContext, memo: SqlMemo): string {
  let sql = memo.items.get(column);
  if (sql === undefined) memo.items.set(column, (sql = `${entityValue(column, population, ctx)} AS ${ctx.dialect.ident(column.id)}`));
  return sql;
}

function entityValue(column: EntityColumn, population: PopulationModel, ctx: ExprContext): string {
  const d = ctx.dialect;
  const v = column.value;
  switch (v.k) {
    case 'expr': {
      const sql = emitExpr(v.ir, ctx);
      return v.coalesceFalse ? `coalesce(${sql}, FALSE)` : sql;
    }
    case 'partition': {
      const whens = v.parts.map((p) => (p.condition ? `WHEN ${emitExpr(p.condition, ctx)} THEN ${d.string(p.name)}` : `ELSE ${d.string(p.name)}`));
      return `CASE ${whens.join(' ')} END`;
    }
    case 'split': {
      const keyType = population.columns.find((c) => c.name === population.key)?.sqlType ?? population.keyType;
      const hash = d.splitHash(d.string(v.seed), d.ident(population.key), keyType);
      let cumulative = 0;
      const arms = v.arms.map((arm, i) => {
        cumulative += arm.percent;
        if (i === v.arms.length - 1) return `ELSE ${d.string(arm.name)}`;
        // h / 2^32 < cumulative / 100, kept in exact integer arithmetic.
        return `WHEN ${hash} * 100 < ${d.number(cumulative)} * 4294967296 THEN ${d.string(arm.name)}`;
      });
      // One arm takes every member: CASE needs a WHEN before its ELSE.
      const arm = arms.length === 1 ? d.string(v.arms[0]!.name) : `CASE ${arms.join(' ')} END`;
      return `CASE WHEN ${emitExpr(v.segment, ctx)} THEN ${arm} END`;
    }
    case 'quantile':
      return d.quantile(v.buckets, emitExpr(v.arg, ctx), v.order);
  }
}

function columnIrs(column: EntityColumn): IR[] {
  const v = column.value;
  switch (v.k) {
    case 'expr':
      return [v.ir];
    case 'partition':
      return v.parts.flatMap((p) => (p.condition ? [p.condition] : []));
    case 'split':
      return [v.segment];
    case 'quantile':
      return [v.arg];
  }
}

/** Everything one entity column reads, directly or not, and its step in the pipeline. */
interface Closure {
  column: EntityColumn;
  /** How a step's name calls the column: `let spend`, `segment big`. */
  label: string;
  /** The closures of the columns it reads and itself last, in dependency order. */
  members: Closure[];
  /** The link aggregates (lower case) the column itself reads. */
  reads: string[];
  level: number;
}

/** Lower-case column id → its closure; null for a name that is no entity column, or one still being visited (a cycle). */
type Closures = Map<string, Closure | null>;

/**
 * Closures by population: statements and views of one notebook ask for the same columns again and
 * again, and walking every definition's expressions each time was a quarter of compiling one.
 */
const closuresByPopulation = new WeakMap<PopulationModel, Closures>();

function closuresOf(population: PopulationModel): Closures {
  let closures = closuresByPopulation.get(population);
  if (!closures) {
    closuresByPopulation.set(population, (closures = new Map()));
    // In the order they are defined, so that each mostly finds what it reads walked already: asked
    // first for the end of a chain of thousands, the walk would recurse as deep as the chain.
    for (const key of population.entityColumns.keys()) closureOf(population, closures, key);
  }
  return closures;
}

/** How many steps (CTEs after the links) a pipeline for `roots` and `extraColumns` takes, without writing it. */
export function pipelineSteps(population: PopulationModel, roots: IR[], extraColumns: string[]): number {
  const closures = closuresOf(population);
  let steps = 0;
  const add = (name: string) => {
    const closure = closureOf(population, closures, name.toLowerCase());
    if (closure) steps = Math.max(steps, closure.level + 1);
  };
  for (const ir of roots) forEachColumn(ir, add);
  for (const name of extraColumns) add(name);
  return steps;
}

function isAggregate(population: PopulationModel, key: string): boolean {
  return population.links.some((l) => l.aggregates.has(key));
}

function closureOf(population: PopulationModel, closures: Closures, key: string): Closure | null {
  const known = closures.get(key);
  if (known !== undefined) return known;
  const column = population.entityColumns.get(key);
  closures.set(key, null);
  if (!column) return null;
  const union = new ClosureUnion();
  const reads: string[] = [];
  let level = 0;
  for (const ir of columnIrs(column)) {
    forEachColumn(ir, (input) => {
      const inputKey = input.toLowerCase();
      if (isAggregate(population, inputKey)) {
        reads.push(inputKey);
        return;
      }
      const dependency = closureOf(population, closures, inputKey);
      if (!dependency) return;
      union.add(dependency);
      level = Math.max(level, dependency.level + 1);
    });
  }
  const label = `${column.kind === 'quantile' ? '' : column.kind + ' '}${column.id}`;
  const closure: Closure = { column, label, members: union.members, reads, level };
  union.members.push(closure);
  closures.set(key, closure);
  return closure;
}

/** Closures merged in the order they are added: each column once, after what it reads. */
class ClosureUnion {
  readonly members: Closure[] = [];
  private readonly seen = new Set<Closure>();

  add(closure: Closure): void {
    // A closure holds the closures of all its members, so one seen already brings nothing new.
    if (this.seen.has(closure)) return;
    for (const member of closure.members) {
      if (!this.seen.has(member)) {
        this.seen.add(member);
        this.members.push(member);
      }
    }
  }
}

/** The closures of the entity columns (in dependency order) and the link aggregates that the roots read. */
function neededColumns(population: PopulationModel, closures: Closures, roots: IR[], extraColumns: string[]): { columns: Closure[]; aggregates: Set<string> } {
  const union = new ClosureUnion();
  const aggregates = new Set<string>();
  const add = (name: string) => {
    const key = name.toLowerCase();
    if (isAggregate(population, key)) aggregates.add(key);
    else {
      const closure = closureOf(population, closures, key);
      if (closure) union.add(closure);
    }
  };
  for (const ir of roots) forEachColumn(ir, add);
  for (const name of extraColumns) add(name);
  for (const member of union.members) for (const a of member.reads) aggregates.add(a);
  return { columns: union.members, aggregates };
}

/** Written by concatenation, not joined: a join copies every CTE's text, most of it shared with other statements. */
export function withClause(ctes: Cte[], dialect: Dialect): string {
  let sql = 'WITH';
  for (let i = 0; i < ctes.length; i++) sql += `${i ? ',' : ''}\n${dialect.ident(ctes[i]!.name)} AS (\n  ${ctes[i]!.sql}\n)`;
  return sql;
}
