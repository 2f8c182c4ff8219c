/** Each cell's definitions and references, read from the compiler (SegQL) or the SQL text. */
import type { SegCompiler } from './compiler.ts';
import type { CellSymbols } from './graph.ts';
import type { Cell } from './model.ts';

export function cellSymbols<P>(cells: Cell[], compiler: SegCompiler<P>, program: P): CellSymbols[] {
  return cells.map((cell, index): CellSymbols => {
    if (cell.kind === 'seg') {
      return {
        defines: compiler.cellDefinitions(program, index).map(({ name, kind, span }) => ({ name, kind, span })),
        references: compiler.cellReferences(program, index),
      };
    }
    if (cell.kind === 'sql') {
      const references = compiler.sqlReferences(cell.source).map((name) => ({ name }));
      return { defines: cell.name ? [{ name: cell.name, kind: 'view' }] : [], references, sql: true };
    }
    return { defines: [], references: [] };
  });
}
