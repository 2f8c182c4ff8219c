import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type RunningServer } from '../../scripts/static-server.ts';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request without fetch's transparent decompression, so the bytes on the wire are visible. */
function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('static server for dist/', () => {
  const text = 'id,name\n' + Array.from({ length: 500 }, (_, i) => `${i},customer ${i}`).join('\n');
  let root: string;
  let server: RunningServer;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'segbook-static-'));
    fs.mkdirSync(path.join(root, 'samples'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(root, 'samples/data.csv'), text);
    fs.writeFileSync(path.join(root, 'samples/data.csv.br'), zlib.brotliCompressSync(text));
    fs.writeFileSync(path.join(root, 'samples/data.csv.gz'), zlib.gzipSync(text));
    fs.writeFileSync(path.join(root, 'engine.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
    server = await startStaticServer(root);
  });

  afterAll(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html for the root and wasm as application/wasm', async () => {
    const index = await get(`${server.origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    const wasm = await get(`${server.origin}/engine.wasm`);
    expect(wasm.headers['content-type']).toBe('application/wasm');
    expect(wasm.body.length).toBe(8);
  });

  it('prefers brotli, falls back to gzip, and sends identity bytes to clients that accept neither', async () => {
    const br = await get(`${server.origin}/samples/data.csv`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(text);
    const gz = await get(`${server.origin}/samples/data.csv`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(text);
    const plain = await get(`${server.origin}/samples/data.csv`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(text);
  });

  it('answers byte ranges from the identity file, even when compression is accepted', async () => {
    const part = await get(`${server.origin}/samples/data.csv`, { range: 'bytes=3-6', 'accept-encoding': 'br' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 3-6/${text.length}`);
    expect(part.body.toString()).toBe(text.slice(3, 7));
    const tail = await get(`${server.origin}/samples/data.csv`, { range: 'bytes=-5' });
    expect(tail.body.toString()).toBe(text.slice(-5));
    const beyond = await get(`${server.origin}/samples/data.csv`, { range: `bytes=${text.length}-` });
    expect(beyond.status).toBe(416);
  });

  it('answers 404 for missing files and for paths that try to leave the root', async () => {
    expect((await get(`${server.origin}/nope.js`)).status).toBe(404);
    expect((await get(`${server.origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });
});
