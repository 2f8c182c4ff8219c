import { Lexer } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { LEXER_CONFIG } from '../../src/lang/lexer.ts';
import { SegqlParser } from '../../src/lang/parser.ts';
import { allTokens } from '../../src/lang/tokens.ts';

/** The app builds its lexer and parser without Chevrotain's checks (they cost start-up time); here they run. */
describe('the grammar as Chevrotain checks it', () => {
  it('the token definitions make a valid lexer', () => {
    const lexer = new Lexer(allTokens, { ...LEXER_CONFIG, skipValidations: false });
    expect(lexer.lexerDefinitionErrors).toEqual([]);
  });

  it('the grammar has no ambiguity, left recursion or other definition error', () => {
    // performSelfAnalysis throws "Parser Definition Errors detected" when the grammar has any.
    expect(() => new SegqlParser(true)).not.toThrow();
  });
});
