/**
 * The query behind "no one in customers has country 'us'; 412 have 'US'": for each comparison of a
 * column with text in quotes, how many of the population hold exactly that text, and the value
 * most of them hold that differs from it only in case or surrounding spaces.
 */
import type { LiteralComparison } from '../check/literal-comparisons.ts';
import type { PopulationModel } from '../check/model.ts';
import type { Dialect } from './dialect.ts';
import { emitExpr } from './expr.ts';

/**
 * One row per comparison, in their order: `pair` (its index), `exact` (a count), `nearest` (null
 * when nothing is near) and `nearest_count`. One scan of the table whatever the columns: a grouping
 * set per column, of only the rows whose folded value is one of the folded texts.
 */
export function emitLiteralProbe(population: PopulationModel, comparisons: LiteralComparison[], asof: string, dialect: Dialect): string {
  const q = dialect.ident;
  const columns = [...new Set(comparisons.map((c) => c.column))];
  const grouped = (pick: (column: string, index: number) => string) =>
    `CASE ${columns.map((column, i) => `WHEN GROUPING(${q(column)}) = 0 THEN ${pick(column, i)}`).join(' ')} END`;
  const folded = columns.map((column) => {
    const texts = [...new Set(comparisons.filter((c) => c.column === column).map((c) => c.value))];
    return `${dialect.fold(q(column))} IN (${texts.map((t) => dialect.fold(dialect.string(t))).join(', ')})`;
  });
  const where = population.where ? ` AND (${emitExpr(population.where, { dialect, asof })})` : '';
  const wanted = comparisons.map((c, i) => [String(i), String(columns.indexOf(c.column)), dialect.string(c.value)]);
  return (
    `WITH "found" AS (\n` +
    `  SELECT ${grouped((_, i) => String(i))} AS "column", ${grouped((column) => dialect.toText(q(column)))} AS "value", count(*) AS "n"\n` +
    `  FROM ${q(population.table)}\n` +
    `  WHERE ${q(population.key)} IS NOT NULL${where} AND (${folded.join(' OR ')})\n` +
    `  GROUP BY GROUPING SETS (${columns.map((column) => `(${q(column)})`).join(', ')})\n` +
    `), "wanted" AS (\n` +
    `  SELECT * FROM ${dialect.values(wanted, ['pair', 'column', 'literal'])}\n` +
    `), "near" AS (\n` +
    `  SELECT w."pair", f."value", f."n", row_number() OVER (PARTITION BY w."pair" ORDER BY f."n" DESC, ${dialect.orderText('f."value"')}) AS "rank"\n` +
    `  FROM "wanted" AS w\n` +
    `  JOIN "found" AS f ON f."column" = w."column" AND f."value" <> w."literal" AND ${dialect.fold('f."value"')} = ${dialect.fold('w."literal"')}\n` +
    `)\n` +
    `SELECT w."pair", coalesce(e."n", 0) AS "exact", n."value" AS "nearest", n."n" AS "nearest_count"\n` +
    `FROM "wanted" AS w\n` +
    `LEFT JOIN "found" AS e ON e."column" = w."column" AND e."value" = w."literal"\n` +
    `LEFT JOIN "near" AS n ON n."pair" = w."pair" AND n."rank" = 1\n` +
    `ORDER BY w."pair"`
  );
}
