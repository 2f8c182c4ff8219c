/**
 * Data files kept in the browser's origin-private file system (OPFS), so a reload or reopening
 * a notebook finds its data without asking for the files again. A file is keyed by the path the
 * notebook's front matter names it by (`customers.csv`, `data/orders.parquet`); the same path
 * means the same file for every notebook of this site, so a new file with other bytes is kept under
 * a path of its own (`pathForFile`) rather than replacing another notebook's. Files are copied in as streams (never
 * whole in memory) and handed out as `File`s, which read lazily from disk.
 */

const DIRECTORY = 'segbook-data';

/** The stored files by path, as last listed or stored in this page: what `storedFile` answers from. */
const known = new Map<string, File>();
const listeners = new Set<() => void>();

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
 * The same bytes given again are not copied: the file stored there may be one a table is being
 * read from, and rewriting it under the reader gains nothing.
 */
export async function storeDataFile(path: string, blob: Blob, options: { signal?: AbortSignal; onBytes?: (written: number) => void } = {}): Promise<File> {
  const stored = await readDataFile(path);
  if (stored && (await sameBytes(stored, blob))) {
    options.onBytes?.(blob.size);
    return stored;
  }
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
    forget(path);
    throw error;
  }
  const file = await handle.getFile();
  remember(path, file);
  return file;
}

/**
 * Lists the store once, so `storedFile` can answer at once from then on (the notebook resolves its
 * data paths synchronously). Resolves to the stored paths; without a store, to none.
 */
export async function openDataStore(): Promise<string[]> {
  if (!hasDataStore()) return [];
  const directory = await dataDirectory().catch(() => undefined);
  if (!directory) return [];
  known.clear();
  for await (const [name, handle] of directoryEntries(directory)) {
    const path = pathOf(name);
    if (handle.kind === 'file' && path !== undefined) known.set(path, await (handle as FileSystemFileHandle).getFile());
  }
  return [...known.keys()];
}

/** The file stored under `path`, as far as this page knows (after `openDataStore`, and what it stored since). */
export function storedFile(path: string): File | undefined {
  return known.get(path);
}

/** Calls `listener` whenever a file is stored or deleted in this page; returns how to stop. */
export function onDataFilesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function remember(path: string, file: File): void {
  known.set(path, file);
  for (const listener of listeners) listener();
}

function forget(path: string): void {
  if (!known.delete(path)) return;
  for (const listener of listeners) listener();
}

/** The file stored under `path`, or undefined when there is none. */
export async function readDataFile(path: string): Promise<File | undefined> {
  const directory = await dataDirectory();
  try {
    const handle = await directory.getFileHandle(fileNameOf(path));
    const file = await handle.getFile();
    known.set(path, file);
    return file;
  } catch {
    return undefined;
  }
}

/**
 * Where to keep `blob`, given as `path`: there, unless a file with other bytes is already kept
 * there (another notebook's data of the same name), which is never replaced without a word; then
 * the first free `stem-2.ext`, `stem-3.ext`…
 */
export async function pathForFile(path: string, blob: Blob): Promise<string> {
  const stored = await readDataFile(path);
  if (!stored || (await sameBytes(stored, blob))) return path;
  const dot = path.lastIndexOf('.');
  const [stem, extension] = dot > path.lastIndexOf('/') + 1 ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${extension}`;
    const taken = await readDataFile(candidate);
    if (!taken || (await sameBytes(taken, blob))) return candidate;
  }
}

/** Compares in slices, so two large files are never both whole in memory. */
async function sameBytes(a: Blob, b: Blob): Promise<boolean> {
  if (a.size !== b.size) return false;
  const SLICE = 4 << 20;
  for (let at = 0; at < a.size; at += SLICE) {
    const [x, y] = await Promise.all([a.slice(at, at + SLICE).arrayBuffer(), b.slice(at, at + SLICE).arrayBuffer()]);
    const [u, v] = [new Uint8Array(x), new Uint8Array(y)];
    for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return false;
  }
  return true;
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
  forget(path);
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
