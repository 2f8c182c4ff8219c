/**
 * Data files in Node: paths (and file: URLs) are read from disk; DuckDB opens paths itself. Blobs
 * are handed over as bytes (DuckDB-WASM's Node runtime has no file handles for them).
 */
import { open, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataLoadError, fileNotFound } from './errors.ts';
import { blobBytes, blobHead, type FileAccess } from './load/source.ts';
import type { DataSource } from './types.ts';

export const nodeFiles: FileAccess = {
  async readBytes(source) {
    if (source.kind === 'bytes') return source.bytes.slice();
    if (source.kind === 'file') return blobBytes(source.file);
    return ownBytes(await readFile(await existingPath(source)));
  },
  async readHead(source, maxBytes) {
    if (source.kind === 'bytes') return source.bytes.subarray(0, maxBytes);
    if (source.kind === 'file') return blobHead(source.file, maxBytes);
    const handle = await open(await existingPath(source), 'r');
    try {
      const buffer = new Uint8Array(maxBytes);
      const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
  async size(source) {
    if (source.kind === 'bytes') return source.bytes.length;
    if (source.kind === 'file') return source.file.size;
    return (await stat(await existingPath(source))).size;
  },
  /** DuckDB reads a path as a glob pattern, so a name with pattern characters travels as bytes instead. */
  async directPath(source) {
    if (source.kind === 'bytes' || source.kind === 'file') return undefined;
    const path = await existingPath(source);
    return /[*?[\]{}]/.test(path) ? undefined : path;
  },
  fileHandle() {
    return undefined;
  },
};

/** The file's bytes without a copy, unless Node handed out a slice of a shared buffer (which must not be given away). */
function ownBytes(buffer: Buffer): Uint8Array {
  const whole = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
  return whole ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer);
}

async function existingPath(source: Extract<DataSource, { kind: 'path' | 'url' }>): Promise<string> {
  const given = source.kind === 'path' ? source.path : source.url;
  if (source.kind === 'url' && !source.url.startsWith('file:')) {
    throw new DataLoadError(given, 'only local files can be read outside the browser');
  }
  const path = source.kind === 'path' ? resolve(source.path) : fileURLToPath(source.url);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw fileNotFound(given);
  if (!info.isFile()) throw new DataLoadError(given, 'not a file');
  return path;
}
