// Fuzzing the compiler the way CI can afford: random and mutated SegQL, including 2 kB inputs and
// pathological nesting, through everything the editor and the runner call. No input may throw,
// take a second, or yield a diagnostic whose position is outside its text or disagrees with it.
// properties.test.ts covers short random strings and edits of one sample; this file goes wider:
// every corpus program and notebook cell, whole notebooks, token soup and large inputs.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProgram, checkCell, compileCell, completeAt, hoverAt, keywordTokens, type Diagnostic } from '../../src/lang/index.ts';
import { positionOf } from '../../src/lang/span.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { ASOF, retailCatalog } from './fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Per input, in CPU time: parse, check and compile every cell, complete and hover once. */
const INPUT_BUDGET_MS = 1000;
/** Per property, so the whole file stays near ten seconds on a busy machine. */
const PROPERTY_BUDGET_MS = 2500;

function filesUnder(dir: string, suffix: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => fs.readFileSync(path.join(ROOT, dir, f), 'utf8'));
}

const notebookTexts = filesUnder('notebooks', '.seg.md');
const corpus = [
  ...filesUnder('test/corpus', '.seg'),
  ...notebookTexts.flatMap((text) => parseNotebook(text).cells.filter((c) => c.kind === 'seg').map((c) => c.source)),
];

const VOCABULARY = [
  ...keywordTokens.map((t) => t.name.toLowerCase()),
  'customers', 'orders', 'customer_id', 'amount', 'order_date', 'country', 'orders.amount', 'everyone',
  'sum', 'avg', 'count', 'max', 'quantile', 'days_since', 'size', 'pct', 'median',
  '(', ')', '{', '}', ',', '.', ':', ';', '%', '=', '<>', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/',
  "'US'", "'", '"', '`x`', '"Annual Income (k$)"', '2024-06-30', '2024-13-45', '90 days', '1 month', '1e3', '0.5', '-1',
  '--', '/*', '*/', '\n', '\r\n', '\r', '\t', 'ü', '𝔘', '\u2028', '\u0000', '\ufeff',
];
const token = fc.constantFrom(...VOCABULARY);

/** Sequences of SegQL's own words and symbols: closer to grammar than random characters. */
const tokenSoup = fc.array(fc.tuple(token, fc.constantFrom(' ', '', '\n', '  ')), { maxLength: 400 }).map((parts) => parts.flat().join(''));

type Edit = { at: number; length: number; kind: 'delete' | 'insert' | 'duplicate' | 'splice' | 'upper'; word: string; other: number };
const edit = fc.record<Edit>({
  at: fc.nat(),
  length: fc.nat(40),
  kind: fc.constantFrom('delete', 'insert', 'duplicate', 'splice', 'upper'),
  word: token,
  other: fc.nat(),
});

function applyEdit(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  const end = Math.min(text.length, at + e.length);
  switch (e.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(end);
    case 'insert':
      return text.slice(0, at) + e.word + text.slice(at);
    case 'duplicate':
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    case 'splice': {
      const donor = corpus[e.other % corpus.length]!;
      const from = e.other % (donor.length + 1);
      return text.slice(0, at) + donor.slice(from, from + e.length) + text.slice(at);
    }
    case 'upper':
      return text.slice(0, at) + text.slice(at, end).toUpperCase() + text.slice(end);
  }
}

/** A real program with a few edits: what a cell looks like while someone types. */
const mutatedProgram = fc
  .tuple(fc.constantFrom(...corpus), fc.array(edit, { minLength: 1, maxLength: 8 }))
  .map(([text, edits]) => edits.reduce(applyEdit, text));

/** Around 2 kB: real programs run together and then edited. */
const largeProgram = fc
  .tuple(fc.array(fc.constantFrom(...corpus), { minLength: 4, maxLength: 12 }), fc.array(edit, { maxLength: 12 }))
  .map(([texts, edits]) => edits.reduce(applyEdit, texts.join('\n').slice(0, 2200)));

/** Deep nesting and long chains, where recursive parsers and checkers run out of stack. */
const pathological = fc
  .tuple(
    fc.constantFrom(
      (n: number) => '('.repeat(n) + 'age > 1' + ')'.repeat(n),
      (n: number) => '('.repeat(n),
      (n: number) => ')'.repeat(n) + '('.repeat(n),
      (n: number) => 'abs('.repeat(n) + '1' + ')'.repeat(n),
      (n: number) => 'case when age > 1 then '.repeat(n) + '1' + ' end'.repeat(n),
      (n: number) => '{'.repeat(n),
      (n: number) => 'not '.repeat(n) + 'age > 1',
      (n: number) => '- '.repeat(n) + '1',
      (n: number) => Array(n).fill('age > 1').join(' and '),
      (n: number) => Array(n).fill('1').join(' + '),
    ),
    fc.integer({ min: 1, max: 1000 }),
    fc.constantFrom('segment s = ', 'let x = ', 'compare everyone on avg(', 'partition p { a: ', ''),
  )
  .map(([make, n, prefix]) => `population customers key customer_id\n${prefix}${make(n)}`.slice(0, 2100));

function expectPlaced(diagnostics: readonly Diagnostic[], text: string): void {
  for (const d of diagnostics) {
    expect(d.message.length, d.code).toBeGreaterThan(0);
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
    expect(d.span.end).toBeLessThanOrEqual(text.length);
    expect({ line: d.span.line, column: d.span.column }, `${d.code}: ${d.message}`).toEqual(positionOf(text, d.span.start));
  }
}

/** CPU milliseconds this process has spent: unlike the wall clock, not stretched by other work on a shared machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Everything a cell goes through in the editor and the runner, timed; cells is the notebook. */
function exercise(cells: string[], probe: number): void {
  const started = cpuMs();
  const program = buildProgram(cells.map((source, index) => ({ index, source })));
  cells.forEach((text, cell) => {
    expectPlaced(checkCell(program, cell, retailCatalog), text);
    const compiled = compileCell(program, cell, retailCatalog, { asof: ASOF });
    expectPlaced(compiled.diagnostics, text);
    for (const statement of compiled.statements) expect(typeof statement.sql).toBe('string');
  });
  const last = cells.length - 1;
  const at = probe % (cells[last]!.length + 1);
  completeAt(program, last, at, retailCatalog);
  hoverAt(program, last, at, retailCatalog);
  const ms = cpuMs() - started;
  expect(ms, `${cells.map((c) => c.length).join('+')} characters took ${Math.round(ms)} ms of CPU`).toBeLessThan(INPUT_BUDGET_MS);
}

const bounded = (numRuns: number) => ({ numRuns, interruptAfterTimeLimit: PROPERTY_BUDGET_MS });

describe('fuzzing: no input makes the compiler throw, hang or misplace a diagnostic', () => {
  it('has a corpus to mutate', () => {
    expect(corpus.length).toBeGreaterThan(20);
  });

  it('on random text up to 2 kB, any characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), fc.nat(), (text, probe) => exercise([text], probe)), bounded(60));
  });

  it('on token soup: SegQL words and symbols in random order', () => {
    fc.assert(fc.property(tokenSoup, fc.nat(), (text, probe) => exercise([text], probe)), bounded(300));
  });

  it('on mutated corpus programs and notebook cells, after the cells that define their names', () => {
    fc.assert(
      fc.property(mutatedProgram, fc.constantFrom(...corpus), fc.nat(), (text, before, probe) => exercise([before, text], probe)),
      bounded(300),
    );
  });

  it('on 2 kB programs, each within a second', () => {
    fc.assert(fc.property(largeProgram, fc.nat(), (text, probe) => exercise([text], probe)), bounded(60));
  });

  it('on deep nesting and long chains', () => {
    fc.assert(fc.property(pathological, fc.nat(), (text, probe) => exercise([text], probe)), bounded(100));
  });

  it('says where nesting goes too deep, instead of running out of stack', () => {
    const text = 'population customers key customer_id\nsegment s = ' + '('.repeat(1000) + 'age > 1' + ')'.repeat(1000);
    const compiled = compileCell(buildProgram([{ index: 0, source: text }]), 0, retailCatalog, { asof: ASOF });
    expect(compiled.diagnostics.map((d) => d.message)).toEqual([
      'this nests more than 100 deep (parentheses, braces, case, not or signs): write it in steps, with lets',
    ]);
    expect(compiled.diagnostics[0]!.span.start).toBe(text.indexOf('(') + 100);
  });

  it.each([
    ['and', (n: number) => `segment s = ${Array(n).fill('age > 1').join(' and ')}`, 'this expression is more than 500 operators deep: write it in steps, with lets, or as a list with in (…)'],
    ['+', (n: number) => `let x = ${Array(n).fill('1').join(' + ')}`, 'this expression is more than 500 operators deep: write it in steps, with lets, or as a list with in (…)'],
    ['not', (n: number) => `segment s = ${'not '.repeat(n)}age > 1`, 'this nests more than 100 deep (parentheses, braces, case, not or signs): write it in steps, with lets'],
    ['unary minus', (n: number) => `let x = ${'- '.repeat(n)}1`, 'this nests more than 100 deep (parentheses, braces, case, not or signs): write it in steps, with lets'],
  ])('says where a chain of %s goes too deep, instead of running out of stack', (_, chain, message) => {
    const fine = `population customers key customer_id\n${chain(90)}`;
    expect(compileCell(buildProgram([{ index: 0, source: fine }]), 0, retailCatalog, { asof: ASOF }).diagnostics).toEqual([]);
    const text = `population customers key customer_id\n${chain(5000)}`;
    const program = buildProgram([{ index: 0, source: text }]);
    const compiled = compileCell(program, 0, retailCatalog, { asof: ASOF });
    expect(compiled.diagnostics.map((d) => d.message)).toEqual([message]);
    expectPlaced(compiled.diagnostics, text);
    expectPlaced(checkCell(program, 0, retailCatalog), text);
    completeAt(program, 0, text.length, retailCatalog);
  });

  it('on whole mutated notebooks: the file format and every cell', () => {
    const notebook = fc
      .tuple(fc.constantFrom(...notebookTexts), fc.array(edit, { minLength: 1, maxLength: 10 }))
      .map(([text, edits]) => edits.reduce(applyEdit, text));
    fc.assert(
      fc.property(notebook, fc.nat(), (text, probe) => {
        const cells = parseNotebook(text).cells.filter((c) => c.kind === 'seg').map((c) => c.source);
        if (cells.length > 0) exercise(cells, probe);
      }),
      bounded(40),
    );
  });
});
