/**
 * DuckDB answers a statement that changes the database (create table … as, insert, update,
 * delete, create view) with a table of one `Count` column: the rows it wrote, or none. Shown as a
 * table, that reads as data; in words it says what happened: "Created table top with 5 rows".
 */
import { sqlCreates } from '../lang/sql-references.ts';
import type { CellResult } from './outcome.ts';

/** What a SQL cell's last statement changed, in words; undefined when its result is data. */
export function sqlChangeInWords(source: string, result: CellResult): string | undefined {
  if (result.statement !== 'sql' || result.columns.length !== 1 || result.columns[0] !== 'Count' || result.rows.length > 1) return undefined;
  const statement = lastStatement(source);
  const verb = /^\s*([A-Za-z]+)/.exec(statement)?.[1]?.toLowerCase();
  const count = result.rows[0]?.[0];
  const rows = typeof count === 'number' ? `${count.toLocaleString('en-US')} ${count === 1 ? 'row' : 'rows'}` : undefined;
  if (verb === 'create') {
    const name = sqlCreates(statement)[0];
    const kind = /^\s*create\s+(?:or\s+replace\s+)?(?:temp\s+|temporary\s+)?(table|view)\b/i.exec(statement)?.[1]?.toLowerCase();
    if (name === undefined || kind === undefined) return undefined;
    if (kind === 'view') return `Created view ${name}`;
    return rows === undefined ? `Created table ${name}` : `Created table ${name} with ${rows}`;
  }
  const done = { insert: 'Inserted', update: 'Updated', delete: 'Deleted' }[verb ?? ''];
  return done && rows ? `${done} ${rows}` : undefined;
}

/** The cell's last statement without comments; strings are kept whole, so a `;` in one ends nothing. */
function lastStatement(sql: string): string {
  let current = '';
  let last = '';
  for (const [text] of sql.matchAll(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"|;|[^-/'";]+|[-/]/g)) {
    if (text.startsWith('--') || text.startsWith('/*')) current += ' ';
    else if (text === ';') {
      if (current.trim()) last = current;
      current = '';
    } else current += text;
  }
  return current.trim() ? current : last;
}
