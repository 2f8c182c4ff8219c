/** A question's SegQL through the compiler, as the runner would: every cell built, the last cell's analysis statement out. */
import { buildProgram, compileCell, type Catalog } from '../../src/lang/index.ts';
import { ASOF, type Question } from './questions/index.ts';

export function compiledSql(question: Question, catalog: Catalog): string {
  const cells = question.cells.map((source, index) => ({ index, source }));
  const program = buildProgram(cells);
  const compiled = cells.map((cell) => compileCell(program, cell.index, catalog, { asof: ASOF }));
  const errors = compiled.flatMap((c) => c.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message));
  if (errors.length) throw new Error(`question ${question.id} does not compile: ${errors.join('; ')}`);
  const results = compiled[compiled.length - 1]!.statements.filter((s) => s.kind === 'result');
  if (results.length !== 1) throw new Error(`question ${question.id}: its last cell must hold one analysis statement, not ${results.length}`);
  return results[0]!.sql;
}
