/**
 * `segbook sql --dialect postgres`. The notebook still runs on DuckDB, as for any `segbook sql`:
 * its SQL cells and segment views make the tables that later cells are checked against. Each
 * SegQL cell is compiled a second time, for PostgreSQL, against the same catalog, and the script
 * shows that SQL, with the statements PostgreSQL cannot express as errors.
 */
import { compileCell, postgres, type Program } from '../lang/index.ts';
import type { CompiledCell, SegCompiler } from '../notebook/compiler.ts';
import type { CellOutcome } from '../notebook/outcome.ts';
import type { RunReport } from '../notebook/runner.ts';

export class PostgresSql {
  private readonly cells = new Map<number, CompiledCell>();

  /** The compiler the runner uses: DuckDB's, which keeps the PostgreSQL compile of each cell aside. */
  compiler(duckdb: SegCompiler<Program>): SegCompiler<Program> {
    return {
      ...duckdb,
      compileCell: (program, cell, catalog, options) => {
        // Views mode: every statement carries its whole pipeline, and reads no DuckDB values table.
        this.cells.set(cell, compileCell(program, cell, catalog, { asof: options.asof, values: false, dialect: postgres }));
        return duckdb.compileCell(program, cell, catalog, options);
      },
    };
  }

  /** The run's report with each compiled SegQL cell's SQL in PostgreSQL. */
  report(report: RunReport): RunReport {
    return { ...report, cells: report.cells.map((cell) => this.cell(cell)) };
  }

  private cell(cell: CellOutcome): CellOutcome {
    const compiled = this.cells.get(cell.index);
    if (cell.kind !== 'seg' || !compiled) return cell;
    const refused = compiled.diagnostics
      .filter((d) => d.code === 'dialect')
      .map((d) => ({ message: d.message, line: d.span.line, column: d.span.column }));
    const errors = [...cell.errors, ...refused].sort((a, b) => a.line - b.line || a.column - b.column);
    return { ...cell, sql: compiled.statements.map((s) => s.sql), errors };
  }
}
