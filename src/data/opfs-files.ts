/**
 * Data files kept in the browser's origin-private file system (OPFS), so a reload or reopening
 * a notebook finds its data without asking for the files again. A file is keyed by the path the
 * notebook's front matter names it by (`customers.csv`, `data/orders.parquet`); the same path
 * means the same file for every notebook of this site. Files are copied in as streams (never
 * whole in memory) and handed out as `File`s, which read lazily from disk.
 */

const DIRECTORY = 'segbook-data';

export interface StoredFile {
  /** The front-matter path the file was stored under. */
  path: string;
  size: number;
  /** Milliseconds since 1970, when the file was stored. */
  lastModified: number;
}

/** Whether this browser has an origin-private file system (every current browser, in a secure context). */
export function hasDataStore(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
}

/**
 * Copies `blob` in under `path`, replacing a file stored there; `onBytes` hears how many bytes are
 * written so far. Resolves to the stored file. A copy that fails or is aborted leaves no file behind.
 */
export async function storeDataFile(path: string, blob: Blob, options: { signal?: AbortSignal; onBytes?: (written: number) => void } = {}): Promise<File> {
  const directory = await dataDirectory();
  const name = fileNameOf(path);
  const handle = await directory.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  let written = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      written += chunk.byteLength;
      options.onBytes?.(written);
      controller.enqueue(chunk);
    },
  });
  try {
    await blob.stream().pipeThrough(counter).pipeTo(writable, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    await directory.removeEntry(name).catch(() => undefined);
    throw error;
  }
  return handle.getFile();
}

/** The file stored under `path`, or undefined when there is none. */
export async function readDataFile(path: string): Promise<File | undefined> {
  const directory = await dataDirectory();
  try {
    const handle = await directory.getFileHandle(fileNameOf(path));
    return await handle.getFile();
  } catch {
    return undefined;
  }
}

/** Every stored file, by path. */
export async function listDataFiles(): Promise<StoredFile[]> {
  const directory = await dataDirectory();
  const files: StoredFile[] = [];
  for await (const [name, handle] of directoryEntries(directory)) {
    if (handle.kind !== 'file') continue;
    const path = pathOf(name);
    if (path === undefined) continue;
    const file = await (handle as FileSystemFileHandle).getFile();
    files.push({ path, size: file.size, lastModified: file.lastModified });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Forgets the file stored under `path` (nothing happens when there is none). */
export async function deleteDataFile(path: string): Promise<void> {
  const directory = await dataDirectory();
  await directory.removeEntry(fileNameOf(path)).catch(() => undefined);
}

async function dataDirectory(): Promise<FileSystemDirectoryHandle> {
  if (!hasDataStore()) throw new Error('this browser cannot keep data files (no origin-private file system)');
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(DIRECTORY, { create: true });
}

/** OPFS names cannot hold `/`; a path's encoding can, reversibly, be one name. */
export function fileNameOf(path: string): string {
  return encodeURIComponent(path);
}

export function pathOf(name: string): string | undefined {
  try {
    return decodeURIComponent(name);
  } catch {
    return undefined;
  }
}

/** TypeScript's DOM library lacks the directory's async iteration. */
function directoryEntries(directory: FileSystemDirectoryHandle): AsyncIterable<[string, FileSystemHandle]> {
  return (directory as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries();
}
