import { buildProgram, type Catalog, type Program } from '../lang/index.ts';

/**
 * What an editor needs from the notebook around it, provided by the UI. One object serves every
 * editor of a notebook; each editor says which cell it is (its `cell` property).
 */
export interface NotebookLanguageContext {
  /** Every SegQL cell of the notebook, parsed (`buildProgram`); cell numbers as in the notebook. */
  program(): Program;
  /** The tables and views that exist now. */
  catalog(): Catalog;
  /** The reference date, 'YYYY-MM-DD'. */
  asof(): string;
  /** A segment's (or `partition.part`'s) current member count, for hovers; undefined when unknown. */
  segmentSize?(name: string): Promise<number | undefined>;
  /** Calls the listener when the program or the catalog changed, so open editors re-check; returns an unsubscribe. */
  onDidChange?(listener: () => void): () => void;
}

const rebuilt = new WeakMap<Program, { cell: number; source: string; program: Program }>();

/**
 * The notebook's program with the cell's text as the editor holds it now. The UI may rebuild its
 * program a moment after a keystroke; completion and markers must never see the previous text.
 * Returns the same program when it is already current, so the compiler's caches keep working.
 */
export function programWithCell(program: Program, cell: number, source: string): Program {
  if (program.cells.find((c) => c.index === cell)?.parsed.source === source) return program;
  const cached = rebuilt.get(program);
  if (cached && cached.cell === cell && cached.source === source) return cached.program;
  const cells = program.cells.filter((c) => c.index !== cell).map((c) => ({ index: c.index, source: c.parsed.source }));
  const next = buildProgram([...cells, { index: cell, source }]);
  rebuilt.set(program, { cell, source, program: next });
  return next;
}
