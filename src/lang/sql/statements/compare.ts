import type { CheckedMetric, CheckedStatement } from '../../check/statements.ts';
import type { Dialect, Entry } from '../dialect.ts';
import { emitExpr, isText, type ExprContext } from '../expr.ts';
import { emitPipeline, withClause, type Cte } from '../pipeline.ts';
import { countWhere } from '../rows.ts';

type Compare = Extract<CheckedStatement, { kind: 'compare' }>;

/** Metrics whose value over a segment can be put together from their values over its groups. */
const DECOMPOSABLE = new Set<CheckedMetric['fn']>(['count', 'sum', 'avg', 'min', 'max', 'pct']);

/**
 * At most this many membership columns are grouped by: entities fall into at most 2^n membership
 * patterns, and past a few hundred groups the second pass stops being negligible.
 */
const MAX_GROUPED_FLAGS = 8;

/** compare → segment, [by], size, share, metrics (spec §5). */
export function emitCompare(s: Compare, asof: string, dialect: Dialect): string {
  const q = dialect.ident;
  const ctx: ExprContext = { dialect, asof, entity: 'e' };
  const roots = [...s.segments.map((g) => g.condition), ...s.metrics.flatMap((m) => (m.arg ? [m.arg] : [])), ...(s.by ? [s.by.ir] : [])];
  const pipeline = emitPipeline(s.population, roots, [], asof, dialect);
  const membership = membershipFlags(s.segments.map((segment) => ({ display: segment.display, sql: emitExpr(segment.condition, ctx) })), pipeline.entities, dialect);
  const flags = [...new Set(membership.members.filter((m) => m !== 'TRUE'))];
  const grouped = s.metrics.every((m) => DECOMPOSABLE.has(m.fn)) && flags.length <= MAX_GROUPED_FLAGS;
  const compare = grouped ? groupedCompare(s, membership, flags, ctx) : scanCompare(s, membership, ctx);
  const metricColumns = s.metrics.map((m) => `, ${q(m.name)}`).join('');
  const by = s.by ? `"by value" AS ${q(s.by.name)}, ` : '';
  const byValue = s.by && isText(s.by.ir, s.population) ? dialect.orderText('"by value"') : '"by value"';
  const order = s.by ? `"#", ${byValue} ASC NULLS LAST` : '"#"';
  return (
    `${withClause([...pipeline.ctes, ...membership.ctes, ...compare.ctes], dialect)}\n` +
    `SELECT "segment", ${by}"size", "share"${metricColumns}\n` +
    `FROM (${dialect.unnestRows(compare.entries, 'compare', s.by ? ['"by value"'] : [])})\n` +
    `ORDER BY ${order}`
  );
}

type Membership = ReturnType<typeof membershipFlags>;

/** The steps that compute a compare's rows, and its rows as fields over the last step. */
interface CompareRows {
  ctes: Cte[];
  entries: Entry[];
}

/** Every segment's row as aggregates filtered to its members, in one pass over the entities. */
function scanCompare(s: Compare, membership: Membership, ctx: ExprContext): CompareRows {
  const d = ctx.dialect;
  const entries = s.segments.map((segment, i) => {
    const member = membership.members[i]!;
    const size = countWhere(member);
    const fields: [string, string][] = [
      ['#', String(i + 1)],
      ['segment', d.string(segment.display)],
      ['size', size],
      ['share', d.divide(size, 'count(*)')],
    ];
    for (const metric of s.metrics) fields.push([metric.name, scanMetric(metric, member, ctx)]);
    return fields;
  });
  const byColumn = s.by ? `${emitExpr(s.by.ir, ctx)} AS "by value", ` : '';
  // Not `GROUP BY "by value"`: a segment may be called `by value`, and its column would win.
  const groupBy = s.by ? `\n  ${d.groupByFirst(1)}` : '';
  return { ctes: [{ name: 'compare', sql: `SELECT ${byColumn}${d.rowsColumns(entries)}\n  FROM ${d.ident(membership.from)} AS e${groupBy}` }], entries };
}

function scanMetric(metric: CheckedMetric, member: string, ctx: ExprContext): string {
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
 * Entities grouped by which segments they belong to (and the `by` value), with each metric's
 * partial aggregates per group; each segment's row then adds up the groups it covers. One hash
 * aggregate with a handful of groups costs far less than a filtered aggregate per segment and
 * metric over every entity: partitions with four parts and two metrics ran 15% slower that way.
 */
function groupedCompare(s: Compare, membership: Membership, flags: string[], ctx: ExprContext): CompareRows {
  const d = ctx.dialect;
  const q = d.ident;
  // Segment columns keep their names in the groups; the names made up here must not take one (a
  // backquoted segment may be called `group members`), and DuckDB compares names ignoring case.
  const taken = new Set(flags.map((f) => unquote(f.slice(2)).toLowerCase()));
  const fresh = (base: string) => {
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  };
  const byKey = s.by ? fresh('by value') : undefined;
  const members = fresh('group members');
  const partials: string[] = [`count(*) AS ${q(members)}`];
  const partial = (sql: string, base: string) => {
    const name = fresh(base);
    partials.push(`${sql} AS ${q(name)}`);
    return name;
  };
  const metricParts = s.metrics.map((metric, k) => {
    const arg = metric.arg ? emitExpr(metric.arg, ctx) : '';
    switch (metric.fn) {
      case 'count':
        return {};
      case 'pct':
        return { count: partial(countWhere(arg), `count where of metric ${k + 1}`) };
      case 'avg':
        return { sum: partial(`sum(${arg})`, `sum of metric ${k + 1}`), count: partial(`count(${arg})`, `count of metric ${k + 1}`) };
      default:
        return { value: partial(`${metric.fn}(${arg})`, `${metric.fn} of metric ${k + 1}`) };
    }
  });
  const keys = [...(byKey ? [`${emitExpr(s.by!.ir, ctx)} AS ${q(byKey)}`] : []), ...flags];
  const groups: Cte = {
    name: 'membership groups',
    sql: `SELECT ${[...keys, ...partials].join(', ')}\n  FROM ${q(membership.from)} AS e${keys.length ? `\n  ${d.groupByFirst(keys.length)}` : ''}`,
  };
  const total = (column: string, member: string) => `sum(g.${q(column)})${member === 'TRUE' ? '' : ` FILTER (WHERE ${member})`}`;
  const entries = s.segments.map((segment, i): Entry => {
    const member = membership.members[i]!.replace(/^e\./, 'g.');
    const size = `CAST(coalesce(${total(members, member)}, 0) AS BIGINT)`;
    const fields: [string, string][] = [
      ['#', String(i + 1)],
      ['segment', d.string(segment.display)],
      ['size', size],
      ['share', d.divide(size, `sum(g.${q(members)})`)],
    ];
    s.metrics.forEach((metric, k) => {
      const part = metricParts[k]!;
      const filter = member === 'TRUE' ? '' : ` FILTER (WHERE ${member})`;
      let value: string;
      if (metric.fn === 'count') value = size;
      else if (metric.fn === 'pct') value = d.divide(`coalesce(${total(part.count!, member)}, 0)`, size);
      else if (metric.fn === 'avg') value = d.divide(total(part.sum!, member), total(part.count!, member));
      else if (metric.fn === 'sum') value = total(part.value!, member);
      else value = `${metric.fn}(g.${q(part.value!)})${filter}`;
      fields.push([metric.name, value]);
    });
    return fields;
  });
  const byColumn = byKey ? `g.${q(byKey)} AS "by value", ` : '';
  const groupBy = byKey ? `\n  GROUP BY g.${q(byKey)}` : '';
  return { ctes: [groups, { name: 'compare', sql: `SELECT ${byColumn}${d.rowsColumns(entries)}\n  FROM ${q(groups.name)} AS g${groupBy}` }], entries };
}

/** A quoted identifier's name. */
function unquote(quoted: string): string {
  return quoted.slice(1, -1).replace(/""/g, '"');
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
