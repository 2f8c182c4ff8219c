/** What the data panel says about a load: sizes in SI units, rows counted or estimated. */
import type { LoadProgress } from '../engine/types.ts';

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** `12.3 MB of 111 MB · ≈ 120,000 rows` (copying: no rows yet). */
export function progressText(progress: LoadProgress): string {
  const bytes = progress.bytesTotal === undefined ? formatBytes(progress.bytesRead) : `${formatBytes(progress.bytesRead)} of ${formatBytes(progress.bytesTotal)}`;
  if (progress.rows === undefined) return bytes;
  return `${bytes} · ${progress.estimated ? '≈ ' : ''}${progress.rows.toLocaleString('en-US')} rows`;
}

/** The share done, 0–1, when the total is known. */
export function progressFraction(progress: LoadProgress): number | undefined {
  if (!progress.bytesTotal) return undefined;
  return Math.min(1, progress.bytesRead / progress.bytesTotal);
}
