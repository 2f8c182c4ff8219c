import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, checkCell, compileCell, type CellSource } from '../../src/lang/index.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { notebookCells } from '../../scripts/bench/compile-notebook.ts';
import { ASOF, retailCatalog } from './fixtures.ts';

/**
 * checkCell resolves only the checked cell's definitions and what they use (an editor checks on
 * every keystroke); compileCell analyses the whole notebook. Each cell must get the same problems
 * either way, in whatever order the open editors check their cells.
 */
const ROOT = path.resolve(__dirname, '../..');

function notebookFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return notebookFiles(file);
    return entry.name.endsWith('.seg.md') ? [file] : [];
  });
}

function segCells(text: string): CellSource[] {
  return parseNotebook(text).cells.flatMap((cell, index) => (cell.kind === 'seg' ? [{ index, source: cell.source }] : []));
}

/** A corpus program with each line a cell of its own: its names then cross cells. */
function linePerCell(file: string): CellSource[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('--'))
    .map((source, index) => ({ index, source }));
}

const notebooks: [string, CellSource[]][] = [
  ...[...notebookFiles(path.join(ROOT, 'notebooks')), ...notebookFiles(path.join(ROOT, 'test/cli/fixtures'))].map(
    (file): [string, CellSource[]] => [path.relative(ROOT, file), segCells(fs.readFileSync(file, 'utf8'))],
  ),
  ...fs
    .readdirSync(path.join(ROOT, 'test/corpus'))
    .filter((f) => f.endsWith('.seg'))
    .map((f): [string, CellSource[]] => [`test/corpus/${f}, a line per cell`, linePerCell(path.join(ROOT, 'test/corpus', f))]),
  ['the 300-line benchmark notebook', notebookCells(300).map((source, index) => ({ index, source }))],
  [
    'cycles across cells, and cells that use them',
    [
      'population customers key customer_id',
      'segment a = b and age > 30',
      'segment b = c',
      'segment c = a or country = \'US\'',
      'segment d = b and age < 60\ncompare a, d by avg(age)',
      'let self = self + 1\nsegment e = self > 3',
      'show c\nprofile d',
    ].map((source, index) => ({ index, source })),
  ],
];

describe.each(notebooks)('%s', (_name, cells) => {
  it('checkCell finds what compiling the whole notebook finds, cell by cell, in any order', () => {
    const whole = buildProgram(cells);
    const expected = new Map(cells.map((c) => [c.index, compileCell(whole, c.index, retailCatalog, { asof: ASOF }).diagnostics]));
    const forward = cells.map((c) => c.index);
    const middleOut = [...forward.slice(forward.length >> 1), ...forward.slice(0, forward.length >> 1).reverse()];
    for (const order of [forward, [...forward].reverse(), middleOut]) {
      const program = buildProgram(cells);
      for (const index of order) expect(checkCell(program, index, retailCatalog), `cell ${index}`).toEqual(expected.get(index));
    }
  });
});
