/**
 * The text in quotes that a segment's membership hangs on: `country = 'us'`, `country in ('us',
 * 'ca')`, where `country` is a text column of the population's table. Text comparisons are exact,
 * so 'us' finds no one where the data says 'US'; when such a segment comes out empty, the runner
 * asks the data (src/lang/sql/literal-probe.ts) whether the text is there in another case or with
 * spaces around it.
 */
import type { Expr } from '../ast/nodes.ts';
import type { Span } from '../diagnostics.ts';
import { quoteIfNeeded } from '../tokens.ts';
import type { Analysis } from './analyze.ts';
import type { PopulationModel } from './model.ts';

export interface LiteralComparison {
  /** As the population's table names it. */
  column: string;
  /** The column as SegQL writes it (in backticks where it must be), for messages. */
  written: string;
  value: string;
  /** The text in quotes, where the analyst wrote it. */
  span: Span;
}

/** A segment's view, or a partition part's, with the comparisons of its own condition. */
export interface ViewLiterals {
  view: string;
  population: PopulationModel;
  comparisons: LiteralComparison[];
}

/** The comparisons of a segment's or a partition's conditions, for those that have any; nothing for a definition with errors. */
export function literalComparisons(analysis: Analysis, name: string): ViewLiterals[] {
  const def = analysis.definitions.get(name.toLowerCase());
  const resolved = analysis.resolvedDefinition(name);
  const population = resolved?.ok ? analysis.populationNamed(resolved.population) : undefined;
  if (!def || !population) return [];
  const s = def.statement;
  const conditions =
    s.kind === 'segment'
      ? [{ view: def.name, condition: s.expr }]
      : s.kind === 'partition'
        ? s.parts.flatMap((part) => (part.condition ? [{ view: `${def.name}.${part.name.text}`, condition: part.condition }] : []))
        : [];
  return conditions.flatMap(({ view, condition }) => {
    const comparisons = comparisonsIn(condition, population);
    return comparisons.length > 0 ? [{ view, population, comparisons }] : [];
  });
}

/**
 * Only comparisons that can empty the segment: through `and` and `or`, not under `not` (which
 * an exact miss fills rather than empties), nor inside functions, `case` or aggregates, whose
 * names may be a link's columns.
 */
function comparisonsIn(e: Expr, population: PopulationModel): LiteralComparison[] {
  if (e.type === 'binary' && (e.op === 'and' || e.op === 'or')) return [...comparisonsIn(e.left, population), ...comparisonsIn(e.right, population)];
  if (e.type === 'binary' && e.op === '=') return compared(e.left, [e.right], population) ?? compared(e.right, [e.left], population) ?? [];
  if (e.type === 'in' && !e.negated) return compared(e.value, e.list, population) ?? [];
  return [];
}

function compared(side: Expr, others: Expr[], population: PopulationModel): LiteralComparison[] | undefined {
  const column = textColumn(side, population);
  if (!column) return undefined;
  const written = quoteIfNeeded(column) ?? column;
  return others.flatMap((o) => (o.type === 'string' ? [{ column, written, value: o.value, span: o.span }] : []));
}

/** A bare name is the population's column before any definition (a let of a column's name is an error). */
function textColumn(e: Expr, population: PopulationModel): string | undefined {
  if (e.type !== 'reference' || e.member) return undefined;
  const wanted = e.name.text.toLowerCase();
  const column = population.columns.find((c) => c.name.toLowerCase() === wanted);
  return column?.type === 'text' ? column.name : undefined;
}
