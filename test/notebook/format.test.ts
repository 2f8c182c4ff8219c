import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frontMatterOf, parseNotebook, writeNotebook } from '../../src/notebook/format.ts';
import type { Cell, Notebook } from '../../src/notebook/model.ts';

const CASES = join(import.meta.dirname, '../../../shared/conformance/cases');

const word = fc.stringMatching(/^[a-z][a-z*_]{0,7}$/);
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const markdownBlock = fc.oneof(
  words.map((w) => `# ${w}`),
  words,
  words.map((w) => `- ${w}`),
  words.map((w) => `> ${w}`),
  words.map((w) => `    ${w}`),
  words.map((w) => `\`\`\`python\n${w}\n\`\`\``),
  words.map((w) => `~~~\n\`\`\`seg\n${w}\n~~~`),
  words.map((w) => `**${w}** \`inline\``),
  // Text an analyst may type into a text cell that, written plainly, would read back otherwise.
  words.map((w) => `\`\`\`\n${w}`),
  words.map((w) => `\`\`\`seg\nsegment ${w.replace(/\W/g, '_')} = true\n\`\`\``),
  words.map((w) => `~~~~sql ${w.split(' ')[0]}\nselect 1\n~~~~`),
  fc.constant('<!-- segbook: text cell -->'),
);
const markdownSource = fc
  .array(fc.tuple(markdownBlock, fc.constantFrom('\n', '\n\n', '\n\n\n')), { minLength: 1, maxLength: 5 })
  .chain((blocks) =>
    fc.tuple(fc.constantFrom('', '\n'), fc.constantFrom('', '\n', '  ')).map(
      ([lead, trail]) => lead + blocks.map(([b, sep], i) => (i === 0 ? b : sep + b)).join('') + trail,
    ),
  );
const codeLine = fc.oneof(
  words,
  fc.constant(''),
  fc.constant('```'),
  fc.constant('   ````'),
  fc.constant('~~~'),
  fc.constant('    ```'),
  fc.constantFrom("segment us = country = 'US'", 'select * from customers -- `x`'),
);
const codeSource = fc.array(codeLine, { maxLength: 6 }).map((lines) => lines.join('\n'));
const viewName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/);
const codeCell: fc.Arbitrary<Cell> = fc.oneof(
  codeSource.map((source): Cell => ({ kind: 'seg', source })),
  codeSource.map((source): Cell => ({ kind: 'sql', source })),
  fc.tuple(codeSource, viewName).map(([source, name]): Cell => ({ kind: 'sql', source, name })),
);
const frontMatter = fc.option(
  fc.array(fc.oneof(words.map((w) => `title: ${w}`), fc.constant('asof: 2024-06-30'), fc.constant('# a comment'), fc.constant('data:\n  customers: data/customers.csv')), { maxLength: 4 }).map((lines) => lines.map((l) => `${l}\n`).join('')),
  { nil: undefined },
);

/** Any cells in any order: text cells next to each other, empty or blank ones too. */
const markdownCell = fc.oneof(markdownSource, fc.constantFrom('', ' ', '\n\n')).map((source): Cell => ({ kind: 'markdown', source }));
const notebook: fc.Arbitrary<Notebook> = fc
  .tuple(frontMatter, fc.array(fc.oneof(markdownCell, codeCell), { maxLength: 8 }))
  .map(([fm, cells]) => (fm === undefined ? { cells } : { frontMatter: fm, cells }));

describe('the *.seg.md format', () => {
  it('reads back every notebook it writes, and writes the same bytes again', () => {
    fc.assert(
      fc.property(notebook, (nb) => {
        const text = writeNotebook(nb);
        const read = parseNotebook(text);
        expect(read).toEqual(nb);
        expect(writeNotebook(read)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('gives every conformance case file back byte for byte, and its front matter on its own', () => {
    const files = readdirSync(CASES).filter((f) => f.endsWith('.seg.md'));
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const text = readFileSync(join(CASES, file), 'utf8');
      expect(writeNotebook(parseNotebook(text)), file).toBe(text);
      expect(frontMatterOf(text), file).toBe(parseNotebook(text).frontMatter);
    }
    expect(frontMatterOf('---\r\ntitle: t\r\n---\r\n# x\r\n')).toBe('title: t\n');
    expect(frontMatterOf('# no front matter\n---\n')).toBeUndefined();
  });

  it('numbers cells in file order, Markdown included, and skips blank text between code cells', () => {
    const nb = parseNotebook('---\ntitle: t\n---\n\n# Intro\n\n```SEG\na\n```\n\n\n```Sql  Top\nselect 1\n```\ntext\n```python\nx\n```\n');
    expect(nb.frontMatter).toBe('title: t\n');
    expect(nb.cells).toEqual([
      { kind: 'markdown', source: '# Intro' },
      { kind: 'seg', source: 'a' },
      { kind: 'sql', source: 'select 1', name: 'Top' },
      { kind: 'markdown', source: 'text\n```python\nx\n```' },
    ]);
  });

  it('reads fences only at the top level, with Windows line ends, and without front matter', () => {
    const nb = parseNotebook('> ```seg\r\n> quoted\r\n> ```\r\n\r\n~~~sql\r\nselect 2\r\n~~~\r\n');
    expect(nb.frontMatter).toBeUndefined();
    expect(nb.cells).toEqual([
      { kind: 'markdown', source: '> ```seg\n> quoted\n> ```' },
      { kind: 'sql', source: 'select 2' },
    ]);
  });

  it('reads code the way markdown-it renders it: a NUL character becomes U+FFFD, inline Markdown is left as written', () => {
    const nb = parseNotebook('Some **bold** `code` and [a link](x)\n\n```seg\nsegment a\u0000b = x > 1\n```\n');
    expect(nb.cells).toEqual([
      { kind: 'markdown', source: 'Some **bold** `code` and [a link](x)' },
      { kind: 'seg', source: 'segment a\uFFFDb = x > 1' },
    ]);
  });

  it('writes a fence longer than any backtick run in the code', () => {
    const text = writeNotebook({ cells: [{ kind: 'seg', source: 'a\n```\nb' }] });
    expect(text).toBe('````seg\na\n```\nb\n````\n');
    expect(parseNotebook(text).cells).toEqual([{ kind: 'seg', source: 'a\n```\nb' }]);
  });

  it('keeps a text cell with a fence it never closes, or a ```seg example, or next to another text cell, as that one text cell', () => {
    const cells: Cell[] = [
      { kind: 'markdown', source: '# Notes' },
      { kind: 'markdown', source: 'TODO: ask Sam about this query:\n```\nselect * from x' },
      { kind: 'seg', source: 'segment active = true' },
      { kind: 'markdown', source: 'Try this:\n\n```seg\nsegment big = spend > 1000\n```' },
      { kind: 'sql', source: 'select 1', name: 'one' },
    ];
    const text = writeNotebook({ cells });
    expect(text).toBe(
      '# Notes\n\n<!-- segbook: text cell -->\nTODO: ask Sam about this query:\n```\nselect * from x\n<!-- segbook: end of text cell -->\n\n' +
        '```seg\nsegment active = true\n```\n\n<!-- segbook: text cell -->\nTry this:\n\n```seg\nsegment big = spend > 1000\n```\n<!-- segbook: end of text cell -->\n\n```sql one\nselect 1\n```\n',
    );
    expect(parseNotebook(text).cells).toEqual(cells);
  });

  it('writes text cells that read back as themselves as plain Markdown, other fences included', () => {
    const cells: Cell[] = [{ kind: 'markdown', source: 'An example:\n\n```python\nprint(1)\n```' }, { kind: 'seg', source: 'asof 2024-06-30' }];
    expect(writeNotebook({ cells })).toBe('An example:\n\n```python\nprint(1)\n```\n\n```seg\nasof 2024-06-30\n```\n');
  });
});
