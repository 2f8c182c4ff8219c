/**
 * Front-matter paths → what the engine reads: a file kept in the browser (OPFS) or picked in this
 * session when there is one by that path, else the site's own file (src/ui/data-urls.ts).
 */
import type { DataSource } from '../engine/types.ts';
import { browserDataSource } from '../ui/data-urls.ts';
import { storedFile } from './opfs-files.ts';

/** Files picked in this page that the browser could not keep (no OPFS, or it is full), by path. */
const sessionFiles = new Map<string, File>();

export function keepForSession(path: string, file: File): void {
  sessionFiles.set(path, file);
}

/** Whether the data behind `path` is in this browser: stored, or picked in this page. */
export function hasLocalFile(path: string): boolean {
  return storedFile(path) !== undefined || sessionFiles.has(path);
}

export function localDataSources(pageBase: string): (path: string) => DataSource {
  const site = browserDataSource(pageBase);
  return (path) => {
    const file = storedFile(path) ?? sessionFiles.get(path);
    return file ? { kind: 'file', file, fileName: path.split(/[\\/]/).pop() || path } : site(path);
  };
}
