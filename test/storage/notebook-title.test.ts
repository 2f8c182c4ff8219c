import { describe, expect, test } from 'vitest';
import { parseNotebook } from '../../src/notebook/format.ts';
import { fileNameFor, fileStem, notebookTitle } from '../../src/storage/notebook-title.ts';

describe('notebook titles and file names', () => {
  test('the front matter title, else the first # heading, else the file name, else Untitled', () => {
    expect(notebookTitle(parseNotebook('---\ntitle: RFM segmentation\n---\n\n# Other\n'))).toBe('RFM segmentation');
    expect(notebookTitle(parseNotebook('Intro\n\n## Not this\n\n# Churn drivers #\n'))).toBe('Churn drivers');
    expect(notebookTitle(parseNotebook('```seg\nsegment a = true\n```\n'), 'q3-review.seg.md')).toBe('q3-review');
    expect(notebookTitle(parseNotebook(''))).toBe('Untitled notebook');
  });

  test('file names made from titles are plain, and stems drop the notebook and bundle extensions', () => {
    expect(fileNameFor('Getting started with Segbook', '.seg.md')).toBe('getting-started-with-segbook.seg.md');
    expect(fileNameFor('Ünïcode: résumé / <script>', '.html')).toBe('unicode-resume-script.html');
    expect(fileNameFor('!!!', '.segbundle')).toBe('notebook.segbundle');
    expect(fileStem('a.seg.md')).toBe('a');
    expect(fileStem('a.segbundle')).toBe('a');
    expect(fileStem('notes.md')).toBe('notes');
  });
});
