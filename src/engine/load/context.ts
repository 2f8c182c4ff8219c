/** What a loader may do with the engine: run SQL, hand over files and Arrow data. */
import type { LoadProgress, QueryResult } from '../types.ts';
import type { FileAccess } from './source.ts';

export interface LoadContext {
  files: FileAccess;
  /** Runs SQL on the engine's connection; cancellable like any query. */
  run(sql: string): Promise<QueryResult>;
  /** Appends an Arrow IPC stream to `table`, creating it when `create` is set. Takes the buffer. */
  insertArrow(table: string, ipc: Uint8Array, create: boolean): Promise<void>;
  /**
   * Runs `sql` and hands its result to `consume` as self-contained Arrow IPC streams of about
   * `maxBytes` each (fewer bytes for the last), one after another; at least one, even when empty.
   */
  exportArrow(sql: string, consume: (ipc: Uint8Array) => Promise<void>, maxBytes: number): Promise<void>;
  /** Drops `table` if there is one, even once the load is cancelled: a load that stopped leaves nothing half made. */
  dropTable(table: string): Promise<void>;
  /** Makes `bytes` readable by DuckDB under `name`. Takes the buffer. */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Makes `file` readable by DuckDB under `name` through a file handle: DuckDB reads the pieces it needs, when it needs them. */
  registerFileHandle(name: string, file: Blob): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Tells whoever asked for the load how far it has got. */
  progress(progress: LoadProgress): void;
  /**
   * Tells `listener`, a few times a second, how many bytes of the registered file `name` DuckDB
   * has read so far, until the returned function is called.
   */
  watchFileReads(name: string, listener: (bytes: number) => void): Promise<() => void>;
  /** A fresh name for a temporary table or file, a plain identifier. */
  uniqueName(prefix: string): string;
}
