import { Lexer, type IToken, type TokenType } from 'chevrotain';
import { ALL_FUNCTION_NAMES } from '../lang/check/functions.ts';
import * as T from '../lang/tokens.ts';

/**
 * SegQL highlighting from the compiler's own lexer (src/lang/tokens.ts), one line at a time as
 * Monaco asks for it. The only state carried between lines is a block comment or a string that
 * is still open, so a line is coloured exactly as the lexer reads it. Pure: runs in Node.
 */

/** Monaco token classes; themes colour them (see themes.ts). '' is white space. */
export type HighlightClass =
  | 'keyword'
  | 'identifier'
  | 'identifier.quoted'
  | 'function'
  | 'string'
  | 'number'
  | 'number.date'
  | 'comment'
  | 'operator'
  | 'delimiter'
  | 'delimiter.parenthesis'
  | 'delimiter.curly'
  | 'invalid'
  | '';

export interface HighlightToken {
  /** 0-based column where the token starts; it runs to the next token's start. */
  start: number;
  className: HighlightClass;
}

/** What an earlier line left open: a block comment or a string with this quote. */
export type LineState = { open?: 'comment' | "'" | '"' };

export const INITIAL_LINE_STATE: LineState = {};

/** The compiler's token definitions; every group is kept, since comments live in groups of their own. */
const lineLexer = new Lexer(T.allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false });

const OPERATOR_CATEGORIES = [T.ComparisonOperator, T.AdditiveOperator, T.MultiplicativeOperator];

const CLASS_BY_TOKEN = new Map<TokenType, HighlightClass>([
  [T.LineComment, 'comment'],
  [T.BlockComment, 'comment'],
  [T.UnclosedComment, 'comment'],
  [T.Identifier, 'identifier'],
  [T.QuotedIdentifier, 'identifier.quoted'],
  [T.StringLiteral, 'string'],
  [T.NumberLiteral, 'number'],
  [T.DateLiteral, 'number.date'],
  [T.LParen, 'delimiter.parenthesis'],
  [T.RParen, 'delimiter.parenthesis'],
  [T.LBrace, 'delimiter.curly'],
  [T.RBrace, 'delimiter.curly'],
  [T.Comma, 'delimiter'],
  [T.Dot, 'delimiter'],
  [T.Colon, 'delimiter'],
  [T.Semicolon, 'delimiter'],
]);

const FUNCTION_NAMES = new Set(ALL_FUNCTION_NAMES.map((name) => name.toLowerCase()));

/** The class of a token type the lexer produces; undefined means the table above lacks it. */
export function highlightClassOf(type: TokenType): HighlightClass | undefined {
  const categories = type.CATEGORIES ?? [];
  if (categories.includes(T.KeywordCategory)) return 'keyword';
  if (OPERATOR_CATEGORIES.some((category) => categories.includes(category))) return 'operator';
  return CLASS_BY_TOKEN.get(type);
}

/** Colours one line (without its line break), given what the previous line left open. */
export function highlightLine(line: string, state: LineState): { tokens: HighlightToken[]; state: LineState } {
  const tokens: HighlightToken[] = [];
  let offset = 0;
  if (state.open) {
    tokens.push({ start: 0, className: state.open === 'comment' ? 'comment' : 'string' });
    const end = closingOffset(line, 0, state.open);
    if (end < 0) return { tokens, state };
    offset = end;
  }
  const lexed = lineLexer.tokenize(line.slice(offset));
  T.markKeywords(lexed.tokens);
  const found = [...lexed.tokens, ...Object.values(lexed.groups).flat()].sort((a, b) => a.startOffset - b.startOffset);
  const errors = lexed.errors.map((e) => ({ start: offset + e.offset, end: offset + e.offset + e.length }));
  let covered = offset;
  // Between tokens: white space, and whatever the lexer rejected.
  const fillTo = (start: number) => {
    let at = covered;
    for (const e of errors) {
      if (e.end <= at || e.start >= start) continue;
      if (e.start > at) push(tokens, at, '');
      push(tokens, Math.max(at, e.start), 'invalid');
      at = Math.min(e.end, start);
    }
    if (at < start) push(tokens, at, '');
  };

  // One pass over the tokens, and once more at the end of the line for a string left open there.
  for (let i = 0; i <= found.length; i++) {
    const token: IToken | undefined = found[i];
    const start = token ? offset + token.startOffset : line.length;
    const opened = openQuoteBefore(line, errors, covered, start);
    if (opened) {
      fillTo(opened.start);
      push(tokens, opened.start, 'string');
      return { tokens, state: { open: opened.quote } };
    }
    fillTo(start);
    if (!token) break;
    push(tokens, start, classOfToken(token, found[i + 1]));
    // An unclosed comment runs to the end of the cell: on to the next line.
    if (token.tokenType === T.UnclosedComment) return { tokens, state: { open: 'comment' } };
    covered = start + token.image.length;
  }
  return { tokens, state: INITIAL_LINE_STATE };
}

function classOfToken(token: IToken, next: IToken | undefined): HighlightClass {
  if (token.tokenType === T.Identifier && next?.tokenType === T.LParen && FUNCTION_NAMES.has(token.image.toLowerCase())) {
    return 'function';
  }
  return highlightClassOf(token.tokenType) ?? 'invalid';
}

/** A quote the lexer could not close on this line is an error that starts with the quote. */
function openQuoteBefore(
  line: string,
  errors: { start: number; end: number }[],
  from: number,
  to: number,
): { start: number; quote: "'" | '"' } | undefined {
  const error = errors.find((e) => e.start >= from && e.start < to && (line[e.start] === "'" || line[e.start] === '"'));
  return error ? { start: error.start, quote: line[error.start] as "'" | '"' } : undefined;
}

/** Where an open comment or string ends on this line (just after its closer), or -1. */
function closingOffset(line: string, from: number, open: 'comment' | "'" | '"'): number {
  if (open === 'comment') {
    const end = line.indexOf('*/', from);
    return end < 0 ? -1 : end + 2;
  }
  for (let i = from; i < line.length; i++) {
    if (line[i] !== open) continue;
    if (line[i + 1] === open) i++;
    else return i + 1;
  }
  return -1;
}

function push(tokens: HighlightToken[], start: number, className: HighlightClass): void {
  const last = tokens[tokens.length - 1];
  if (last && last.start === start) last.className = className;
  else if (!last || last.className !== className) tokens.push({ start, className });
}
