/** The catalog the compiler checks against: tables and views of the main schema, their columns and DuckDB types. */
import type { Catalog, CatalogTable } from '../lang/catalog.ts';
import { quoteIdent, quoteLiteral } from './sql-text.ts';
import type { QueryResult } from './types.ts';

const COLUMNS_SQL = `SELECT c.table_name, c.column_name, c.data_type, t.table_name IS NOT NULL AS is_table
FROM duckdb_columns() c
LEFT JOIN duckdb_tables() t
  ON t.database_name = c.database_name AND t.schema_name = c.schema_name AND t.table_name = c.table_name
WHERE c.database_name = current_database() AND c.schema_name = 'main' AND NOT c.internal
ORDER BY c.table_name, c.column_index`;

/** Row counts for tables (views are left uncounted: counting one runs it). */
export async function readCatalog(run: (sql: string) => Promise<QueryResult>): Promise<Catalog> {
  const byName = new Map<string, CatalogTable>();
  const tables: string[] = [];
  for (const [table, column, type, isTable] of (await run(COLUMNS_SQL)).rows) {
    const name = String(table);
    let entry = byName.get(name);
    if (!entry) {
      byName.set(name, (entry = { name, columns: [], kind: isTable ? 'table' : 'view' }));
      if (isTable) tables.push(name);
    }
    entry.columns.push({ name: String(column), type: String(type) });
  }
  if (tables.length) {
    const counts = await run(tables.map((t) => `SELECT ${quoteLiteral(t)} AS name, count(*) AS n FROM ${quoteIdent(t)}`).join(' UNION ALL '));
    for (const [name, n] of counts.rows) byName.get(String(name))!.rowCount = Number(n);
    await readNullFreeTimes(tables.map((t) => byName.get(t)!), run);
  }
  return { tables: [...byName.values()] };
}

/**
 * Marks tables' date and timestamp columns that hold no NULL, from DuckDB's statistics (`stats()`
 * reads them without scanning the column): the compiler's as-of rule is simpler and faster there.
 */
async function readNullFreeTimes(tables: CatalogTable[], run: (sql: string) => Promise<QueryResult>): Promise<void> {
  const times = tables.flatMap((table) => table.columns.filter((c) => /^(DATE|TIMESTAMP)/.test(c.type)).map((column) => ({ table, column })));
  if (times.length === 0) return;
  const sql = times
    .map(({ table, column }, i) => `(SELECT ${i} AS i, stats(${quoteIdent(column.name)}) AS s FROM ${quoteIdent(table.name)} LIMIT 1)`)
    .join(' UNION ALL ');
  for (const [i, stats] of (await run(sql)).rows) {
    if (typeof stats === 'string' && stats.includes('[Has Null: false')) times[Number(i)]!.column.hasNulls = false;
  }
}
