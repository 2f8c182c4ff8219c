/**
 * How deep a cell may nest before it is refused. The recursive-descent parser runs out of stack
 * near 850 levels (2 kB of parentheses) and content assist slows with depth (2.5 s at 1,000
 * levels); no analyst nests anywhere near 100.
 */
import type { IToken } from 'chevrotain';
import { Case, End, LBrace, LParen, Minus, Not, Plus, RBrace, RParen } from './tokens.ts';

export const MAX_NESTING = 100;

/** The first token where parentheses, braces, case expressions or a run of prefix operators go deeper than MAX_NESTING. */
export function firstTooDeep(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  let prefixes = 0;
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === LParen || type === LBrace || type === Case) depth++;
    else if (type === RParen || type === RBrace || type === End) depth = Math.max(0, depth - 1);
    prefixes = type === Not || type === Minus || type === Plus ? prefixes + 1 : 0;
    if (depth > MAX_NESTING || prefixes > MAX_NESTING) return token;
  }
  return undefined;
}
