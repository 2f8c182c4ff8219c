/**
 * The notebook's segment colours (src/charts/segment-colours.ts) from what its SegQL cells define,
 * for the page and the HTML report alike, so an exported report colours as the app does.
 */
import { SegmentColours } from '../charts/segment-colours.ts';
import type { Program } from '../lang/index.ts';
import type { Notebook } from './model.ts';
import type { CellResult } from './outcome.ts';
import { segql } from './segql.ts';

/**
 * Segments, parts and arms under the names results give them (spec: `name`, `partition.part`,
 * `split.arm`), in definition order; names `kept` colours (the page's, before an edit) keep theirs.
 */
export function notebookColours(program: Program, kept?: SegmentColours): SegmentColours {
  const segments: string[] = [];
  const populations: string[] = [];
  for (const { name, statement } of program.definitions) {
    if (statement.kind === 'population') populations.push(name);
    else if (statement.kind === 'segment') segments.push(name);
    else if (statement.kind === 'partition') segments.push(...statement.parts.map((part) => `${name}.${part.name.text}`));
    else if (statement.kind === 'split') segments.push(...statement.arms.map((arm) => `${name}.${arm.name.text}`));
  }
  return SegmentColours.inOrder(segments, populations, kept);
}

/** The program of a notebook's SegQL cells, numbered as the notebook numbers its cells. */
export function notebookProgram(notebook: Notebook): Program {
  return segql.buildProgram(notebook.cells.flatMap((cell, index) => (cell.kind === 'seg' ? [{ index, source: cell.source }] : [])));
}

/**
 * The colours for each of a cell's results. A split's own result names its arms bare (`control`),
 * where every other chart says `test.control`: its chart takes the arms' colours through aliases.
 * Each split statement yields one result, in order, so the cell's k-th split result is its k-th split.
 */
export function resultColours(colours: SegmentColours, program: Program, cell: number, results: readonly CellResult[]): SegmentColours[] {
  const splits = program.definitions.flatMap((d) => (d.cell === cell && d.statement.kind === 'split' ? [{ name: d.name, arms: d.statement.arms }] : []));
  let next = 0;
  return results.map((result) => {
    if (result.statement !== 'split') return colours;
    const split = splits[next++];
    return split ? colours.withAliases(split.arms.map((arm) => [arm.name.text, `${split.name}.${arm.name.text}`] as const)) : colours;
  });
}
