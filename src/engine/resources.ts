/**
 * The engine's limits in an analyst's words: how large a file this tab can load, and what to say
 * when a query needs more memory than the engine has or stops the engine altogether.
 */
import { DataLoadError, ResourceError } from './errors.ts';
import type { Format } from './load/source.ts';

const UNITS: Record<string, number> = {
  byte: 1,
  bytes: 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** A size as DuckDB writes it ('3.1 GiB', '61.0 MiB', '512 bytes', '2GB') → bytes. */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*([\d.]+)\s*([a-z]*)\s*$/i.exec(text);
  const unit = UNITS[(match?.[2] || 'b').toLowerCase()];
  return match && unit ? Number(match[1]) * unit : undefined;
}

/** Bytes as people read file sizes: '1.4 GB', '208 MB', '950 KB'. */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [['GB', 1e9], ['MB', 1e6], ['KB', 1e3]] as const) {
    if (bytes >= size) return `${(bytes / size).toPrecision(bytes >= size * 100 ? 3 : 2).replace(/\.0+$/, '')} ${unit}`;
  }
  return `${bytes} bytes`;
}

/**
 * The share of the engine's memory limit a file may take, by how much it grows on the way in:
 * delimited text becomes compact columns; gzip text unpacks several times over; Parquet is
 * compressed and decoded in JavaScript; JSON becomes JavaScript objects before it becomes rows.
 */
const SHARES = {
  text: { share: 1 / 3, label: 'text' },
  gzip: { share: 1 / 16, label: 'gzip-compressed' },
  parquet: { share: 1 / 8, label: 'Parquet' },
  json: { share: 1 / 16, label: 'JSON' },
};

function kindOf(format: Format, fileName: string): keyof typeof SHARES {
  if (format === 'parquet') return 'parquet';
  if (format === 'json' || format === 'jsonl') return 'json';
  return /\.gz$/i.test(fileName) ? 'gzip' : 'text';
}

/** The largest file of this format the engine takes: `maxFileBytes` when given, else a share of the memory limit. */
export function fileBudget(format: Format, fileName: string, memoryLimitBytes: number, maxFileBytes?: number): number {
  return maxFileBytes ?? Math.floor(memoryLimitBytes * SHARES[kindOf(format, fileName)].share);
}

export function fileTooLarge(file: string, size: number, budget: number, format: Format): DataLoadError {
  const label = SHARES[kindOf(format, file)].label;
  return new DataLoadError(
    file,
    `too large for this tab (${formatBytes(size)}; ${label} files up to ${formatBytes(budget)} can be loaded here): load a smaller extract or a sample`,
  );
}

/** DuckDB refused to go past its memory limit; the engine itself is fine. */
export function outOfMemory(memoryLimitBytes: number): ResourceError {
  const limit = Number.isFinite(memoryLimitBytes) ? ` (${formatBytes(memoryLimitBytes)})` : '';
  return new ResourceError(
    `This query needs more memory than the engine may use in this tab${limit}: filter or aggregate the data earlier, or work on a sample.`,
    false,
  );
}

/** The query broke the engine (WebAssembly ran out of memory): it is being rebuilt with its tables. */
export function engineCrashed(): ResourceError {
  return new ResourceError(
    'This query used up the memory of the database engine and stopped it; the engine is restarting and reloading your tables. Filter or aggregate the data earlier, or work on a sample.',
    true,
  );
}

/** What waited behind a query that would not stop, or ran into an engine that is restarting. */
export function engineRestarting(): ResourceError {
  return new ResourceError('The database engine is restarting and reloading your tables; run this again in a moment.', true);
}

/** Reading the file went past DuckDB's memory limit. */
export function loadOutOfMemory(file: string, memoryLimitBytes: number): DataLoadError {
  const limit = Number.isFinite(memoryLimitBytes) ? ` (${formatBytes(memoryLimitBytes)})` : '';
  return new DataLoadError(file, `needs more memory than the engine may use in this tab${limit}: load a smaller extract or a sample`);
}

/**
 * WebAssembly's own traps, which leave a database's memory in no state to trust. DuckDB-WASM
 * passes them on as errors of the call that hit them, and the database may still answer.
 */
const WASM_TRAP = /memory access out of bounds|^(?:RuntimeError: )?unreachable|table index is out of bounds|null function or function signature mismatch|indirect call to null/i;

export function isWasmTrap(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return WASM_TRAP.test(error instanceof DataLoadError ? error.reason : error.message);
}

/** Loading the file broke the engine that reads files. */
export function loadCrashed(file: string): DataLoadError {
  return new DataLoadError(file, 'reading it used up the memory of this tab: load a smaller extract or a sample');
}
