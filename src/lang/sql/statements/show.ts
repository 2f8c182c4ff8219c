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
  const others = population.columns.filter((c) => c.name !== population.key).map((c) => c.name);
  const columns = [population.key, ...others, ...lets].map((c) => `e.${q(c)}`);
  const where = emitExpr(condition, { dialect, asof, entity: 'e' });
  return (
    `${withSql}\n` +
    `SELECT ${columns.join(', ')}\n` +
    `FROM ${q(pipeline.entities)} AS e\n` +
    (where === 'TRUE' ? '' : `WHERE ${where}\n`) +
    `ORDER BY e.${q(population.key)}` +
    (limit !== undefined ? `\nLIMIT ${limit}` : '')
  );
}
