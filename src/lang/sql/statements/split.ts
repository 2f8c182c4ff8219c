import type { CheckedStatement } from '../../check/statements.ts';
import type { Dialect, Entry } from '../dialect.ts';
import { emitExpr } from '../expr.ts';
import { emitPipeline, withClause } from '../pipeline.ts';
import { countWhere } from '../rows.ts';

type Split = Extract<CheckedStatement, { kind: 'split' }>;

/** split → arm, size, share of the split segment (spec §5). */
export function emitSplit(s: Split, asof: string, dialect: Dialect): string {
  const q = dialect.ident;
  const ctx = { dialect, asof, entity: 'e' };
  const armOf = (arm: string) => emitExpr({ k: 'member', column: s.split, value: arm }, ctx);
  const pipeline = emitPipeline(s.population, [s.segment], [s.split], asof, dialect);
  const segmentSize = countWhere(emitExpr(s.segment, ctx));
  const entries = s.arms.map((arm, i): Entry => {
    const size = countWhere(armOf(arm));
    return [
      ['#', String(i + 1)],
      ['arm', dialect.string(arm)],
      ['size', size],
      ['share', dialect.divide(size, segmentSize)],
    ];
  });
  const split = { name: 'split', sql: `SELECT ${dialect.rowsColumns(entries)}\n  FROM ${q(pipeline.entities)} AS e` };
  return `${withClause([...pipeline.ctes, split], dialect)}\nSELECT "arm", "size", "share"\nFROM (${dialect.unnestRows(entries, 'split', [])})\nORDER BY "#"`;
}
