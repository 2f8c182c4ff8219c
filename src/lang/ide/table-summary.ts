import type { CatalogTable } from '../catalog.ts';

/** A table's size in words, as completion and hover show it: `16 columns, 5,000 rows`. */
export function tableSummary(table: CatalogTable): string {
  const columns = `${table.columns.length} ${table.columns.length === 1 ? 'column' : 'columns'}`;
  if (table.rowCount === undefined) return columns;
  return `${columns}, ${table.rowCount.toLocaleString('en-US')} ${table.rowCount === 1 ? 'row' : 'rows'}`;
}
