/**
 * A table read by one database (the loader, which may open files) moved into another (the
 * sealed query database, which may not) as Arrow: DuckDB's IPC streams pass from worker to
 * worker without being decoded, in chunks, and each column is cast back to its DuckDB type on
 * arrival. Types Arrow would not carry exactly (DECIMAL, HUGEINT, UUID, ENUM, nested types)
 * travel as DuckDB's text for them.
 */
import { quoteIdent } from '../sql-text.ts';
import type { LoadedTable } from '../types.ts';
import type { LoadContext } from './context.ts';

const CHUNK_BYTES = 32 << 20;

/** Measured to arrive as themselves through DuckDB-WASM's Arrow export and import. */
const EXACT = new Set([
  'BOOLEAN',
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
  'FLOAT',
  'DOUBLE',
  'VARCHAR',
  'BLOB',
  'DATE',
  'TIME',
  'TIMESTAMP',
  'TIMESTAMP WITH TIME ZONE',
  'INTERVAL',
]);

/** Copies `fromTable` of `from` into a new table `toTable` of `to`, column names and types kept. */
export async function moveTable(from: LoadContext, fromTable: string, to: LoadContext, toTable: string, columns: LoadedTable['columns']): Promise<void> {
  const raw = to.uniqueName('moved');
  const carried = columns.map((c, i) => `${EXACT.has(c.type) ? quoteIdent(c.name) : `CAST(${quoteIdent(c.name)} AS VARCHAR)`} AS c${i}`);
  let created = false;
  try {
    await from.exportArrow(
      `SELECT ${carried.join(', ')} FROM ${quoteIdent(fromTable)}`,
      async (ipc) => {
        await to.insertArrow(raw, ipc, !created);
        created = true;
      },
      CHUNK_BYTES,
    );
    const typed = columns.map((c, i) => `CAST(c${i} AS ${c.type}) AS ${quoteIdent(c.name)}`);
    await to.run(`CREATE OR REPLACE TABLE ${quoteIdent(toTable)} AS SELECT ${typed.join(', ')} FROM ${quoteIdent(raw)}`);
  } finally {
    if (created) await to.run(`DROP TABLE IF EXISTS ${quoteIdent(raw)}`).catch(() => undefined);
  }
}
