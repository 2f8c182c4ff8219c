import type { PopulationModel } from '../check/model.ts';
import type { CheckedStatement } from '../check/statements.ts';

/**
 * The tables and views a population's pipeline may read, lower case: its table (or its values
 * table) and every link with an aggregate. A superset of what one statement joins, which only
 * ever makes the runner wait for a view it could have put off.
 */
export function populationReads(population: PopulationModel): string[] {
  const links = population.links.filter((link) => link.aggregates.size > 0).map((link) => link.table);
  return [...new Set([population.table, ...links].map((name) => name.toLowerCase()))];
}

/** The tables and views a statement's SQL reads, lower case. */
export function statementReads(s: CheckedStatement): string[] {
  const populations = s.kind === 'expect' ? [...new Set(s.terms.map((t) => t.population))] : [s.population];
  return [...new Set(populations.flatMap(populationReads))];
}
