/**
 * The notebook's data files as tables: loaded once, reloaded only when their source or reader
 * options change. A file that cannot be read is an error naming the file, kept as a value.
 */
import type { DataSource, Engine, ReaderOptions } from '../engine/types.ts';
import type { DataEntry } from './front-matter.ts';

export interface TableSource {
  name: string;
  source: DataSource;
  options: ReaderOptions;
  /** How the analyst wrote the file's place (a path or URL), for messages. */
  label: string;
}

export interface TableState {
  name: string;
  label: string;
  /** Changes whenever the table is (re)loaded, so cells reading it know to run again. */
  version: number;
  error?: string;
}

/** Front-matter entries, then overrides (`--data NAME=PATH` or files the analyst added) by table name. */
export function tableSources(
  entries: DataEntry[],
  resolve: (path: string) => DataSource,
  overrides: TableSource[] = [],
): TableSource[] {
  const byName = new Map<string, TableSource>();
  for (const entry of entries) {
    byName.set(entry.name.toLowerCase(), { name: entry.name, source: resolve(entry.path), options: entry.options, label: entry.path });
  }
  for (const override of overrides) byName.set(override.name.toLowerCase(), override);
  return [...byName.values()];
}

export class TableSet {
  private readonly loaded = new Map<string, { key: string; state: TableState }>();
  private versions = 0;
  private readonly bytesIds = new WeakMap<object, number>();

  constructor(private readonly engine: Engine) {}

  /** Loads what changed and drops tables no longer listed; reports each load as it starts and ends. */
  async sync(
    sources: TableSource[],
    report: (state: TableState, status: 'loading' | 'loaded' | 'error') => void,
    signal?: AbortSignal,
  ): Promise<TableState[]> {
    const wanted = new Set(sources.map((s) => s.name.toLowerCase()));
    for (const [key, { state }] of this.loaded) {
      if (wanted.has(key)) continue;
      this.loaded.delete(key);
      if (!state.error) await this.engine.query(`DROP TABLE IF EXISTS ${quoteIdentifier(state.name)}`);
    }
    for (const source of sources) {
      if (signal?.aborted) break;
      const key = this.keyOf(source);
      const current = this.loaded.get(source.name.toLowerCase());
      if (current && current.key === key) continue;
      const state: TableState = { name: source.name, label: source.label, version: ++this.versions };
      report(state, 'loading');
      try {
        await this.engine.loadTable(source.name, source.source, source.options, signal ? { signal } : {});
      } catch (e) {
        state.error = loadError(source.label, e);
      }
      // An interrupted load is tried again by the next run.
      if (signal?.aborted && state.error) {
        report(state, 'error');
        break;
      }
      this.loaded.set(source.name.toLowerCase(), { key, state });
      report(state, state.error ? 'error' : 'loaded');
    }
    return [...this.loaded.values()].map((t) => t.state);
  }

  private keyOf(source: TableSource): string {
    const { source: from, options } = source;
    const where =
      from.kind === 'bytes'
        ? { bytes: this.bytesId(from.bytes), fileName: from.fileName }
        : from.kind === 'file'
          ? { file: this.bytesId(from.file), fileName: from.fileName }
          : from;
    return JSON.stringify([where, options]);
  }

  private bytesId(bytes: object): number {
    let id = this.bytesIds.get(bytes);
    if (id === undefined) this.bytesIds.set(bytes, (id = ++this.versions));
    return id;
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** "cannot read PATH: " and the engine's own words (without its repeat of the file name or echo of SQL). */
function loadError(label: string, e: unknown): string {
  let message = (e instanceof Error ? e.message : String(e)).split(/\n\s*\n|\nLINE \d+:/)[0]!.trim();
  const fileName = label.split(/[\\/]/).pop()!;
  if (message.startsWith(`${fileName}, `) || message.startsWith(`${fileName}: `)) message = message.slice(fileName.length + 2);
  return `cannot read ${label}: ${message}`;
}
