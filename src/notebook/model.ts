/** A notebook as the editor and the runner see it: the front matter's text and the cells in file order. */
export interface Notebook {
  /** The YAML between the `---` lines exactly as written (ends with a newline), or undefined when there is none. */
  frontMatter?: string;
  cells: Cell[];
}

export type CellKind = 'markdown' | 'seg' | 'sql';

export interface Cell {
  kind: CellKind;
  /** The cell's text: Markdown, or the code between the fences without the last newline. */
  source: string;
  /** A `sql NAME` cell's view name, in the case it was written. */
  name?: string;
}

export function isCodeCell(cell: Cell): boolean {
  return cell.kind !== 'markdown';
}
