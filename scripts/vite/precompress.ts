// Writes .br and .gz beside every compressible file of the build, so a static host (and our
// preview/e2e server) can send the 34 MB DuckDB wasm as ~6 MB without compressing per request.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|svg|json|jsonl|csv|tsv|txt|md|map|ttf|otf|arrow)$/i;
const MIN_BYTES = 1024;
/** Brotli 11 runs at about 0.5 MB/s (over a minute on the wasm); 9 is within 15% of it, ~20× faster. */
const LARGE_FILE_BYTES = 1024 * 1024;

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'segbook:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      await Promise.all(listFiles(outDir).filter(shouldCompress).map(compressFile));
    },
  };
}

function shouldCompress(file: string): boolean {
  return COMPRESSIBLE.test(file) && fs.statSync(file).size >= MIN_BYTES;
}

async function compressFile(file: string): Promise<void> {
  const bytes = await fs.promises.readFile(file);
  const quality = bytes.length > LARGE_FILE_BYTES ? 9 : 11;
  const [br, gz] = await Promise.all([
    brotli(bytes, quality),
    new Promise<Buffer>((resolve, reject) =>
      zlib.gzip(bytes, { level: 9 }, (error, out) => (error ? reject(error) : resolve(out))),
    ),
  ]);
  // A variant that saves nothing only costs the client a decode.
  if (br.length < bytes.length) await fs.promises.writeFile(file + '.br', br);
  if (gz.length < bytes.length) await fs.promises.writeFile(file + '.gz', gz);
}

function brotli(bytes: Buffer, quality: number): Promise<Buffer> {
  const params = {
    [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
  };
  return new Promise((resolve, reject) =>
    zlib.brotliCompress(bytes, { params }, (error, out) => (error ? reject(error) : resolve(out))),
  );
}

export function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
