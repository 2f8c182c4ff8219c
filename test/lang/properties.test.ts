import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProgram, compileCell, completeAt, hoverAt, parseCell } from '../../src/lang/index.ts';
import { ASOF, retailCatalog } from './fixtures.ts';

const SAMPLE = `population customers key customer_id
link orders on customer_id time order_date
let spend = sum(orders.amount where channel = 'web' within 90 days)
let r = quantile(5, days_since(max(orders.order_date)) desc)
partition tier { gold: spend >= 2500  rest: otherwise }
segment big = spend > 1000 and country in ('US', 'DE') or tier.gold
split ab = big into a 50%, b 50%
compare big, tier, ab on avg(spend), pct(r >= 4) by country
overlap big, tier.gold
profile big vs everyone
trend big every 1 month from 2024-01-31 to 2024-04-30
show big limit 5
expect size(big) > 3`;

/** Random edits of a valid program: the shapes of text an analyst has mid-typing. */
const mutatedProgram = fc
  .array(
    fc.record({
      at: fc.nat(SAMPLE.length),
      cut: fc.nat(12),
      insert: fc.constantFrom('', '(', ')', "'", '"', '`', '.', ',', '{', '}', ':', '%', '--', '/*', ' and ', ' where ', '2024-13-45', '1e', '_', '\n', 'ü', '\u0000'),
    }),
    { maxLength: 6 },
  )
  .map((edits) => edits.reduce((text, e) => text.slice(0, e.at) + e.insert + text.slice(e.at + e.cut), SAMPLE));

describe('the parser and compiler never throw', () => {
  it('on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const parsed = parseCell(text);
        for (const d of parsed.diagnostics) expect(d.span.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('on mutated programs, and every diagnostic has a position inside the cell', () => {
    fc.assert(
      fc.property(mutatedProgram, fc.nat(), (text, offset) => {
        const program = buildProgram([{ index: 0, source: text }]);
        const compiled = compileCell(program, 0, retailCatalog, { asof: ASOF });
        for (const d of compiled.diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(text.length + 1);
          expect(d.span.line).toBeGreaterThanOrEqual(1);
          expect(d.span.column).toBeGreaterThanOrEqual(1);
          expect(d.message.length).toBeGreaterThan(0);
        }
        const at = offset % (text.length + 1);
        completeAt(program, 0, at, retailCatalog);
        hoverAt(program, 0, at, retailCatalog);
      }),
      { numRuns: 300 },
    );
  });

  it('compiles the valid sample with no diagnostics', () => {
    const compiled = compileCell(buildProgram([{ index: 0, source: SAMPLE }]), 0, retailCatalog, { asof: ASOF });
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.statements.filter((s) => s.kind === 'result').map((s) => s.kind === 'result' && s.statement)).toEqual([
      'split', 'compare', 'overlap', 'profile', 'trend', 'show', 'expect',
    ]);
  });
});

describe('number literals', () => {
  it('reach SQL with every digit of a whole number, beyond 2^53 too', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (n) => {
        const source = `population customers key customer_id\nsegment picked = customer_id = ${n}\nshow picked`;
        const compiled = compileCell(buildProgram([{ index: 0, source }]), 0, retailCatalog, { asof: ASOF });
        expect(compiled.diagnostics).toEqual([]);
        expect(compiled.statements.at(-1)!.sql).toMatch(new RegExp(`"customer_id" = ${n}\\b`));
      }),
      { numRuns: 200 },
    );
  });
});

describe('signs', () => {
  it('never put two minus signs side by side in SQL, where they would start a comment', () => {
    fc.assert(
      // Written apart: `--` in SegQL starts a comment too.
      fc.property(fc.array(fc.constantFrom('-', '-('), { minLength: 1, maxLength: 6 }), fc.constantFrom('age', '40', '2.5', '(age + 1)'), (signs, operand) => {
        const prefix = signs.join(' ');
        const closing = ')'.repeat((prefix.match(/\(/g) ?? []).length);
        const source = `population customers key customer_id\nlet x = ${prefix}${operand}${closing}\ncompare everyone on avg(x)`;
        const compiled = compileCell(buildProgram([{ index: 0, source }]), 0, retailCatalog, { asof: ASOF });
        expect(compiled.diagnostics).toEqual([]);
        expect(compiled.statements.at(-1)!.sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, '')).not.toContain('--');
      }),
      { numRuns: 200 },
    );
  });
});
