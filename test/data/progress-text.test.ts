import { describe, expect, it } from 'vitest';
import { formatBytes, progressFraction, progressText } from '../../src/data/progress-text.ts';

describe('load progress in words', () => {
  it('sizes files in SI units', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(12_345)).toBe('12.3 kB');
    expect(formatBytes(111_354_140)).toBe('111 MB');
    expect(formatBytes(2_400_000_000)).toBe('2.4 GB');
  });

  it('says bytes of the total and rows, marking estimates', () => {
    expect(progressText({ bytesRead: 45_100_000, bytesTotal: 111_354_140, rows: 405_000, estimated: true })).toBe('45.1 MB of 111 MB · ≈ 405,000 rows');
    expect(progressText({ bytesRead: 2_000, bytesTotal: 2_000, rows: 10, estimated: false })).toBe('2.0 kB of 2.0 kB · 10 rows');
    expect(progressText({ bytesRead: 5_000_000, bytesTotal: undefined, rows: undefined, estimated: false })).toBe('5.0 MB');
  });

  it('gives the share done when the total is known', () => {
    expect(progressFraction({ bytesRead: 25, bytesTotal: 100, rows: undefined, estimated: false })).toBe(0.25);
    expect(progressFraction({ bytesRead: 25, bytesTotal: undefined, rows: undefined, estimated: false })).toBeUndefined();
  });
});
