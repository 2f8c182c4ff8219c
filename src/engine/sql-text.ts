/** Quoting for the SQL the engine writes itself (table names, file names and reader options). */

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Whether `DESCRIBE <sql>` is harmless: one statement, so DESCRIBE runs nothing else.
 * Any `;` before the end — even one inside a string — answers no, and the caller does without.
 */
export function isSingleStatement(sql: string): boolean {
  return !sql.replace(/[\s;]+$/, '').includes(';');
}
