/** `segbook sql`: the SQL every code cell runs, in run order of the file, as one readable script. */
import type { Notebook } from '../notebook/model.ts';
import type { RunReport } from '../notebook/runner.ts';

export function sqlScript(report: RunReport, notebook: Notebook): string {
  const parts: string[] = [`-- ${report.title ?? 'notebook'}, as of ${report.asof}`];
  for (const cell of report.cells) {
    if (cell.kind === 'markdown') continue;
    const source = notebook.cells[cell.index]!;
    parts.push(`\n-- cell ${cell.index}: ${cell.kind}${source.name ? ` ${source.name}` : ''}`);
    for (const error of cell.errors) parts.push(`-- error at line ${error.line}, column ${error.column}: ${error.message}`);
    for (const sql of cell.sql) parts.push(`${sql.trim().replace(/;\s*$/, '')};`);
  }
  return `${parts.join('\n')}\n`;
}
