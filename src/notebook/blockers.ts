/** Why a cell cannot run: its own graph errors, cells it uses that failed, tables that could not be read. */
import type { Diagnostic, Span } from '../lang/diagnostics.ts';
import type { CellSymbols, DependencyGraph } from './graph.ts';
import type { CellError, CellOutcome } from './outcome.ts';
import type { TableState } from './tables.ts';

export interface NotebookState {
  graph: DependencyGraph;
  symbols: CellSymbols[];
  outcomes: CellOutcome[];
  tables: Map<string, TableState>;
  /** Each cell's view name, for `sql NAME` cells. */
  names: (string | undefined)[];
}

export function blockingErrors(state: NotebookState, index: number): CellError[] {
  const { graph, tables } = state;
  const own = graph.errors.filter((e) => e.cell === index);
  const errors: CellError[] = own.map((e) => ({ message: e.message, ...at(e.span) }));
  // A cell of the same cycle has errors only because of the cycle, which is said already.
  const cycle = new Set(own.flatMap((e) => (e.cycleWith === undefined ? [] : [e.cycleWith])));
  const viewName = state.names[index];
  if (viewName !== undefined && /\s/.test(viewName)) errors.push({ message: `the view name '${viewName}' must be one word`, line: 1, column: 1 });
  for (const upstream of graph.upstream[index]!) {
    if (!blocks(state, index, upstream) || cycle.has(upstream)) continue;
    const ref = referenceTo(state, index, (owner) => owner === upstream);
    const what = ref ? `'${ref.name}' comes from cell ${upstream}` : `this cell depends on cell ${upstream}`;
    errors.push({ message: `${what}, which has errors`, ...at(ref?.span) });
  }
  for (const table of graph.tables[index]!) {
    const loaded = tables.get(table);
    if (!loaded?.error) continue;
    const ref = referenceTo(state, index, (_, name) => name === table);
    errors.push({ message: `table '${loaded.name}' is not available: ${loaded.error}`, ...at(ref?.span) });
  }
  return errors;
}

/** Blocked by something outside the cell (a failing upstream cell or table), not only by its own graph errors. */
export function blockedByOthers(state: NotebookState, index: number): boolean {
  const { graph, tables } = state;
  return graph.upstream[index]!.some((u) => blocks(state, index, u)) || graph.tables[index]!.some((t) => tables.get(t)?.error !== undefined);
}

/**
 * A cell it uses blocks it unless done. A peer (it uses this cell too) never does: it may not have
 * run yet, and a SegQL cell compiles what it reads from the whole notebook, saying itself which of
 * those definitions have errors. Either peer then runs or fails alike, whichever runs first.
 */
function blocks(state: NotebookState, index: number, upstream: number): boolean {
  const { graph, outcomes } = state;
  return !graph.peers[index]!.includes(upstream) && outcomes[upstream]?.status !== 'done' && !usesOnlyRefusedNames(state, index, upstream);
}

/**
 * A SegQL definition whose very name is refused (`let age = 1` where age is a column) defines
 * nothing, so SegQL that names it means something else (the column): the graph, built from text
 * alone, cannot tell. The compiler can, and says so itself when a cell does use a broken definition.
 */
function usesOnlyRefusedNames({ graph, symbols, outcomes }: NotebookState, index: number, upstream: number): boolean {
  if (symbols[index]!.sql || symbols[upstream]!.sql) return false;
  const errors = outcomes[upstream]?.errors ?? [];
  const refused = new Set(
    symbols[upstream]!.defines.filter((d) => d.span && errors.some((e) => e.line === d.span!.line && e.column === d.span!.column)).map((d) => d.name.toLowerCase()),
  );
  const names = symbols[index]!.references.map((r) => r.name.toLowerCase()).filter((name) => (graph.definedIn.get(name) ?? graph.definedIn.get(name.split('.')[0]!)) === upstream);
  return refused.size > 0 && names.length > 0 && names.every((name) => refused.has(name) || refused.has(name.split('.')[0]!));
}

function referenceTo({ graph, symbols }: NotebookState, index: number, matches: (owner: number, name: string) => boolean) {
  return symbols[index]!.references.find((ref) => {
    const name = ref.name.toLowerCase();
    const owner = graph.definedIn.get(name) ?? graph.definedIn.get(name.split('.')[0]!);
    return owner !== undefined && matches(owner, name);
  });
}

function at(span?: Span): { line: number; column: number } {
  return { line: span?.line ?? 1, column: span?.column ?? 1 };
}

/** What the graph warns of in the cell: a SQL cell making a table under a name taken already. */
export function graphWarnings(graph: DependencyGraph, index: number): CellError[] {
  return graph.warnings.filter((w) => w.cell === index).map((w) => ({ message: w.message, ...at(w.span) }));
}

/** The compiler's errors after the graph's, in source order; one the graph already reported at the same place is left out. */
export function warningsOf(diagnostics: Diagnostic[]): CellError[] {
  return diagnostics.filter((d) => d.severity === 'warning').map((d) => ({ message: d.message, line: d.span.line, column: d.span.column }));
}

export function withDiagnostics(graphErrors: CellError[], diagnostics: Diagnostic[]): CellError[] {
  const compiled = diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({ message: d.message, line: d.span.line, column: d.span.column }))
    .filter((d) => !graphErrors.some((g) => g.line === d.line && g.column === d.column));
  return [...graphErrors, ...compiled].sort((a, b) => a.line - b.line || a.column - b.column);
}
