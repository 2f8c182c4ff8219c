/**
 * The notebook being edited: its front matter, its cells (with ids) and the cells deleted in this
 * session, most recent last, so a deletion can be undone. Each edit says what it changed, which
 * is what the controller needs to decide about runs.
 */
import { readFrontMatter, type FrontMatter } from '../notebook/front-matter.ts';
import type { CellKind, Notebook } from '../notebook/model.ts';
import {
  blankCell, changeKind, editableCells, insertCell, moveCell, removeCell, shiftsCells, toNotebook, updateCell,
  type EditableCell,
} from './notebook-cells.ts';

export interface DocumentChange {
  /** A cell that was there before moved or left: which definition a name means may have changed. */
  shifted: boolean;
  /** The cell whose text, kind or name changed. */
  edited?: string;
  /** Whether the change can alter any result (a blank cell or an edit of Markdown cannot). */
  rerun: boolean;
  /** Everything may differ (another notebook, other data): run it all. */
  all?: boolean;
  /** The cells as they were before the change. */
  before: readonly EditableCell[];
}

export class NotebookDocument {
  private yaml: string | undefined;
  private list: EditableCell[];
  private readonly deleted: { cell: EditableCell; index: number }[] = [];
  private read?: { yaml: string | undefined; meta: FrontMatter };

  constructor(notebook: Notebook) {
    this.yaml = notebook.frontMatter;
    this.list = editableCells(notebook);
  }

  get cells(): readonly EditableCell[] {
    return this.list;
  }

  get frontMatter(): string | undefined {
    return this.yaml;
  }

  /** Read again only when the front matter's text changed: the page asks for the title on every render. */
  get meta(): FrontMatter {
    if (!this.read || this.read.yaml !== this.yaml) this.read = { yaml: this.yaml, meta: readFrontMatter(this.yaml) };
    return this.read.meta;
  }

  get lastDeleted(): EditableCell | undefined {
    return this.deleted.at(-1)?.cell;
  }

  notebook(): Notebook {
    return toNotebook(this.yaml, this.list);
  }

  find(id: string): EditableCell | undefined {
    return this.list.find((cell) => cell.id === id);
  }

  indexOf(id: string): number {
    return this.list.findIndex((cell) => cell.id === id);
  }

  replace(notebook: Notebook): DocumentChange {
    const before = this.list;
    this.yaml = notebook.frontMatter;
    this.list = editableCells(notebook);
    this.deleted.length = 0;
    return { shifted: true, rerun: true, all: true, before };
  }

  setFrontMatter(yaml: string | undefined): DocumentChange {
    this.yaml = yaml;
    return { shifted: false, rerun: true, all: true, before: this.list };
  }

  editSource(id: string, source: string): DocumentChange | undefined {
    const cell = this.find(id);
    if (!cell || cell.source === source) return undefined;
    return this.apply(updateCell(this.list, id, { source }), id, cell.kind !== 'markdown');
  }

  setName(id: string, name: string): DocumentChange | undefined {
    const trimmed = name.trim();
    if (!this.find(id) || (this.find(id)?.name ?? '') === trimmed) return undefined;
    return this.apply(updateCell(this.list, id, trimmed ? { name: trimmed } : { name: undefined }), id);
  }

  setKind(id: string, kind: CellKind): DocumentChange | undefined {
    if (!this.find(id) || this.find(id)?.kind === kind) return undefined;
    return this.apply(changeKind(this.list, id, kind), id);
  }

  insert(index: number, kind: CellKind): { id: string; change: DocumentChange } {
    const cell = blankCell(kind);
    return { id: cell.id, change: this.apply(insertCell(this.list, index, cell), undefined, false) };
  }

  remove(id: string): DocumentChange | undefined {
    const index = this.indexOf(id);
    if (index < 0) return undefined;
    this.deleted.push({ cell: this.list[index]!, index });
    return this.apply(removeCell(this.list, id));
  }

  undoRemove(): { id: string; change: DocumentChange } | undefined {
    const last = this.deleted.pop();
    if (!last) return undefined;
    return { id: last.cell.id, change: this.apply(insertCell(this.list, last.index, last.cell), last.cell.id) };
  }

  move(id: string, by: -1 | 1): DocumentChange | undefined {
    const next = moveCell(this.list, id, by);
    return shiftsCells(this.list, next) ? this.apply(next) : undefined;
  }

  private apply(next: EditableCell[], edited?: string, rerun = true): DocumentChange {
    const before = this.list;
    const shifted = shiftsCells(before, next);
    this.list = next;
    return { shifted, rerun: shifted || rerun, before, ...(edited !== undefined ? { edited } : {}) };
  }
}
