import type { PopulationModel } from '../../check/model.ts';
import type { Dialect } from '../dialect.ts';
import { emitExpr } from '../expr.ts';

/**
 * A population has one row per entity (spec §1). A key that is on several rows of the table
 * counts that entity twice in every size and share and joins its linked rows twice, so the
 * check finds the most repeated key: a row means the rule is broken, and its one column says
 * how, in the analyst's words. Null keys are no entity to repeat, as in a UNIQUE column.
 */
export function emitKeyCheck(population: PopulationModel, asof: string, dialect: Dialect): string {
  const q = dialect.ident;
  const key = q(population.key);
  const where = population.where ? ` AND (${emitExpr(population.where, { dialect, asof })})` : '';
  const text = (value: string) => dialect.string(value);
  const advice = ', and a population has one row per entity: remove the repeats (in a SQL view, with GROUP BY or DISTINCT) or choose another key';
  return (
    `SELECT ${text(`the key ${population.key} is not unique: `)} || "key" || ' is on ' || ${dialect.toText('"rows"')} || ${text(` rows of ${population.table}`)}\n` +
    `    || CASE WHEN "keys" > 1 THEN ' (' || ${dialect.toText('"keys"')} || ' keys are on more than one row)' ELSE '' END || ${text(advice)} AS "problem"\n` +
    `FROM (\n` +
    `  SELECT ${dialect.toText(key)} AS "key", count(*) AS "rows", count(*) OVER () AS "keys"\n` +
    `  FROM ${q(population.table)}\n` +
    `  WHERE ${key} IS NOT NULL${where}\n` +
    `  GROUP BY ${key}\n` +
    `  HAVING count(*) > 1\n` +
    `) AS "repeated keys"\n` +
    `ORDER BY "rows" DESC, ${dialect.orderText('"key"')}\n` +
    `LIMIT 1`
  );
}
