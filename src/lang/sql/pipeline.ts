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
  const q = dialect.ident;
  const name = (base: string) => `${base}${suffix}`;
  const needed = neededColumns(population, roots, extraColumns);
  const ctes: Cte[] = [];

  const populationCte = name(`population ${population.name}`);
  const where = population.where ? `\n  WHERE ${emitExpr(population.where, ctx)}` : '';
  ctes.push({ name: populationCte, sql: `SELECT *\n  FROM ${q(population.table)}${where}` });

  let current = populationCte;
  const joins: { link: LinkModel; cte: string; aggregates: LinkAggregate[] }[] = [];
  for (const link of population.links) {
    const aggregates = [...link.aggregates.values()].filter((a) => needed.aggregates.has(a.id.toLowerCase()));
    if (aggregates.length === 0) continue;
    const cte = name(`${link.alias} per ${population.key}`);
    ctes.push({ name: cte, sql: linkAggregates(link, aggregates, population, populationCte, ctx) });
    joins.push({ link, cte, aggregates });
  }
  if (joins.length) {
    const withLinks = name(`${population.name} with links`);
    const columns = joins.flatMap((j, i) => j.aggregates.map((a) => `l${i + 1}.${q(a.id)}`));
    const from = joins.map((j, i) => `\n  LEFT JOIN ${q(j.cte)} AS l${i + 1} ON l${i + 1}.${q(population.key)} = p.${q(population.key)}`).join('');
    ctes.push({ name: withLinks, sql: `SELECT p.*, ${columns.join(', ')}\n  FROM ${q(populationCte)} AS p${from}` });
    current = withLinks;
  }

  for (const level of dependencyLevels(needed.columns)) {
    const cte = name(levelName(level));
    const values = level.map((column) => `${cachedEntityValue(column, population, ctx)} AS ${q(column.id)}`);
    const select = values.length === 1 ? `SELECT *, ${values[0]}` : `SELECT *,\n    ${values.join(',\n    ')}`;
    ctes.push({ name: cte, sql: `${select}\n  FROM ${q(current)}` });
    current = cte;
  }
  return { ctes, entities: current };
}

/**
 * The columns in steps: each step computes the columns whose inputs are all ready, so a notebook
 * takes as many steps as its longest chain of definitions, not one per definition. A chain of a
 * hundred `SELECT *` steps, a dozen of them windows, made DuckDB plan for seconds and run out of
 * memory on 3,000 customers.
 */
function dependencyLevels(columns: EntityColumn[]): EntityColumn[][] {
  const levelOf = new Map<string, number>();
  const levels: EntityColumn[][] = [];
  for (const column of columns) {
    let level = 0;
    for (const ir of columnIrs(column)) {
      forEachColumn(ir, (input) => {
        const before = levelOf.get(input.toLowerCase());
        if (before !== undefined) level = Math.max(level, before + 1);
      });
    }
    levelOf.set(column.id.toLowerCase(), level);
    (levels[level] ??= []).push(column);
  }
  return levels;
}

function columnName(column: EntityColumn): string {
  return `${column.kind === 'quantile' ? '' : column.kind + ' '}${column.id}`;
}

/** A step is named after what it computes: `let spend`, or `let spend, segment big and 3 more`. */
function levelName(level: EntityColumn[]): string {
  const names = level.map(columnName);
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

function linkAggregates(link: LinkModel, aggregates: LinkAggregate[], population: PopulationModel, populationCte: string, ctx: ExprContext): string {
  const d = ctx.dialect;
  const q = d.ident;
  const linkCtx: ExprContext = { ...ctx, link: 'l', population: 'p' };
  const time = link.time ? (link.time.type === 'timestamp' ? d.toDate(`l.${q(link.time.name)}`) : `l.${q(link.time.name)}`) : undefined;
  const asof = d.date(ctx.asof);
  const columns = aggregates.map((a) => {
    const filters: string[] = [];
    if (a.where) filters.push(emitExpr(a.where, linkCtx));
    if (a.within && time) filters.push(`${time} > ${d.dateShift(asof, -1, a.within, false)}`);
    if ((a.fn === 'first' || a.fn === 'last') && time && !a.within) filters.push(`${time} IS NOT NULL`);
    const arg = a.arg ? emitExpr(a.arg, linkCtx) : undefined;
    const filter = filters.length ? filters.map((f) => (filters.length > 1 ? `(${f})` : f)).join(' AND ') : undefined;
    // Order first/last by the full timestamp; the date is only for the as-of rule and windows.
    const order = link.time ? `l.${q(link.time.name)}` : undefined;
    return `${d.aggregate(a.fn, arg, order, filter)} AS ${q(a.id)}`;
  });
  const readsPopulation = aggregates.some((a) => a.readsPopulation);
  const join = readsPopulation ? `\n  JOIN ${q(populationCte)} AS p ON p.${q(population.key)} = l.${q(link.on)}` : '';
  // The as-of rule (spec §4): rows after asof never count; rows without a time count where no
  // window applies. Where the time column is known to hold no NULL, testing for one would only
  // cost: the OR keeps DuckDB from filtering the scan as cheaply (about 8% of a 10M-row aggregate).
  const nullTimes = link.time?.hasNulls === false ? '' : ` OR ${time} IS NULL`;
  const asofRule = time ? `\n  WHERE ${time} <= ${asof}${nullTimes}` : '';
  return `SELECT l.${q(link.on)} AS ${q(population.key)},\n    ${columns.join(',\n    ')}\n  FROM ${q(link.table)} AS l${join}${asofRule}\n  GROUP BY l.${q(link.on)}`;
}

/**
 * A column's SQL depends only on the column, the as-of date and the dialect; statements and views
 * of a notebook ask for the same columns over and over, so it is written once.
 */
const entityValues = new WeakMap<EntityColumn, Map<string, string>>();

function cachedEntityValue(column: EntityColumn, population: PopulationModel, ctx: ExprContext): string {
  let byAsof = entityValues.get(column);
  if (!byAsof) entityValues.set(column, (byAsof = new Map()));
  const key = `${ctx.asof}\u0000${ctx.dialect.name}`;
  let sql = byAsof.get(key);
  if (sql === undefined) byAsof.set(key, (sql = entityValue(column, population, ctx)));
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
      const hash = d.splitHash(d.string(v.seed), d.ident(population.key));
      let cumulative = 0;
      const arms = v.arms.map((arm, i) => {
        cumulative += arm.percent;
        if (i === v.arms.length - 1) return `ELSE ${d.string(arm.name)}`;
        // h / 2^32 < cumulative / 100, kept in exact integer arithmetic.
        return `WHEN ${hash} * 100 < ${d.number(cumulative)} * 4294967296 THEN ${d.string(arm.name)}`;
      });
      return `CASE WHEN ${emitExpr(v.segment, ctx)} THEN CASE ${arms.join(' ')} END END`;
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

/** The entity columns (in dependency order) and link aggregates that the roots read. */
function neededColumns(population: PopulationModel, roots: IR[], extraColumns: string[]): { columns: EntityColumn[]; aggregates: Set<string> } {
  const aggregateIds = { has: (key: string) => population.links.some((l) => l.aggregates.has(key)) };
  const aggregates = new Set<string>();
  const ordered: EntityColumn[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visitName = (name: string): void => {
    const key = name.toLowerCase();
    if (aggregateIds.has(key)) {
      aggregates.add(key);
      return;
    }
    const column = population.entityColumns.get(key);
    if (!column || state.has(key)) return;
    state.set(key, 'visiting');
    columnIrs(column).forEach((ir) => forEachColumn(ir, visitName));
    state.set(key, 'done');
    ordered.push(column);
  };
  roots.forEach((ir) => forEachColumn(ir, visitName));
  extraColumns.forEach(visitName);
  return { columns: ordered, aggregates };
}

export function withClause(ctes: Cte[], dialect: Dialect): string {
  return `WITH\n${ctes.map((c) => `${dialect.ident(c.name)} AS (\n  ${c.sql}\n)`).join(',\n')}`;
}
