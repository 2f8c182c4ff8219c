/**
 * What the compiler knows about the database: tables and views with their columns.
 * The engine produces it (src/engine); the compiler only reads it, so src/lang stays pure.
 * Type names are DuckDB's, upper case (INTEGER, BIGINT, DOUBLE, VARCHAR, DATE, BOOLEAN, ...).
 */
export interface CatalogColumn {
  name: string;
  type: string;
  /**
   * False when the engine knows the column holds no NULL (it reads tables' date and time columns'
   * statistics); unknown otherwise. The as-of rule then need not test for NULL times (spec §4).
   */
  hasNulls?: boolean;
  /**
   * True when the engine knows no value appears twice in the column (the facts that come with a
   * prebuilt table); unknown otherwise. A population keyed on it then needs no check that its key
   * is on one row each, as no subset of the rows repeats a value either.
   */
  unique?: boolean;
}

export interface CatalogTable {
  name: string;
  columns: CatalogColumn[];
  rowCount?: number;
  /** Views include those the notebook made of its segments; a name clash with a view of that name is no clash. */
  kind?: 'table' | 'view';
}

export interface Catalog {
  tables: CatalogTable[];
}

/** Case-insensitive lookup: SegQL names are case-insensitive (spec §2). */
export function findTable(catalog: Catalog, name: string): CatalogTable | undefined {
  const wanted = name.toLowerCase();
  return catalog.tables.find((t) => t.name.toLowerCase() === wanted);
}

export function findColumn(table: CatalogTable, name: string): CatalogColumn | undefined {
  const wanted = name.toLowerCase();
  return table.columns.find((c) => c.name.toLowerCase() === wanted);
}
