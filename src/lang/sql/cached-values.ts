import type { EntityColumn, LinkModel, PopulationModel } from '../check/model.ts';
import type { CheckedStatement } from '../check/statements.ts';
import type { Span } from '../diagnostics.ts';
import type { Dialect } from './dialect.ts';
import { forEachColumn } from './expr.ts';
import { emitPipeline, withClause } from './pipeline.ts';

/**
 * A population's per-entity values kept as a table: its rows with the link aggregates and lets
 * at one as-of date. Editing a segment changes none of them, so statements read the table instead
 * of aggregating every linked row again (at 10M orders, most of a compare's time).
 */
export interface ValuesTable {
  /** `customers values`: a temporary table, out of the catalog the analyst sees. */
  name: string;
  population: string;
  asof: string;
  /** Builds (or rebuilds) the table. Equal text means equal contents over the same data. */
  sql: string;
  /** Tables and views the table's contents come from, lower case. */
  reads: string[];
  /** Entity columns and link aggregates it holds, lower case. */
  columns: Set<string>;
  /**
   * The lets it holds, where each is defined, and a query that computes that let alone: a build
   * that fails (an overflow, a text that is no number) names no column, so the first let whose
   * query fails is the one to blame.
   */
  lets: { name: string; cell: number; span: Span; probe: () => string }[];
}

export function valuesTableName(population: PopulationModel): string {
  return `${population.name} values`;
}

/** The population's values table at `asof`, or undefined when it has no let worth keeping. */
export function valuesTable(population: PopulationModel, lets: string[], asof: string, dialect: Dialect): ValuesTable | undefined {
  const kept = keptLets(population, lets);
  if (kept.lets.length === 0) return undefined;
  const pipeline = emitPipeline(population, [], kept.lets, asof, dialect);
  const name = valuesTableName(population);
  const links = population.links.filter((link) => [...link.aggregates.keys()].some((id) => kept.aggregates.has(id.toLowerCase())));
  const columns = new Set([...kept.lets.map((k) => k.toLowerCase()), ...kept.quantiles, ...kept.aggregates]);
  return {
    name,
    population: population.name,
    asof,
    sql: `CREATE OR REPLACE TEMP TABLE ${dialect.ident(name)} AS\n${withClause(pipeline.ctes, dialect)}\nSELECT * FROM ${dialect.ident(pipeline.entities)}`,
    reads: [...new Set([population.table, ...links.map((l) => l.table)].map((t) => t.toLowerCase()))],
    columns,
    lets: kept.lets.map((name) => {
      const { cell, span } = population.entityColumns.get(name.toLowerCase())!;
      return { name, cell, span, probe: () => letProbe(population, name, asof, dialect) };
    }),
  };
}

/** Counts the entities a let has a value for: the count makes DuckDB compute it for every one. */
function letProbe(population: PopulationModel, name: string, asof: string, dialect: Dialect): string {
  const pipeline = emitPipeline(population, [], [name], asof, dialect);
  return `${withClause(pipeline.ctes, dialect)}\nSELECT count(${dialect.ident(name)}) FROM ${dialect.ident(pipeline.entities)}`;
}

/**
 * The population as its values table: the table's rows are the population (its `where` applied),
 * the kept lets and aggregates are plain columns, and only what the table lacks (segments,
 * partitions, splits, quantiles, lets that read them, aggregates only they use) is computed on top.
 */
export function readingValues(population: PopulationModel, table: ValuesTable): PopulationModel {
  const entityColumns = new Map<string, EntityColumn>();
  for (const [id, column] of population.entityColumns) if (!table.columns.has(id)) entityColumns.set(id, column);
  const links = population.links.map((link): LinkModel => {
    const aggregates = new Map([...link.aggregates].filter(([id]) => !table.columns.has(id.toLowerCase())));
    return { ...link, aggregates };
  });
  const { where: _where, ...rest } = population;
  return { ...rest, table: table.name, links, entityColumns };
}

/**
 * Lets that read only the population's columns, link aggregates, quantiles of those and other such
 * lets; and the aggregates and quantiles they read. A quantile ranks the whole (narrowed)
 * population, which is what the table holds, so no segment changes it.
 */
function keptLets(population: PopulationModel, lets: string[]): { lets: string[]; aggregates: Set<string>; quantiles: Set<string> } {
  const isAggregate = (key: string) => population.links.some((l) => l.aggregates.has(key));
  const memo = new Map<string, boolean>();
  const read = new Map<string, string[]>();
  const keepable = (key: string): boolean => {
    if (isAggregate(key)) return true;
    const column = population.entityColumns.get(key);
    if (!column) return true;
    const value = column.value;
    if (!(column.kind === 'let' && value.k === 'expr') && value.k !== 'quantile') return false;
    const known = memo.get(key);
    if (known !== undefined) return known;
    memo.set(key, false);
    let ok = true;
    const inputs: string[] = [];
    forEachColumn(value.k === 'expr' ? value.ir : value.arg, (input) => {
      inputs.push(input.toLowerCase());
      if (ok && !keepable(input.toLowerCase())) ok = false;
    });
    memo.set(key, ok);
    read.set(key, inputs);
    return ok;
  };
  const kept = lets.filter((name) => population.entityColumns.get(name.toLowerCase())?.kind === 'let' && keepable(name.toLowerCase()));
  const aggregates = new Set<string>();
  const quantiles = new Set<string>();
  const visit = (key: string): void => {
    if (isAggregate(key)) aggregates.add(key);
    else {
      if (population.entityColumns.get(key)?.kind === 'quantile') quantiles.add(key);
      for (const input of read.get(key) ?? []) visit(input);
    }
  };
  kept.forEach((name) => visit(name.toLowerCase()));
  return { lets: kept, aggregates, quantiles };
}

/** A values table a cell reads, and the index of its first statement that reads it: the table must be current before it. */
export interface ValuesTableUse {
  table: ValuesTable;
  statement: number;
}

/**
 * Hands a cell's statements their populations as values tables and collects the tables the cell
 * reads; `trend` re-evaluates at other dates, so it keeps the full pipeline.
 */
export class ValuesReader {
  private readonly derived = new Map<PopulationModel, PopulationModel>();
  private readonly tables: ValuesTable[] = [];

  constructor(
    private readonly letsOf: (population: PopulationModel) => string[],
    private readonly asof: string,
    private readonly dialect: Dialect,
  ) {}

  /** The tables the compiled statements read, each with the first statement that reads it. */
  uses(statements: { reads: string[] }[]): ValuesTableUse[] {
    return this.tables.flatMap((table) => {
      const name = table.name.toLowerCase();
      const statement = statements.findIndex((s) => s.reads.includes(name));
      return statement < 0 ? [] : [{ table, statement }];
    });
  }

  statement(s: CheckedStatement): CheckedStatement {
    switch (s.kind) {
      case 'trend':
        return s;
      case 'expect':
        return { ...s, terms: s.terms.map((t) => ({ ...t, population: this.population(t.population) })) };
      default:
        return { ...s, population: this.population(s.population) };
    }
  }

  population(population: PopulationModel): PopulationModel {
    let derived = this.derived.get(population);
    if (!derived) {
      const reading = readingFor(population, this.letsOf, this.asof, this.dialect);
      derived = reading.population;
      this.derived.set(population, derived);
      if (reading.table) this.tables.push(reading.table);
    }
    return derived;
  }
}

/**
 * The values table of a population and the population read from it, made once per as-of date,
 * dialect and set of columns: every cell of a notebook is compiled against the same population
 * model, and writing the table's pipeline again for each one cost more than most cells' own SQL.
 */
const readings = new WeakMap<PopulationModel, Map<string, { table?: ValuesTable; population: PopulationModel }>>();

function readingFor(population: PopulationModel, letsOf: (population: PopulationModel) => string[], asof: string, dialect: Dialect) {
  let byDate = readings.get(population);
  if (!byDate) readings.set(population, (byDate = new Map()));
  // Statements may add entity columns and aggregates of their own (an inline quantile or
  // aggregate) after the definitions: what the population holds is part of the key.
  const aggregates = population.links.reduce((n, link) => n + link.aggregates.size, 0);
  const key = `${asof}\u0000${dialect.name}\u0000${population.entityColumns.size}\u0000${aggregates}`;
  let reading = byDate.get(key);
  if (!reading) {
    const table = valuesTable(population, letsOf(population), asof, dialect);
    reading = table ? { table, population: readingValues(population, table) } : { population };
    byDate.set(key, reading);
  }
  return reading;
}
