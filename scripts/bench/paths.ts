/** Where the harness reads and writes: the project, and bench-data/ (git-ignored) for data and builds. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH_DATA = path.join(ROOT, 'bench-data');
export const HERE = path.join(ROOT, 'scripts/bench');
