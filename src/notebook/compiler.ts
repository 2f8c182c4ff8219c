/**
 * What the runner needs from the SegQL compiler (src/lang/index.ts). The runner receives it as a
 * value, so the browser, the CLI and the tests all hand it the same compiler.
 */
import type { Catalog } from '../lang/catalog.ts';
import type { Span } from '../lang/diagnostics.ts';
import type { CellReference, CellSource, CompiledCell, Definition, LiteralProbe } from '../lang/index.ts';

export type { CellSource, CompiledCell, CompiledStatement, Definition, LiteralProbe, ResultStatement, ValuesTable, ValuesTableUse } from '../lang/index.ts';

export interface SegCompiler<Program = unknown> {
  buildProgram(cells: CellSource[]): Program;
  cellDefinitions(program: Program, cell: number): Definition[];
  cellReferences(program: Program, cell: number): CellReference[];
  programAsof(program: Program): string | undefined;
  /** Names whose coming or going in the catalog can change a compile (tables read, definitions). */
  catalogDependencies(program: Program): string[];
  compileCell(program: Program, cell: number, catalog: Catalog, options: { asof: string; values?: boolean; profileRanges?: boolean }): CompiledCell;
  /** For the cell's segments and partition parts among `views`, compiled against `catalog` before: queries that look for their text in quotes in the data. */
  literalProbes(program: Program, cell: number, catalog: Catalog, options: { asof: string; views: string[] }): LiteralProbe[];
  sqlReferences(sql: string): { name: string; span: Span }[];
  sqlCreates(sql: string): string[];
}
