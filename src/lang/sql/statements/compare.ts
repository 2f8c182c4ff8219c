import type { CheckedMetric, CheckedStatement } from '../../check/statements.ts';
import type { Dialect } from '../dialect.ts';
import { emitExpr, type ExprContext } from '../expr.ts';
import { emitPipeline, withClause, type Cte } from '../pipeline.ts';
import { countWhere, structList } from '../rows.ts';

type Compare = Extract<CheckedStatement, { kind: 'compare' }>;

/** compare → segment, [by], size, share, metrics (spec §5). */
export function emitCompare(s: Compare, asof: string, dialect: Dialect): string {
  const q = dialect.ident;
  const ctx: ExprContext = { dialect, asof, entity: 'e' };
  const roots = [...s.segments.map((g) => g.condition), ...s.metrics.flatMap((m) => (m.arg ? [m.arg] : [])), ...(s.by ? [s.by.ir] : [])];
  const pipeline = emitPipeline(s.population, roots, [], asof, dialect);
  const membership = membershipFlags(s.segments.map((segment) => ({ display: segment.display, sql: emitExpr(segment.condition, ctx) })), pipeline.entities, dialect);
  const entries = s.segments.map((segment, i) => {
    const member = membership.members[i]!;
    const size = countWhere(member);
    const fields: [string, string][] = [
      ['#', String(i + 1)],
      ['segment', dialect.string(segment.display)],
      ['size', size],
      ['share', dialect.divide(size, 'count(*)')],
    ];
    for (const metric of s.metrics) fields.push([metric.name, emitMetric(metric, member, ctx)]);
    return fields;
  });
  const byColumn = s.by ? `${emitExpr(s.by.ir, ctx)} AS "by value", ` : '';
  const groupBy = s.by ? '\n  GROUP BY "by value"' : '';
  const compare = {
    name: 'compare',
    sql: `SELECT ${byColumn}${structList(entries, dialect)} AS "rows"\n  FROM ${q(membership.from)} AS e${groupBy}`,
  };
  const metricColumns = s.metrics.map((m) => `, ${q(m.name)}`).join('');
  const by = s.by ? `"by value" AS ${q(s.by.name)}, ` : '';
  const order = s.by ? '"#", "by value" ASC NULLS LAST' : '"#"';
  return (
    `${withClause([...pipeline.ctes, ...membership.ctes, compare], dialect)}\n` +
    `SELECT "segment", ${by}"size", "share"${metricColumns}\n` +
    `FROM (SELECT ${s.by ? '"by value", ' : ''}unnest("rows", recursive := true) FROM "compare")\n` +
    `ORDER BY ${order}`
  );
}

function emitMetric(metric: CheckedMetric, member: string, ctx: ExprContext): string {
  const d = ctx.dialect;
  const filter = member === 'TRUE' ? '' : ` FILTER (WHERE ${member})`;
  const size = countWhere(member);
  const arg = metric.arg ? emitExpr(metric.arg, ctx) : '';
  switch (metric.fn) {
    case 'count':
      return size;
    case 'pct':
      return d.divide(countWhere(member === 'TRUE' ? arg : `${member} AND (${arg})`), size);
    case 'count_distinct':
      // Over zero members every metric but count is null (spec §5), count_distinct too.
      return `CASE WHEN ${size} = 0 THEN NULL ELSE ${d.countDistinct(arg)}${filter} END`;
    case 'median':
      return `${d.median(arg)}${filter}`;
    default:
      return `${metric.fn}(${arg})${filter}`;
  }
}

/**
 * Each segment's membership as one column, tested once per entity. A part or a written condition
 * (`tier.gold`, `spend > 100`) would otherwise be evaluated again in every metric's FILTER, which
 * DuckDB does not share between aggregates: a third slower for four parts and two metrics.
 */
function membershipFlags(segments: { display: string; sql: string }[], entities: string, dialect: Dialect): { members: string[]; ctes: Cte[]; from: string } {
  const isColumn = (sql: string) => sql === 'TRUE' || /^e\."(?:[^"]|"")*"$/.test(sql);
  const flags = new Map<string, string>();
  for (const segment of segments) {
    if (isColumn(segment.sql) || flags.has(segment.sql)) continue;
    const taken = new Set(flags.values());
    let name = `in ${segment.display}`;
    for (let n = 2; taken.has(name); n++) name = `in ${segment.display} (${n})`;
    flags.set(segment.sql, name);
  }
  if (flags.size === 0) return { members: segments.map((s) => s.sql), ctes: [], from: entities };
  const columns = [...flags].map(([sql, name]) => `${sql} AS ${dialect.ident(name)}`);
  return {
    members: segments.map((s) => (flags.has(s.sql) ? `e.${dialect.ident(flags.get(s.sql)!)}` : s.sql)),
    ctes: [{ name: 'membership', sql: `SELECT *, ${columns.join(', ')}\n  FROM ${dialect.ident(entities)} AS e` }],
    from: 'membership',
  };
}
