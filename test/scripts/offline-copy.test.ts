import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { precachedFiles } from '../../scripts/vite/offline-copy.ts';
import { serviceWorkerSource } from '../../scripts/vite/offline-worker.ts';

const dist = mkdtempSync(join(tmpdir(), 'segbook-dist-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

for (const file of [
  'index.html',
  'index.html.br',
  'favicon.svg',
  'sw.js',
  'assets/main-abc.js',
  'assets/main-abc.js.gz',
  'assets/duckdb-eh-x1.wasm',
  'assets/editor-test-Cp6.js',
  'assets/engine-test-J4j.js',
  'samples/orders.csv',
  'test/e2e/pages/editor.html',
  'scripts/bench/pages/bare.html',
  'assets/bench-bare-Q1w.js',
  'assets/browser-Zz9.js',
]) {
  mkdirSync(join(dist, file, '..'), { recursive: true });
  writeFileSync(join(dist, file), file);
}

describe('the offline copy', () => {
  it('lists what the app can need — not test pages, compressed variants or the worker itself', () => {
    const files = precachedFiles(dist, ['editor-test', 'engine-test', 'bench-bare']);
    expect(files).toEqual(['assets/browser-Zz9.js', 'assets/duckdb-eh-x1.wasm', 'assets/main-abc.js', 'favicon.svg', 'index.html', 'samples/orders.csv']);
  });

  it('writes a service worker that caches the page and those files under its version', () => {
    const source = serviceWorkerSource(['index.html', 'assets/main-abc.js'], '0123abcd');
    expect(source).toContain("const CACHE = 'segbook-0123abcd';");
    expect(source).toContain('const FILES = ["./","index.html","assets/main-abc.js"];');
    // It is a script a browser can compile (the regular expression's escapes survived the template).
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain('/^bytes=(\\d+)-(\\d*)$/');
  });
});
