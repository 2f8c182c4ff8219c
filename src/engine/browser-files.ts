/**
 * Data files in the browser: picked, dropped and stored files arrive as Blobs DuckDB reads through
 * a file handle (or as bytes); paths and URLs are fetched from the page's own origin.
 */
import { DataLoadError, fileNotFound } from './errors.ts';
import { blobBytes, blobHead, type FileAccess } from './load/source.ts';
import type { DataSource } from './types.ts';

export const browserFiles: FileAccess = {
  async readBytes(source) {
    if (source.kind === 'file') return blobBytes(source.file);
    return source.kind === 'bytes' ? source.bytes.slice() : fetchBytes(source);
  },
  async readHead(source, maxBytes) {
    if (source.kind === 'file') return blobHead(source.file, maxBytes);
    const bytes = source.kind === 'bytes' ? source.bytes : await fetchBytes(source);
    return bytes.subarray(0, maxBytes);
  },
  /**
   * A dropped file's length, or a URL's as the server tells it for a one-byte range request
   * (`Content-Range: bytes 0-0/SIZE`); unknown when the server does not answer ranges.
   */
  async size(source) {
    if (source.kind === 'bytes') return source.bytes.length;
    if (source.kind === 'file') return source.file.size;
    const response = await fetch(sameOriginUrl(source), { headers: { range: 'bytes=0-0' } }).catch(() => undefined);
    if (!response) return undefined;
    // A whole file (the range ignored) is not read here; an error page is small.
    if (response.status === 200) await response.body?.cancel();
    else await response.arrayBuffer().catch(() => undefined);
    if (response.status !== 206) return undefined;
    const total = Number(/\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '')?.[1] ?? Number.NaN);
    return Number.isFinite(total) ? total : undefined;
  },
  async directPath() {
    return undefined;
  },
  fileHandle(source) {
    return source.kind === 'file' ? source.file : undefined;
  },
};

function sameOriginUrl(source: Extract<DataSource, { kind: 'path' | 'url' }>): URL {
  const given = source.kind === 'path' ? source.path : source.url;
  const url = new URL(given, document.baseURI);
  if (url.origin !== location.origin) throw new DataLoadError(given, 'only files from this site can be loaded');
  return url;
}

async function fetchBytes(source: Extract<DataSource, { kind: 'path' | 'url' }>): Promise<Uint8Array> {
  const given = source.kind === 'path' ? source.path : source.url;
  const url = sameOriginUrl(source);
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new DataLoadError(given, 'the file could not be fetched');
  }
  const problem = fetchProblem(response, given);
  if (problem) {
    // Read to its end (an error page or the site's index is small): a cancelled body shows up as a failed request.
    await response.arrayBuffer().catch(() => undefined);
    throw problem;
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Why a fetched data file is no data file. A site that serves its app for every unknown path (a
 * single-page host, `vite preview`) answers a missing file with its own HTML page and 200 OK;
 * no data format Segbook reads is HTML, so that page means the file is not there.
 */
export function fetchProblem(response: Response, given: string): DataLoadError | undefined {
  if (response.status === 404 || (response.ok && servesPage(response))) return fileNotFound(given);
  if (!response.ok) return new DataLoadError(given, `the server answered ${response.status} ${response.statusText}`.trim());
  return undefined;
}

function servesPage(response: Response): boolean {
  return /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(response.headers.get('content-type') ?? '');
}
