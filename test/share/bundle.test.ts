import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { BUNDLE_LIMITS, readBundle, writeBundle, type Bundle } from '../../src/share/bundle.ts';

const notebook = readFileSync('notebooks/getting-started.seg.md', 'utf8');
const customers = readFileSync('public/samples/customers.csv');

async function bytesOf(blob: Blob): Promise<Buffer> {
  return Buffer.from(await blob.arrayBuffer());
}

async function read(blob: Blob, limits = BUNDLE_LIMITS) {
  const result = await readBundle(blob, limits);
  if (!result.ok) throw new Error(result.message);
  return result.bundle;
}

describe('bundles', () => {
  test('a notebook and its files come back byte for byte, under the paths the front matter reads them by', async () => {
    const binary = randomBytes(300_000);
    const bundle: Bundle = {
      notebookName: 'getting-started.seg.md',
      notebook,
      files: [
        { path: '../public/samples/customers.csv', blob: new Blob([customers]) },
        { path: 'data/ünïcode name (1).parquet', blob: new Blob([binary]) },
        { path: 'empty.csv', blob: new Blob([]) },
      ],
    };
    const progress: number[] = [];
    const zipped = await writeBundle(bundle, (n) => progress.push(n));
    expect(zipped.type).toBe('application/zip');
    expect(zipped.size).toBeLessThan(customers.length / 2 + binary.length + 10_000);
    expect(progress.at(-1)).toBe(customers.length + binary.length);

    const back = await read(zipped);
    expect(back.notebookName).toBe('getting-started.seg.md');
    expect(back.notebook).toBe(notebook);
    expect(back.files.map((f) => f.path)).toEqual(bundle.files.map((f) => f.path));
    expect((await bytesOf(back.files[0]!.blob)).equals(customers)).toBe(true);
    expect((await bytesOf(back.files[1]!.blob)).equals(binary)).toBe(true);
    expect(back.files[2]!.blob.size).toBe(0);
  });

  test('any zip tool can read a bundle: the manifest, the notebook and data/ entries', async () => {
    const zipped = await writeBundle({ notebookName: 'n.seg.md', notebook: '# n\n', files: [{ path: '../x/a b.csv', blob: new Blob(['a\n1\n']) }] });
    const { unzipSync, strFromU8 } = await import('fflate');
    const entries = unzipSync(new Uint8Array(await zipped.arrayBuffer()));
    expect(Object.keys(entries)).toEqual(['segbook-bundle.json', 'n.seg.md', 'data/1-a_b.csv']);
    expect(JSON.parse(strFromU8(entries['segbook-bundle.json']!))).toEqual({
      format: 'segbook-bundle',
      version: 1,
      notebook: 'n.seg.md',
      data: [{ path: '../x/a b.csv', entry: 'data/1-a_b.csv' }],
    });
  });

  test('files that are not bundles are refused in a sentence', async () => {
    const zip = (files: Record<string, string | Uint8Array>) =>
      new Blob([zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])))]);
    const manifest = (data: unknown) => JSON.stringify({ format: 'segbook-bundle', version: 1, notebook: 'n.seg.md', data });
    const good = await writeBundle({ notebookName: 'n.seg.md', notebook: '# n\n', files: [{ path: 'a.csv', blob: new Blob(['a\n1\n']) }] });
    const goodBytes = new Uint8Array(await good.arrayBuffer());
    const cases: [Blob, RegExp][] = [
      [new Blob(['# just a notebook\n']), /not a zip file/],
      [new Blob([]), /empty or not a zip file/],
      [new Blob([goodBytes.subarray(0, goodBytes.length >> 1)]), /damaged|missing/],
      [zip({ 'other.txt': 'hello' }), /has no segbook-bundle\.json/],
      [zip({ 'segbook-bundle.json': '{not json' }), /is not what Segbook writes/],
      [zip({ 'segbook-bundle.json': JSON.stringify({ format: 'segbook-bundle', version: 2 }) }), /newer Segbook \(bundle version 2\)/],
      [zip({ 'segbook-bundle.json': manifest([]) }), /the notebook n\.seg\.md is missing/],
      [zip({ 'segbook-bundle.json': manifest([]), 'n.seg.md': new Uint8Array([0xff, 0xfe, 0x00]) }), /its notebook is not text/],
      [zip({ 'segbook-bundle.json': manifest([{ path: 'a.csv', entry: 'data/1-a.csv' }]), 'n.seg.md': '# n' }), /data file data\/1-a\.csv \(for a\.csv\) is missing/],
      [zip({ 'segbook-bundle.json': manifest([{ path: 7 }]), 'n.seg.md': '# n' }), /is not what Segbook writes/],
    ];
    for (const [blob, message] of cases) {
      const result = await readBundle(blob);
      expect(result.ok, String(message)).toBe(false);
      if (!result.ok) {
        expect(result.message).toMatch(/^This file is not a Segbook bundle Segbook can open: /);
        expect(result.message).toMatch(message);
      }
    }
  });

  test('a bundle that unpacks past the limit (a zip bomb) is refused while unpacking', async () => {
    const bomb = await writeBundle({ notebookName: 'n.seg.md', notebook: '# n\n', files: [{ path: 'zeros.csv', blob: new Blob([new Uint8Array(6_000_000)]) }] });
    expect(bomb.size).toBeLessThan(100_000);
    const result = await readBundle(bomb, { ...BUNDLE_LIMITS, totalBytes: 2_000_000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/unpacks to more than 2 MB/);
    const notebookTooLarge = await readBundle(await writeBundle({ notebookName: 'n.seg.md', notebook: 'x'.repeat(2000), files: [] }), { ...BUNDLE_LIMITS, notebookBytes: 1000 });
    expect(notebookTooLarge.ok).toBe(false);
  });
});
