/** Native DuckDB (@duckdb/node-api) behind the same small surface the harness uses for DuckDB-WASM. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { QueryResult, Value } from '../../src/engine/types.ts';

export class NativeDuckDB {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(): Promise<NativeDuckDB> {
    const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
    return new NativeDuckDB(instance, await instance.connect());
  }

  /** Rows as JSON values: integers beyond a double's range and DECIMALs may come as text; answers.ts reads them as numbers. */
  async query(sql: string): Promise<QueryResult> {
    const reader = await this.connection.runAndReadAll(sql);
    return { columns: reader.columnNames(), types: reader.columnTypes().map(String), rows: reader.getRowsJson() as Value[][] };
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async setting(name: string): Promise<string> {
    const result = await this.query(`SELECT current_setting('${name}')`);
    return String(result.rows[0]?.[0]);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** The same CREATE TABLE both engines can run on a CSV path. */
export function createFromCsv(table: string, csv: string): string {
  return `CREATE OR REPLACE TABLE "${table}" AS SELECT * FROM read_csv('${csv.replace(/'/g, "''")}')`;
}
