// DuckDB's wasm carries its default extension repositories (extensions.duckdb.org and the
// community/nightly mirrors) and the profiler's stylesheet link (unpkg.com) as plain strings.
// The app turns extension autoload off, but the shipped binary should not name those servers at
// all: each host is overwritten in place with a same-length host under the reserved `.invalid`
// TLD, which never resolves. Same length keeps every offset and size in the binary valid.
import type { Plugin } from 'vite';

const REPLACEMENTS: [string, string][] = [
  ['extensions.duckdb.org', 'extension.off.invalid'],
  ['unpkg.com', 'x.invalid'],
];

export function offlineDuckdbWasm(): Plugin {
  return {
    name: 'segbook:offline-duckdb-wasm',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'asset' || !output.fileName.endsWith('.wasm') || typeof output.source === 'string') continue;
        const bytes = Buffer.from(output.source);
        if (neutraliseHosts(bytes) > 0) output.source = new Uint8Array(bytes);
      }
    },
  };
}

/** Overwrites every occurrence in place; returns how many were replaced. */
export function neutraliseHosts(bytes: Buffer): number {
  let count = 0;
  for (const [host, replacement] of REPLACEMENTS) {
    if (host.length !== replacement.length) throw new Error(`replacement for ${host} must keep its length`);
    const needle = Buffer.from(host, 'latin1');
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + needle.length)) {
      bytes.write(replacement, at, 'latin1');
      count++;
    }
  }
  return count;
}
