// Reads each CSV file of a folder the way the engine reads delimited text (src/engine: DuckDB's
// read_csv, default options) and writes it as an Arrow IPC stream, NAME.arrow, beside a
// manifest.json of the columns' DuckDB types, the row counts, the times without NULLs and the columns without repeats. Run by scripts/vite/sample-tables.ts:
//   node --import tsx scripts/vite/sample-tables-read.ts FROM_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { ARROW_EXACT } from '../../src/engine/prebuilt-tables.ts';
import { openNodeDatabase } from '../../src/engine/node.ts';
import { quoteIdent } from '../../src/engine/sql-text.ts';

export interface ReadSample {
  /** The CSV file's name, e.g. `orders.csv`; its stream is the same name with `.arrow`. */
  file: string;
  columns: { name: string; type: string }[];
  rowCount: number;
  /** Date and timestamp columns without NULLs, as the engine's catalog tells them. */
  nullFree: string[];
  /** Columns in which no value appears twice (NULLs aside): a population keyed on one needs no key check. */
  unique: string[];
}

export async function readSamples(from: string, out: string): Promise<ReadSample[]> {
  const database = await openNodeDatabase({});
  const read: ReadSample[] = [];
  try {
    for (const file of fs.readdirSync(from).filter((f) => f.endsWith('.csv')).sort()) {
      const loaded = await database.loadTable('sample', { kind: 'path', path: path.join(from, file) });
      // Types Arrow would not carry exactly travel as DuckDB's text for them, cast back on arrival.
      const carried = loaded.columns.map((c) => (ARROW_EXACT.has(c.type) ? quoteIdent(c.name) : `CAST(${quoteIdent(c.name)} AS VARCHAR) AS ${quoteIdent(c.name)}`));
      const streams: Uint8Array[] = [];
      await database.withContext((ctx) => ctx.exportArrow(`SELECT ${carried.join(', ')} FROM sample`, async (ipc) => void streams.push(ipc), Number.MAX_SAFE_INTEGER));
      if (streams.length !== 1) throw new Error(`${file}: expected one Arrow stream, got ${streams.length}`);
      fs.writeFileSync(path.join(out, file.replace(/\.csv$/, '.arrow')), streams[0]!);
      const catalogued = (await database.catalog()).tables.find((t) => t.name === 'sample')!;
      const nullFree = catalogued.columns.filter((c) => c.hasNulls === false).map((c) => c.name);
      const distinct = loaded.columns.map((c) => `count(DISTINCT ${quoteIdent(c.name)}) = count(${quoteIdent(c.name)})`);
      const counted = await database.query(`SELECT ${distinct.join(', ')} FROM sample`);
      const unique = loaded.columns.filter((_, i) => counted.rows[0]![i] === true).map((c) => c.name);
      read.push({ file, columns: loaded.columns, rowCount: loaded.rowCount, nullFree, unique });
    }
  } finally {
    await database.close();
  }
  return read;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [from, out] = process.argv.slice(2);
  if (!from || !out) throw new Error('usage: node --import tsx scripts/vite/sample-tables-read.ts FROM_DIR OUT_DIR');
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(await readSamples(from, out)));
}
