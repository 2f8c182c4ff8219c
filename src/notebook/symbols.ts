/** Each cell's definitions and references, read from the compiler (SegQL) or the SQL text. */
import type { SegCompiler } from './compiler.ts';
import type { CellSymbols } from './graph.ts';
import type { Cell } from './model.ts';

/**
 * A cell's symbols depend on its own kind, name and text alone (spans are within the cell), so
 * they are kept by that key: a keystroke reads the edited cell again and reuses the same objects
 * for every other cell, which lets the runner see that the graph's input did not change.
 */
export class SymbolCache {
  private byKey = new Map<string, CellSymbols>();

  /** `keys[i]` identifies cell i's kind, name and text. */
  read<P>(cells: readonly Cell[], keys: readonly string[], compiler: SegCompiler<P>, program: P): CellSymbols[] {
    const next = new Map<string, CellSymbols>();
    const symbols = cells.map((cell, index) => {
      const key = keys[index]!;
      const found = next.get(key) ?? this.byKey.get(key) ?? symbolsOf(cell, index, compiler, program);
      next.set(key, found);
      return found;
    });
    this.byKey = next;
    return symbols;
  }
}

function symbolsOf<P>(cell: Cell, index: number, compiler: SegCompiler<P>, program: P): CellSymbols {
  if (cell.kind === 'seg') {
    return {
      defines: compiler.cellDefinitions(program, index).map(({ name, kind, span }) => ({ name, kind, span })),
      references: compiler.cellReferences(program, index),
    };
  }
  if (cell.kind === 'sql') {
    const references = compiler.sqlReferences(cell.source);
    const creates = compiler.sqlCreates(cell.source);
    return { defines: cell.name ? [{ name: cell.name, kind: 'view' }] : [], references, sql: true, ...(creates.length ? { creates } : {}) };
  }
  return NO_SYMBOLS;
}

/** Text defines nothing: one object for every Markdown cell, so editing text never rebuilds the graph. */
const NO_SYMBOLS: CellSymbols = { defines: [], references: [] };
