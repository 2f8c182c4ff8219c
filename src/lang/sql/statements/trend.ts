import type { CheckedStatement } from '../../check/statements.ts';
import type { Dialect, Entry } from '../dialect.ts';
import { emitExpr } from '../expr.ts';
import { emitPipeline, withClause, type Cte } from '../pipeline.ts';
import { countWhere } from '../rows.ts';

type Trend = Extract<CheckedStatement, { kind: 'trend' }>;

/** trend → asof, segment, size: the whole pipeline re-evaluated as of each date (spec §5, §10). */
export function emitTrend(s: Trend, dialect: Dialect): string {
  const q = dialect.ident;
  const ctes: Cte[] = [];
  const selects: string[] = [];
  for (const date of s.dates) {
    const ctx = { dialect, asof: date, entity: 'e' };
    const pipeline = emitPipeline(s.population, s.segments.map((g) => g.condition), [], date, dialect, ` @ ${date}`);
    ctes.push(...pipeline.ctes);
    const entries = s.segments.map((segment, i): Entry => [
      ['#', String(i + 1)],
      ['segment', dialect.string(segment.display)],
      ['size', countWhere(emitExpr(segment.condition, ctx))],
    ]);
    const sizes = `sizes @ ${date}`;
    ctes.push({ name: sizes, sql: `SELECT ${dialect.rowsColumns(entries)}\n  FROM ${q(pipeline.entities)} AS e` });
    selects.push(dialect.unnestRows(entries, sizes, [`${dialect.date(date)} AS "asof"`]));
  }
  return (
    `${withClause(ctes, dialect)}\n` +
    `SELECT "asof", "segment", "size"\n` +
    `FROM (\n  ${selects.join('\n  UNION ALL\n  ')}\n)\n` +
    `ORDER BY "asof", "#"`
  );
}
