/** `segbook sql`: the SQL every code cell runs, in run order of the file, as one readable script. */
import type { Notebook } from '../notebook/model.ts';
import type { RunReport } from '../notebook/runner.ts';
import type { SqlDialect } from './args.ts';

export function sqlScript(report: RunReport, notebook: Notebook, dialect: SqlDialect = 'duckdb'): string {
  const parts: string[] = [`-- ${report.title ?? 'notebook'}, as of ${report.asof}${dialect === 'postgres' ? ', for PostgreSQL' : ''}`];
  for (const cell of report.cells) {
    if (cell.kind === 'markdown') continue;
    const source = notebook.cells[cell.index]!;
    parts.push(`\n-- cell ${cell.index}: ${cell.kind}${source.name ? ` ${source.name}` : ''}`);
    for (const error of cell.errors) parts.push(`-- error at line ${error.line}, column ${error.column}: ${error.message}`);
    if (cell.sql.length === 0 && cell.errors.length === 0) parts.push('-- (definitions only: the cells that use them compile them in)');
    if (cell.sql.length > 0) parts.push(cell.sql.map((sql) => `${sql.trim().replace(/;\s*$/, '')};`).join('\n\n'));
  }
  return `${parts.join('\n')}\n`;
}
