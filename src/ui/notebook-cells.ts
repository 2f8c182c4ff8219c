/**
 * The notebook as the page edits it: cells with stable ids (so elements and editors survive moves),
 * and the edits the toolbar offers, as pure functions from one list of cells to the next.
 */
import type { Cell, CellKind, Notebook } from '../notebook/model.ts';

export interface EditableCell extends Cell {
  /** Stable for the cell's life on the page; never written to the file. */
  id: string;
  /** A SQL cell's view name while the cell is another kind, so changing the kind there and back keeps it; never written. */
  setAsideName?: string;
}

let nextId = 0;

export function newCellId(): string {
  return `c${++nextId}`;
}

export function editableCells(notebook: Notebook): EditableCell[] {
  return notebook.cells.map((cell) => ({ ...cell, id: newCellId() }));
}

/** The notebook the runner and the file writer see: the same cells without their ids. */
export function toNotebook(frontMatter: string | undefined, cells: readonly EditableCell[]): Notebook {
  const plain = cells.map(({ kind, source, name }): Cell => (name !== undefined ? { kind, source, name } : { kind, source }));
  return frontMatter === undefined ? { cells: plain } : { frontMatter, cells: plain };
}

export function blankCell(kind: CellKind): EditableCell {
  return { id: newCellId(), kind, source: '' };
}

/** Inserts `cell` at `index` (clamped to the list). */
export function insertCell(cells: readonly EditableCell[], index: number, cell: EditableCell): EditableCell[] {
  const at = Math.max(0, Math.min(cells.length, index));
  return [...cells.slice(0, at), cell, ...cells.slice(at)];
}

export function removeCell(cells: readonly EditableCell[], id: string): EditableCell[] {
  return cells.filter((cell) => cell.id !== id);
}

/** Moves a cell one place up (-1) or down (+1); at either end nothing changes. */
export function moveCell(cells: readonly EditableCell[], id: string, by: -1 | 1): EditableCell[] {
  const from = cells.findIndex((cell) => cell.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= cells.length) return [...cells];
  const next = [...cells];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

export function updateCell(cells: readonly EditableCell[], id: string, change: Partial<Omit<Cell, 'kind'>>): EditableCell[] {
  return cells.map((cell) => {
    if (cell.id !== id) return cell;
    const next = { ...cell, ...change };
    if (next.name === undefined || next.name === '') delete next.name;
    return next;
  });
}

/** A new kind keeps the text; only SQL cells carry a view name. */
export function changeKind(cells: readonly EditableCell[], id: string, kind: CellKind): EditableCell[] {
  return cells.map((cell) => {
    if (cell.id !== id || cell.kind === kind) return cell;
    const { name, setAsideName, ...rest } = cell;
    const viewName = name ?? setAsideName;
    if (viewName === undefined) return { ...rest, kind };
    return kind === 'sql' ? { ...rest, kind, name: viewName } : { ...rest, kind, setAsideName: viewName };
  });
}

/** Whether going from `before` to `after` changed the position of any cell that is in both, or removed one. */
export function shiftsCells(before: readonly EditableCell[], after: readonly EditableCell[]): boolean {
  const position = new Map(after.map((cell, index) => [cell.id, index]));
  return before.some((cell, index) => position.get(cell.id) !== index);
}
