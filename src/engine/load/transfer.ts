/**
 * Rows read by one database (the loader, which may open files) moved into another (the sealed
 * query database, which may not) as Arrow: DuckDB's IPC streams pass from worker to worker
 * without being decoded, in chunks, and each column arrives as its DuckDB type. Types Arrow
 * would not carry exactly (DECIMAL, HUGEINT, UUID, ENUM, nested types) travel as DuckDB's text
 * for them.
 */
import { quoteIdent } from '../sql-text.ts';
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

/**
 * Makes table `toTable` of `to` (replacing one of that name) from the result of `select` run by
 * `from`, column names and types kept, while `from` is still producing it; says how many columns
 * it has. When every type travels exactly (always so for the types DuckDB's CSV sniffer chooses:
 * `sniffedTypes`), the rows go straight into that table; otherwise they arrive in a raw table and
 * are cast into it.
 */
export async function moveQuery(from: LoadContext, select: string, to: LoadContext, toTable: string, sniffedTypes: boolean): Promise<number> {
  await to.run(`DROP TABLE IF EXISTS ${quoteIdent(toTable)}`);
  const columns = sniffedTypes ? undefined : await describe(from, select);
  if (!columns || columns.every((c) => EXACT.has(c.type))) {
    await streamInto(from, select, to, toTable);
    return (await to.run(`SELECT * FROM ${quoteIdent(toTable)} LIMIT 0`)).columns.length;
  }
  const raw = to.uniqueName('moved');
  const carried = columns.map((c, i) => `${EXACT.has(c.type) ? quoteIdent(c.name) : `CAST(${quoteIdent(c.name)} AS VARCHAR)`} AS c${i}`);
  try {
    await streamInto(from, `SELECT ${carried.join(', ')} FROM (${select})`, to, raw);
    const typed = columns.map((c, i) => `CAST(c${i} AS ${c.type}) AS ${quoteIdent(c.name)}`);
    await to.run(`CREATE TABLE ${quoteIdent(toTable)} AS SELECT ${typed.join(', ')} FROM ${quoteIdent(raw)}`);
  } finally {
    await to.dropTable(raw).catch(() => undefined);
  }
  return columns.length;
}

async function describe(ctx: LoadContext, select: string): Promise<{ name: string; type: string }[]> {
  const described = await ctx.run(`DESCRIBE ${select}`);
  return described.rows.map(([name, type]) => ({ name: String(name), type: String(type) }));
}

/** The rows of `select` run by `from` into a new table `table` of `to`, chunk by chunk. */
async function streamInto(from: LoadContext, select: string, to: LoadContext, table: string): Promise<void> {
  let created = false;
  await from.exportArrow(
    select,
    async (ipc) => {
      await to.insertArrow(table, ipc, !created);
      created = true;
    },
    CHUNK_BYTES,
  );
}
