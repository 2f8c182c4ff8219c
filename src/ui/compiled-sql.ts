/**
 * The SQL a cell ran, laid out for reading. sql-formatter's DuckDB dialect arrives on first use,
 * so the notebook's first screen does not carry it; SQL it cannot parse is shown as written.
 */
type Formatter = (sql: string) => string;

let formatter: Promise<Formatter> | undefined;

function loadFormatter(): Promise<Formatter> {
  formatter ??= import('sql-formatter').then(({ formatDialect, duckdb }) => (sql: string) =>
    formatDialect(sql, { dialect: duckdb, keywordCase: 'upper', tabWidth: 2, linesBetweenQueries: 1 }),
  );
  return formatter;
}

export async function formatSql(statements: readonly string[]): Promise<string[]> {
  const format = await loadFormatter();
  return statements.map((sql) => {
    try {
      return format(sql.trim());
    } catch {
      return sql.trim();
    }
  });
}
