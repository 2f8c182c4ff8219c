import { describe, expect, test } from 'vitest';
import type { RecentNotebook } from '../../src/storage/notebook-store.ts';
import { describeRecent } from '../../src/storage/recent-labels.ts';

// Local times, so the expected clock readings hold in any time zone.
const NOW = new Date(2025, 10, 14, 16, 0);
const at = (day: number, hour: number, minute: number, second = 0) => new Date(2025, 10, day, hour, minute, second).getTime();

function lines(recent: RecentNotebook[]): string[] {
  return describeRecent(recent, NOW).map((entry) => `${entry.title} / ${entry.detail}`);
}

describe('Recent tells notebooks apart', () => {
  test('each line has the file, "copy" and when it was last changed: the minute today, the day before', () => {
    expect(lines([
      { id: 'a', title: 'RFM segmentation', updatedAt: at(14, 14, 5, 12), fileName: 'rfm.seg.md' },
      { id: 'b', title: 'Churn drivers', updatedAt: at(14, 9, 30), copy: true },
      { id: 'c', title: 'Q3 review', updatedAt: at(3, 11, 0) },
    ])).toEqual(['RFM segmentation / rfm.seg.md · 14:05', 'Churn drivers / copy · 09:30', 'Q3 review / 3 Nov']);
  });

  test('two new notebooks edited within a minute read to the second; others keep the short time', () => {
    expect(lines([
      { id: 'a', title: 'Untitled notebook', updatedAt: at(14, 14, 5, 48) },
      { id: 'b', title: 'Untitled notebook', updatedAt: at(14, 14, 5, 12) },
      { id: 'c', title: 'Untitled notebook', updatedAt: at(14, 13, 0) },
      { id: 'd', title: 'RFM segmentation', updatedAt: at(14, 14, 5, 30) },
    ])).toEqual([
      'Untitled notebook / 14:05:48',
      'Untitled notebook / 14:05:12',
      'Untitled notebook / 13:00',
      'RFM segmentation / 14:05',
    ]);
  });

  test('on an earlier day, the day alone is not enough when titles collide: the time is added', () => {
    expect(lines([
      { id: 'a', title: 'RFM segmentation', updatedAt: at(3, 16, 20, 5) },
      { id: 'b', title: 'RFM segmentation', updatedAt: at(3, 11, 2, 40) },
    ])).toEqual(['RFM segmentation / 3 Nov, 16:20:05', 'RFM segmentation / 3 Nov, 11:02:40']);
  });

  test('a tab\'s copy says so beside its original, and notebooks from different files need no more than the file', () => {
    expect(lines([
      { id: 'copy', title: 'Getting started with Segbook', updatedAt: at(14, 14, 5, 12), copy: true },
      { id: 'original', title: 'Getting started with Segbook', updatedAt: at(14, 14, 5, 12) },
      { id: 'a', title: 'Segments', updatedAt: at(14, 15, 1), fileName: 'a.seg.md' },
      { id: 'b', title: 'Segments', updatedAt: at(14, 15, 1), fileName: 'b.seg.md' },
    ])).toEqual([
      'Getting started with Segbook / copy · 14:05',
      'Getting started with Segbook / 14:05',
      'Segments / a.seg.md · 15:01',
      'Segments / b.seg.md · 15:01',
    ]);
  });
});
