/**
 * The query database's catalog while nothing but prebuilt tables (prebuilt-tables.ts) was put in
 * it: their columns, types, row counts, NULL-free times and unique columns come with them, so it is known without
 * asking DuckDB. On a cold open that spares the first catalog read, among a fresh database's
 * slowest queries (DuckDB-WASM compiles each code path on its first use). Anything else done to
 * the database (any SQL, any other load, a failed load, a restart) makes it unknown for good:
 * the catalog is then read from DuckDB (catalog.ts).
 */
import type { Catalog, CatalogTable } from '../lang/catalog.ts';
import type { PrebuiltTable } from './prebuilt-tables.ts';

export class KnownCatalog {
  /** By lower-case name (DuckDB's names ignore case); undefined once unknown. */
  private tables: Map<string, CatalogTable> | undefined = new Map();

  /** The catalog, when known. */
  read(): Catalog | undefined {
    if (!this.tables) return undefined;
    const tables = [...this.tables.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return structuredClone({ tables });
  }

  /** Whether the database is known to hold no table or view called `name`. */
  lacks(name: string): boolean {
    return this.tables !== undefined && !this.tables.has(name.toLowerCase());
  }

  /** Table `name` now holds `table`'s rows, in place of any table of that name. */
  loaded(name: string, table: PrebuiltTable): void {
    const nullFree = new Set(table.nullFree);
    const unique = new Set(table.unique);
    const columns = table.columns.map((c) => ({ name: c.name, type: c.type, ...(nullFree.has(c.name) ? { hasNulls: false } : {}), ...(unique.has(c.name) ? { unique: true } : {}) }));
    this.tables?.set(name.toLowerCase(), { name, columns, kind: 'table', rowCount: table.rowCount });
  }

  forget(): void {
    this.tables = undefined;
  }
}
