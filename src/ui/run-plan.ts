/**
 * Which cells to run after an edit: the cells the edit made stale, and the cells that used what
 * the edit removed (the runner's new graph no longer links them, yet their results are wrong
 * now). Cells that were stale already — an interrupted one, say — wait for the analyst.
 */
import { downstreamOf, type DependencyGraph } from '../notebook/graph.ts';
import type { EditableCell } from './notebook-cells.ts';

/** Ids of the cells that depended, in the graph before the change, on any of `changed` (themselves included). */
export function formerDependents(graph: DependencyGraph, before: readonly EditableCell[], changed: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const id of changed) {
    const index = before.findIndex((cell) => cell.id === id);
    if (index < 0 || index >= graph.downstream.length) continue;
    for (const dependent of downstreamOf(graph, index)) {
      const cell = before[dependent];
      if (cell) ids.add(cell.id);
    }
  }
  return [...ids];
}

/** The fewest cells whose runs (each with what depends on it) cover all of `cells`, upstream first. */
export function runRoots(graph: DependencyGraph, cells: readonly number[]): number[] {
  const wanted = new Set(cells);
  const covered = new Set<number>();
  const roots: number[] = [];
  for (const cell of graph.order) {
    if (!wanted.has(cell) || covered.has(cell)) continue;
    roots.push(cell);
    for (const dependent of downstreamOf(graph, cell)) covered.add(dependent);
  }
  return roots;
}
