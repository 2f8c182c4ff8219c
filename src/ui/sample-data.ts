// The sample data set shipped in public/samples/: a retail pair and a B2B pair.
import type { Engine, LoadedTable } from '../engine/types.ts';

export const SAMPLE_TABLES = ['customers', 'orders', 'accounts', 'deals'] as const;

/** Same-origin URL of a sample file, relative to the page so the app also works under a sub-path. */
export function sampleUrl(table: string, base: string = document.baseURI): string {
  return new URL(`samples/${table}.csv`, base).href;
}

export async function loadSampleTables(
  engine: Engine,
  onTable: (table: string) => void,
): Promise<LoadedTable[]> {
  const loaded: LoadedTable[] = [];
  for (const table of SAMPLE_TABLES) {
    onTable(table);
    loaded.push(await engine.loadTable(table, { kind: 'url', url: sampleUrl(table) }));
  }
  return loaded;
}
