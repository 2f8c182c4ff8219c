import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { neutraliseHosts } from '../../scripts/vite/offline-duckdb-wasm.ts';

const require = createRequire(import.meta.url);

describe('neutraliseHosts', () => {
  it('overwrites each extension-server host in place with one of the same length', () => {
    const text = 'a\0https://extensions.duckdb.org\0https://community-extensions.duckdb.org\0<link href="https://unpkg.com/x.css">';
    const bytes = Buffer.from(text, 'latin1');
    expect(neutraliseHosts(bytes)).toBe(3);
    const out = bytes.toString('latin1');
    expect(out.length).toBe(text.length);
    expect(out).toBe('a\0https://extension.off.invalid\0https://community-extension.off.invalid\0<link href="https://x.invalid/x.css">');
  });

  it('leaves DuckDB\'s eh wasm a valid module that names no extension server', async () => {
    const bytes = fs.readFileSync(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
    expect(neutraliseHosts(bytes)).toBeGreaterThan(0);
    for (const host of ['extensions.duckdb.org', 'unpkg.com']) expect(bytes.includes(host)).toBe(false);
    expect(WebAssembly.validate(bytes)).toBe(true);
  }, 30_000);
});
