import { createTokenInstance, EOF, getLookaheadPaths, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { SegqlParser } from '../../src/lang/parser.ts';
import * as T from '../../src/lang/tokens.ts';

/**
 * `primary` picks its alternative from a table of its own rather than through OR (which, with a
 * GATE among the alternatives, tries them one by one). The table must pick what OR would: the
 * first alternative whose GATE passes and whose lookahead path the next tokens match.
 */
const parser = new SegqlParser();
const paths = getLookaheadPaths({
  occurrence: 0,
  rule: parser.getGAstProductions().primary!,
  prodType: 'Alternation',
  maxLookahead: 2,
});

const concrete = [...T.allTokens.filter((t) => !T.allTokens.some((c) => c.CATEGORIES?.includes(t))), EOF];
const words: Record<string, string[]> = { Identifier: ['x', 'Days', 'month'] };

function tokens(type: TokenType): IToken[] {
  return (words[type.name] ?? [type.name.toLowerCase()]).map((image) => createTokenInstance(type, image, 0, 0, 1, 1, 1, 1));
}

function startsDuration(sequence: IToken[]): boolean {
  const [, second, third] = sequence;
  return second!.tokenType === T.Identifier && /^(day|week|month|year)s?$/i.test(second!.image) && third?.tokenType !== T.LParen;
}

function orChoice(sequence: IToken[]): number | undefined {
  const index = paths.findIndex(
    (alternative, i) => (i !== 0 || startsDuration(sequence)) && alternative.some((path) => path.every((type, k) => sequence[k] !== undefined && tokenMatcher(sequence[k]!, type))),
  );
  return index < 0 ? undefined : index;
}

describe("primary's own lookahead", () => {
  it('picks the alternative OR would, for every first, second and third token', () => {
    const thirds = [T.LParen, T.Identifier, T.Comma].flatMap(tokens);
    let compared = 0;
    for (const first of concrete.flatMap(tokens)) {
      for (const second of concrete.flatMap(tokens)) {
        for (const third of thirds) {
          const sequence = [first, second, third];
          parser.input = sequence;
          expect(parser.primaryAlternative(), sequence.map((t) => t.image).join(' ')).toBe(orChoice(sequence));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });
});
