/**
 * Columns of JavaScript values (from a Parquet or JSON reader) → a DuckDB table: each chunk of
 * rows becomes an Arrow IPC stream inserted into a raw table, whose columns are then cast to
 * their final DuckDB types. apache-arrow is imported only when a file needs it.
 */
import type { Vector } from 'apache-arrow';
import { quoteIdent } from '../sql-text.ts';
import { columnVector } from './arrow-columns.ts';
import type { LoadContext } from './context.ts';

/**
 * How values travel through Arrow; the final DuckDB type may be narrower or richer (TINYINT,
 * UUID, TIME, TIMESTAMP): timestamps travel as text, which keeps their microseconds.
 */
export type Carrier = 'BOOLEAN' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'VARCHAR' | 'DATE';

export interface LoadColumn {
  name: string;
  carrier: Carrier;
  /** The DuckDB type of the loaded column. */
  type: string;
}

/** DATE values may be Date objects or epoch milliseconds; BIGINT values bigint or number; null or undefined for null. */
export type ColumnValues = ArrayLike<unknown>;

export class ArrowTableWriter {
  private readonly raw: string;
  private created = false;

  constructor(
    private readonly ctx: LoadContext,
    private readonly table: string,
    private readonly columns: LoadColumn[],
  ) {
    this.raw = ctx.uniqueName('raw');
  }

  /** Appends rows given column by column, in the order of `columns`. */
  async append(values: ColumnValues[]): Promise<void> {
    const arrow = await import('apache-arrow');
    const vectors: Record<string, Vector> = {};
    this.columns.forEach((column, i) => {
      vectors[`c${i}`] = columnVector(arrow, column.carrier, values[i]!);
    });
    const ipc = arrow.tableToIPC(new arrow.Table(vectors), 'stream');
    await this.ctx.insertArrow(this.raw, ipc, !this.created);
    this.created = true;
  }

  /** Creates the table from what was appended (an empty table when nothing was). */
  async finish(): Promise<void> {
    if (!this.created) await this.append(this.columns.map(() => []));
    const select = this.columns.map((c, i) => `CAST(c${i} AS ${c.type}) AS ${quoteIdent(c.name)}`).join(', ');
    await this.ctx.run(`CREATE OR REPLACE TABLE ${quoteIdent(this.table)} AS SELECT ${select} FROM ${quoteIdent(this.raw)}`);
    await this.ctx.run(`DROP TABLE IF EXISTS ${quoteIdent(this.raw)}`);
  }

  async abandon(): Promise<void> {
    if (this.created) await this.ctx.dropTable(this.raw);
  }
}

/** Column names DuckDB accepts: none empty, none equal ignoring case (DuckDB's names are case-insensitive). */
export function uniqueColumnNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name, i) => {
    let candidate = name === '' ? `column${i}` : name;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = `${name || `column${i}`}_${n}`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}
