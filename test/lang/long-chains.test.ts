import { describe, expect, it } from 'vitest';
import { buildProgram, compileCell } from '../../src/lang/index.ts';
import { ASOF, retailCatalog } from './fixtures.ts';

/**
 * The SQL generator walks definitions in steps (one CTE per depth), not by recursion: a chain of
 * thousands of definitions, each using the one before, compiles. DuckDB itself refuses such a
 * query past 1,000 steps with its own message (SECURITY.md).
 */
function chain(count: number, define: (i: number) => string, last: string): string {
  return ['population customers key customer_id', ...Array.from({ length: count }, (_, i) => define(i)), last].join('\n');
}

describe('long chains of definitions', () => {
  it.each([
    ['lets', chain(4000, (i) => (i === 0 ? 'let s0 = age' : `let s${i} = s${i - 1} + 1`), 'segment last = s3999 > 3\nshow last limit 3')],
    ['segments', chain(4000, (i) => (i === 0 ? 'segment s0 = age > 30' : `segment s${i} = s${i - 1} and age > ${i % 50}`), 'show s3999 limit 3')],
  ])('a chain of 4,000 %s compiles to SQL without running out of stack', (_, source) => {
    const compiled = compileCell(buildProgram([{ index: 0, source }]), 0, retailCatalog, { asof: ASOF });
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.statements.at(-1)?.sql).toMatch(/LIMIT 3$/);
  });
});

describe('segment views', () => {
  const views = (source: string) =>
    Object.fromEntries(compileCell(buildProgram([{ index: 0, source }]), 0, retailCatalog, { asof: ASOF }).statements.flatMap((s) => (s.kind === 'view' ? [[s.name, s.sql]] : [])));

  it("compute the segments their own condition reads, not the notebook's others", () => {
    const sql = views("population customers key customer_id\nsegment older = age > 50\nsegment german = country = 'DE'\nsegment older_germans = older and german");
    expect(sql.older).not.toContain('"german"');
    expect(sql.german).not.toContain('"older"');
    expect(sql.older_germans).toContain('AS "older"');
    expect(sql.older_germans).toContain('AS "german"');
  });

  it('deeper than 32 steps (a long chain) share the one pipeline that holds every step', () => {
    const sql = views(chain(40, (i) => (i === 0 ? 'segment s0 = age > 30' : `segment s${i} = s${i - 1} and age > ${i}`), 'segment apart = age < 20'));
    expect(sql.s3).not.toContain('"s4"');
    expect(sql.s39).toContain('AS "s39"');
    expect(sql.s39).toContain('AS "apart"');
  });
});
