import { Lexer, type IToken } from 'chevrotain';
import { allTokens, markKeywords } from './tokens.ts';
import { error, type Diagnostic } from './diagnostics.ts';
import { spanOfRange } from './span.ts';

/** Checking the token definitions halves the lexer's start; test/lang/grammar-valid.test.ts checks them once instead. */
export const LEXER_CONFIG = { positionTracking: 'full', ensureOptimizations: false } as const;
let segqlLexer: Lexer | undefined;

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
}

/** Signs pasted from documents that SegQL writes with ASCII, as SQL does. */
const ASCII_FOR: Record<string, string> = {
  '≥': '>=', '≤': '<=', '≠': '!=', '−': '-', '×': '*', '÷': '/', '‘': "'", '’': "'", '“': '"', '”': '"',
  // Other languages' operators, as SQL spells them.
  '&': 'and', '|': 'or',
};

const UNCLOSED: Record<string, string> = { "'": "text in quotes ('…')", '"': 'text in quotes ("…")', '`': 'name in backticks (`…`)' };

/** The word of letters, digits and underscores around a letter the lexer did not read (`ñ` in `ñandú`). */
function wordAround(source: string, offset: number): { text: string; start: number; end: number } | undefined {
  if (!/\p{L}/u.test(source[offset]!)) return undefined;
  let start = offset;
  let end = offset + 1;
  while (start > 0 && /[\p{L}\p{N}_]/u.test(source[start - 1]!)) start--;
  while (end < source.length && /[\p{L}\p{N}_]/u.test(source[end]!)) end++;
  return { text: source.slice(start, end), start, end };
}

/** Where the word's first letter beyond a–z is: the lexer reports each, and the word is reported once, there. */
function firstForeignLetter(source: string, word: { start: number; end: number }): number {
  for (let i = word.start; i < word.end; i++) if (!/[A-Za-z0-9_]/.test(source[i]!)) return i;
  return word.start;
}

/** Whether `offset` is inside or at the end of a `[name]` on its line, which is reported whole already (`$` in `[Income (k$)]`). */
function insideBracketedName(source: string, offset: number): boolean {
  const before = source.slice(source.lastIndexOf('\n', offset - 1) + 1, offset);
  return /\[[^\]]*$/.test(before) && /^[^\n[]*\]/.test(source.slice(offset));
}

export function lex(source: string): LexResult {
  segqlLexer ??= new Lexer(allTokens, { ...LEXER_CONFIG, skipValidations: true });
  const result = segqlLexer.tokenize(source);
  markKeywords(result.tokens);
  const diagnostics = result.errors.flatMap((e) => {
    const text = source.slice(e.offset, e.offset + e.length);
    const quote = UNCLOSED[text[0]!];
    // A quote the lexer could not match is one never closed; the rest of the line is read as code.
    if (quote) return error('unclosed-quote', `this ${quote} is never closed: end it with ${text[0]}`, spanOfRange(source, e.offset, e.offset + 1));
    const bracketed = text[0] === '[' ? /^\[([^\]\n]+)\]/.exec(source.slice(e.offset)) : null;
    // `[Annual Income]`, as SQL Server writes a name: said once, at the opening bracket.
    if (bracketed) return error('unexpected-character', `a name is written in backticks, not brackets: \`${bracketed[1]}\``, spanOfRange(source, e.offset, e.offset + bracketed[0].length));
    if (insideBracketedName(source, e.offset)) return [];
    const word = wordAround(source, e.offset);
    // `ñandú`: said once for the word, at its first letter beyond a–z.
    if (word) return e.offset !== firstForeignLetter(source, word) ? [] : error('unexpected-character', `a name with letters beyond a–z is written in backticks: \`${word.text}\``, spanOfRange(source, word.start, word.end));
    const ascii = ASCII_FOR[text[0]!];
    const hint = ascii ? `: write ${ascii}` : '';
    return error('unexpected-character', `unexpected character '${text}'${hint}`, spanOfRange(source, e.offset, e.offset + e.length));
  });
  for (const t of result.groups.unclosed ?? []) {
    diagnostics.push(error('unclosed-comment', 'this /* comment is never closed: end it with */', spanOfRange(source, t.startOffset, t.startOffset + 2)));
  }
  return { tokens: result.tokens, comments: result.groups.comments ?? [], diagnostics };
}
