import type { CheckedStatement } from '../../check/statements.ts';
import type { Dialect } from '../dialect.ts';
import { emitExpr } from '../expr.ts';
import { emitPipeline, withClause, type Cte } from '../pipeline.ts';
import { countWhere } from '../rows.ts';

type Expect = Extract<CheckedStatement, { kind: 'expect' }>;

/** A share in the detail reads 0.5803, not 0.5803333333333334; the comparison itself uses the exact value. */
const SHARE_DIGITS = 4;

/** A share as text, rounded; of a population with no entities it is null, and the detail says so rather than dropping the term. */
function shareText(share: string, dialect: Dialect): string {
  return dialect.scalar('coalesce', [dialect.roundedText(share, SHARE_DIGITS), dialect.string('null')]);
}

/** expect → expectation, passed, detail: one row; a null condition does not pass (spec §5). */
export function emitExpect(s: Expect, asof: string, dialect: Dialect): string {
  const q = dialect.ident;
  const ctx = { dialect, asof, entity: 'e' };
  const ctes: Cte[] = [];
  const from: string[] = [];
  const populations = [...new Set(s.terms.map((t) => t.population))];
  const seen = new Set<string>();
  for (const population of populations) {
    const terms = s.terms.filter((t) => t.population === population && !seen.has(t.column.toLowerCase()));
    terms.forEach((t) => seen.add(t.column.toLowerCase()));
    const suffix = populations.length > 1 ? ` of ${population.name}` : '';
    const pipeline = emitPipeline(population, terms.map((t) => t.segment), [], asof, dialect, suffix);
    const columns = terms.map((t) => {
      const size = countWhere(emitExpr(t.segment, ctx));
      return `${t.fn === 'size' ? size : dialect.divide(size, 'count(*)')} AS ${q(t.column)}`;
    });
    const name = `measures${suffix}`;
    ctes.push(...pipeline.ctes, { name, sql: `SELECT ${columns.join(', ')}\n  FROM ${q(pipeline.entities)} AS e` });
    from.push(q(name));
  }
  const detail = [...seen].length
    ? `concat_ws(', ', ${s.terms
        .filter((t, i) => s.terms.findIndex((u) => u.column.toLowerCase() === t.column.toLowerCase()) === i)
        .map((t) => `${dialect.string(`${t.column} = `)} || ${t.fn === 'share' ? shareText(q(t.column), dialect) : dialect.toText(q(t.column))}`)
        .join(', ')})`
    : 'NULL';
  const body = `SELECT ${dialect.string(s.text)} AS "expectation", coalesce(${emitExpr(s.condition, { dialect, asof })}, FALSE) AS "passed", ${detail} AS "detail"`;
  if (ctes.length === 0) return body;
  return `${withClause(ctes, dialect)}\n${body}\nFROM ${from.join(', ')}`;
}
