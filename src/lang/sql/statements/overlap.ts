import type { CheckedStatement } from '../../check/statements.ts';
import type { Dialect } from '../dialect.ts';
import { emitExpr } from '../expr.ts';
import { emitPipeline, withClause } from '../pipeline.ts';

type Overlap = Extract<CheckedStatement, { kind: 'overlap' }>;

/** overlap → one boolean column per segment and size, for each non-empty combination (spec §5). */
export function emitOverlap(s: Overlap, asof: string, dialect: Dialect): string {
  const q = dialect.ident;
  const ctx = { dialect, asof, entity: 'e' };
  const pipeline = emitPipeline(s.population, s.segments.map((g) => g.condition), [], asof, dialect);
  const flags = s.segments.map((g) => emitExpr(g.condition, ctx));
  const columns = flags.map((f, i) => `${f} AS ${q(s.segments[i].display)}`).join(',\n  ');
  const positions = flags.map((_, i) => String(i + 1));
  return (
    `${withClause(pipeline.ctes, dialect)}\n` +
    `SELECT ${columns},\n  count(*) AS "size"\n` +
    `FROM ${q(pipeline.entities)} AS e\n` +
    `WHERE ${flags.join(' OR ')}\n` +
    `GROUP BY ${positions.join(', ')}\n` +
    `ORDER BY "size" DESC, ${positions.map((p) => `${p} DESC`).join(', ')}`
  );
}
