import { describe, expect, test } from 'vitest';
import type { StoredNotebook } from '../../src/storage/notebook-store.ts';
import { isSameNotebook } from '../../src/storage/notebook-session.ts';

const kept: StoredNotebook = { id: 'kept', title: 'RFM segmentation', text: '# RFM segmentation\n', savedText: '# RFM segmentation\n', updatedAt: 1, fileName: 'rfm.seg.md' };
const opened = (changes: Partial<StoredNotebook>): StoredNotebook => ({ ...kept, id: 'opened', updatedAt: 2, ...changes });

describe('opening a notebook kept already', () => {
  test('the same file, link or bundle opened again, unchanged, is the kept notebook', () => {
    expect(isSameNotebook(kept, opened({}))).toBe(true);
    const link = { ...kept, fileName: undefined };
    expect(isSameNotebook(link, { ...link, id: 'again' })).toBe(true);
  });

  test('a kept notebook edited since, or the same text from another file, is another notebook', () => {
    expect(isSameNotebook({ ...kept, text: '# RFM segmentation\n\nMy notes.\n' }, opened({}))).toBe(false);
    expect(isSameNotebook(kept, opened({ fileName: 'rfm (1).seg.md' }))).toBe(false);
    expect(isSameNotebook(kept, opened({ fileName: undefined }))).toBe(false);
  });
});
