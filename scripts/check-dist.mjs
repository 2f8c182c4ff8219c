#!/usr/bin/env node
// Checks a build in dist/ before anyone serves it: no CDN or DuckDB extension server named in any
// file (binaries included), only the `eh` DuckDB bundle shipped, no inline script in index.html,
// and every .br/.gz variant identical to its source. Prints the sizes; exits 1 on a problem.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const FORBIDDEN = ['cdn.jsdelivr', 'unpkg.com', 'extensions.duckdb.org', 'cdnjs.cloudflare', 'esm.sh', 'fonts.googleapis'];
const DECODERS = { '.br': zlib.brotliDecompressSync, '.gz': zlib.gunzipSync };

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error(`check-dist: no build in ${DIST} (run \`npm run build\`)`);
  process.exit(1);
}

const files = fs.readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.join(entry.parentPath, entry.name));
const problems = [];
let plainBytes = 0;
let servedBytes = 0;

for (const file of files) {
  const name = path.relative(DIST, file);
  const bytes = fs.readFileSync(file);
  const encoding = path.extname(file);
  if (encoding in DECODERS) {
    const source = file.slice(0, -encoding.length);
    if (!fs.existsSync(source) || !DECODERS[encoding](bytes).equals(fs.readFileSync(source))) {
      problems.push(`${name} does not decompress to ${path.relative(DIST, source)}`);
    }
    continue;
  }
  plainBytes += bytes.length;
  servedBytes += smallestVariant(file, bytes.length);
  for (const needle of FORBIDDEN) {
    if (bytes.includes(needle)) problems.push(`${name} names ${needle}`);
  }
  if (/duckdb-(mvp|coi)|pthread/.test(name)) problems.push(`${name}: only the eh DuckDB bundle belongs in dist`);
}

const wasm = files.filter((file) => file.endsWith('.wasm'));
if (wasm.length !== 1 || !/duckdb-eh/.test(wasm[0])) {
  problems.push(`expected exactly one wasm, the DuckDB eh bundle; found: ${wasm.map((f) => path.relative(DIST, f)).join(', ') || 'none'}`);
}
const indexHtml = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
for (const tag of indexHtml.match(/<script\b[^>]*>/g) ?? []) {
  if (!/\bsrc=/.test(tag)) problems.push(`index.html has an inline script, which the Content-Security-Policy forbids: ${tag}`);
}
if (!/Content-Security-Policy/.test(indexHtml)) problems.push('index.html lost its Content-Security-Policy');

const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
console.log(`dist: ${files.length} files; ${mb(plainBytes)} uncompressed, ${mb(servedBytes)} as served with brotli`);
for (const problem of problems) console.error(`check-dist: ${problem}`);
process.exit(problems.length ? 1 : 0);

function smallestVariant(file, size) {
  return Math.min(size, ...['.br', '.gz'].filter((ext) => fs.existsSync(file + ext)).map((ext) => fs.statSync(file + ext).size));
}
