// Serves a built app (dist/) the way a production host would: real MIME types, precompressed
// variants (.br, .gz) chosen by Accept-Encoding, byte ranges on the identity file, and the app's
// Content-Security-Policy as a header. Used by the end-to-end harness and, as middleware, by
// `vite preview`.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.arrow': 'application/vnd.apache.arrow.stream',
};

/** Encodings we precompress to, in order of preference. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

type Next = () => void;
export type StaticHandler = (req: http.IncomingMessage, res: http.ServerResponse, next?: Next) => void;

export function createStaticHandler(root: string): StaticHandler {
  const base = path.resolve(root);
  return (req, res, next) => {
    const file = resolveFile(base, req.url ?? '/');
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      if (next) return next();
      res.writeHead(file ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(file ? 'method not allowed' : 'not found');
      return;
    }
    serveFile(file, req, res, contentSecurityPolicy(base, file));
  };
}

/**
 * The policy index.html declares in its <meta> (the one place it is written), sent as a header:
 * with pages, plus what only a header can say (no other site may frame the app); and with worker
 * scripts, which a page's <meta> never reaches, so DuckDB's and Monaco's workers run under it too
 * (no eval, no other site). See SECURITY.md.
 */
function contentSecurityPolicy(base: string, file: string): string | undefined {
  const index = path.join(base, 'index.html');
  const html = fs.existsSync(index) ? fs.readFileSync(index, 'utf8') : '';
  const declared = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1]?.replace(/\s+/g, ' ').trim();
  if (!declared) return undefined;
  const extension = path.extname(file).toLowerCase();
  if (extension === '.html') return `${declared}; frame-ancestors 'none'`;
  if (extension === '.js' || extension === '.mjs') return declared;
  return undefined;
}

/** Maps a URL path to a file under base: directories get index.html, nothing escapes base. */
function resolveFile(base: string, url: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return undefined;
  }
  const candidate = path.join(base, pathname);
  if (candidate !== base && !candidate.startsWith(base + path.sep)) return undefined;
  const stat = fs.statSync(candidate, { throwIfNoEntry: false });
  if (stat?.isFile()) return candidate;
  if (stat?.isDirectory()) {
    const index = path.join(candidate, 'index.html');
    if (fs.statSync(index, { throwIfNoEntry: false })?.isFile()) return index;
  }
  return undefined;
}

function serveFile(file: string, req: http.IncomingMessage, res: http.ServerResponse, policy: string | undefined): void {
  const headers: Record<string, string> = {
    ...(policy ? { 'content-security-policy': policy } : {}),
    'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
  };
  const range = req.headers.range;
  const variant = range ? undefined : compressedVariant(file, String(req.headers['accept-encoding'] ?? ''));
  const source = variant?.file ?? file;
  const size = fs.statSync(source).size;
  if (variant) headers['content-encoding'] = variant.encoding;
  else headers['accept-ranges'] = 'bytes';

  const span = range ? parseRange(range, size) : undefined;
  if (range && !span) {
    res.writeHead(416, { ...headers, 'content-range': `bytes */${size}` });
    res.end();
    return;
  }
  const [start, end] = span ?? [0, size - 1];
  if (span) headers['content-range'] = `bytes ${start}-${end}/${size}`;
  headers['content-length'] = String(Math.max(0, end - start + 1));
  res.writeHead(span ? 206 : 200, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  fs.createReadStream(source, { start, end }).pipe(res);
}

function compressedVariant(file: string, acceptEncoding: string): { file: string; encoding: string } | undefined {
  const accepted = new Set(acceptEncoding.split(',').map((part) => part.split(';')[0].trim().toLowerCase()));
  for (const { name, suffix } of ENCODINGS) {
    if (accepted.has(name) && fs.existsSync(file + suffix)) return { file: file + suffix, encoding: name };
  }
  return undefined;
}

/** One `bytes=a-b` range (the only form browsers and DuckDB send); undefined if unsatisfiable. */
function parseRange(header: string, size: number): [number, number] | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start <= end && start < size ? [start, end] : undefined;
}

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves root on 127.0.0.1 at a free port. */
export async function startStaticServer(root: string): Promise<RunningServer> {
  const handler = createStaticHandler(root);
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
