import type { IR, PopulationModel } from '../../check/model.ts';
import type { Dialect } from '../dialect.ts';
import { emitExpr } from '../expr.ts';
import { emitPipeline, withClause, type Pipeline } from '../pipeline.ts';

/**
 * The members of a segment with the population's columns and lets: the result of `show`
 * (spec §5) and the body of the SQL view of a segment, part or arm (spec §6).
 */
export function emitMembers(population: PopulationModel, condition: IR, lets: string[], asof: string, dialect: Dialect, limit?: number): string {
  const pipeline = emitPipeline(population, [condition], lets, asof, dialect);
  return selectMembers(population, pipeline, withClause(pipeline.ctes, dialect), condition, lets, asof, dialect, limit);
}

/** The members query over a pipeline built (and its WITH clause written) by the caller, possibly shared. */
export function selectMembers(population: PopulationModel, pipeline: Pipeline, withSql: string, condition: IR, lets: string[], asof: string, dialect: Dialect, limit?: number): string {
  const q = dialect.ident;
  const where = emitExpr(condition, { dialect, asof, entity: 'e' });
  const key = `e.${q(population.key)}`;
  return (
    `${withSql}\n` +
    `SELECT ${memberColumns(population, lets, dialect)}\n` +
    `FROM ${q(pipeline.entities)} AS e\n` +
    (where === 'TRUE' ? '' : `WHERE ${where}\n`) +
    `ORDER BY ${population.keyType === 'text' ? dialect.orderText(key) : key}` +
    (limit !== undefined ? `\nLIMIT ${limit}` : '')
  );
}

/** Key, the population's other columns in table order, then lets (spec §5); the same list for every view. */
const columnLists = new WeakMap<string[], Map<string, string>>();

function memberColumns(population: PopulationModel, lets: string[], dialect: Dialect): string {
  let byPopulation = columnLists.get(lets);
  if (!byPopulation) columnLists.set(lets, (byPopulation = new Map()));
  const key = `${population.name}\u0000${dialect.name}`;
  let list = byPopulation.get(key);
  if (list === undefined) {
    const others = population.columns.filter((c) => c.name !== population.key).map((c) => c.name);
    list = [population.key, ...others, ...lets].map((c) => `e.${dialect.ident(c)}`).join(', ');
    byPopulation.set(key, list);
  }
  return list;
}
