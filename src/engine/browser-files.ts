/** Data files in the browser: dropped files arrive as bytes; paths and URLs are fetched from the page's own origin. */
import { DataLoadError, fileNotFound } from './errors.ts';
import type { FileAccess } from './load/source.ts';
import type { DataSource } from './types.ts';

export const browserFiles: FileAccess = {
  async readBytes(source) {
    return source.kind === 'bytes' ? source.bytes.slice() : fetchBytes(source);
  },
  async readHead(source, maxBytes) {
    const bytes = source.kind === 'bytes' ? source.bytes : await fetchBytes(source);
    return bytes.subarray(0, maxBytes);
  },
  async directPath() {
    return undefined;
  },
};

async function fetchBytes(source: Exclude<DataSource, { kind: 'bytes' }>): Promise<Uint8Array> {
  const given = source.kind === 'path' ? source.path : source.url;
  const url = new URL(given, document.baseURI);
  if (url.origin !== location.origin) throw new DataLoadError(given, 'only files from this site can be loaded');
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new DataLoadError(given, 'the file could not be fetched');
  }
  if (response.status === 404) throw fileNotFound(given);
  if (!response.ok) throw new DataLoadError(given, `the server answered ${response.status} ${response.statusText}`.trim());
  return new Uint8Array(await response.arrayBuffer());
}
