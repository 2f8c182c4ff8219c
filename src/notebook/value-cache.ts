/**
 * The notebook's values tables in the query database (src/lang/sql/cached-values.ts): each
 * population's rows with its link aggregates and lets at the notebook's as-of date, built the
 * first time a statement reads them and rebuilt only when what they come from changed. A table
 * is current while its SQL is the same (the population, links, lets and as-of date are written in
 * it) and no data it may read changed since it was built: a file loaded again, a SQL cell that may
 * write (INSERT, UPDATE, CREATE TABLE…), or a view it reads made again. Data checks that passed
 * are remembered by the same versions.
 */
import { statementTokens } from '../engine/sql-text.ts';
import type { Engine } from '../engine/types.ts';
import type { ValuesTable } from '../lang/index.ts';
import { contentKey } from './key.ts';
import { quoteIdentifier } from './tables.ts';

export class ValueCache {
  /** Bumped whenever any table may have changed. */
  private epoch = 0;
  /** Lower-case view name → how many times it was made again or dropped. */
  private readonly relations = new Map<string, number>();
  /** Lower-case table name → what was built, and at which version. */
  private readonly built = new Map<string, { table: ValuesTable; version: string }>();
  /** Data checks that passed, by the version of the data they read. */
  private readonly passedChecks = new Set<string>();

  /** What the table holds is a function of this: its definition and the versions of the data it reads. */
  version(table: ValuesTable): string {
    return this.dataVersion(table);
  }

  /** Whether the table must be built before it is read; `madeNow` are the views the reading cell made just before. */
  needsBuild(table: ValuesTable, madeNow: string[]): boolean {
    if (madeNow.some((view) => table.reads.includes(view.toLowerCase()))) return true;
    return this.built.get(table.name.toLowerCase())?.version !== this.version(table);
  }

  builtNow(table: ValuesTable): void {
    this.built.set(table.name.toLowerCase(), { table, version: this.version(table) });
  }

  /**
   * Rebuilds, as soon as the data under them changed, the tables built before. Segment views read
   * them, and SQL cells, the editor's segment sizes and member exports read the views: none may see
   * old rows. A table that cannot be built again is dropped, so its views fail rather than answer
   * wrongly. Resolves false when cancelled.
   */
  async refresh(engine: Engine, signal?: AbortSignal): Promise<boolean> {
    for (const [name, { table, version }] of [...this.built]) {
      if (version === this.version(table)) continue;
      this.built.delete(name);
      try {
        await engine.query(table.sql, { signal });
        this.builtNow(table);
      } catch {
        if (signal?.aborted) return false;
        await engine.query(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
      }
    }
    return true;
  }

  /** After a cancelled run: what is out of date goes, rather than stay readable through the views. */
  async dropOutOfDate(engine: Engine): Promise<void> {
    for (const [name, { table, version }] of [...this.built]) {
      if (version === this.version(table)) continue;
      this.built.delete(name);
      await engine.query(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
    }
  }

  /** A build that failed or was cancelled leaves nothing to trust. */
  forget(table: ValuesTable): void {
    this.built.delete(table.name.toLowerCase());
  }

  /**
   * Whether a data check (a population's key is unique) passed over the data as it is now: it
   * then need not run again when only its cell's other statements changed.
   */
  passes(check: { sql: string; reads: string[] }): boolean {
    return this.passedChecks.has(this.dataVersion(check));
  }

  passed(check: { sql: string; reads: string[] }): void {
    this.passedChecks.add(this.dataVersion(check));
  }

  private dataVersion(query: { sql: string; reads: string[] }): string {
    return contentKey(JSON.stringify([query.sql, this.readsVersion(query.reads)]));
  }

  /** The version of what these tables and views hold: it changes when a SQL cell may have written, or a view was made again. */
  readsVersion(reads: string[]): string {
    return JSON.stringify([this.epoch, reads.map((r) => this.relations.get(r.toLowerCase()) ?? 0)]);
  }

  /** Any table may hold other rows now. */
  dataChanged(): void {
    this.epoch++;
  }

  /** These views were made again or dropped: tables built from them are out of date. */
  relationsChanged(views: string[]): void {
    for (const view of views) this.relations.set(view.toLowerCase(), (this.relations.get(view.toLowerCase()) ?? 0) + 1);
  }

  /** Drops the tables no current population's statements read (a population renamed or deleted). */
  async dropAllBut(names: Set<string>, engine: Engine): Promise<void> {
    for (const name of [...this.built.keys()]) {
      if (names.has(name)) continue;
      this.built.delete(name);
      await engine.query(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
    }
  }
}

const READING = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'DESC', 'SUMMARIZE', 'SHOW', 'EXPLAIN', 'PIVOT', 'UNPIVOT', '(']);
const WRITING = new Set([
  'INSERT', 'UPDATE', 'DELETE', 'CREATE', 'DROP', 'ALTER', 'COPY', 'ATTACH', 'DETACH', 'TRUNCATE', 'MERGE', 'SET', 'RESET', 'PRAGMA',
  'CALL', 'LOAD', 'INSTALL', 'IMPORT', 'EXPORT', 'VACUUM', 'CHECKPOINT', 'BEGIN', 'COMMIT', 'ROLLBACK', 'ABORT', 'USE', 'EXECUTE', 'PREPARE',
]);

/**
 * Whether SQL may change a table's rows: anything but statements that only read, told by their
 * words outside strings and quoted names. Unsure means yes: a needless rebuild costs time, a
 * stale table would show wrong numbers.
 */
export function mayChangeData(sql: string): boolean {
  return statementTokens(sql).some((tokens) => !READING.has(tokens[0]!) || tokens.some((t) => WRITING.has(t)));
}
