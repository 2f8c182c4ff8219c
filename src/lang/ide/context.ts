import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostics.ts';
import { lex } from '../lexer.ts';
import * as T from '../tokens.ts';

/** Where the cursor is, in the terms completion and hover need. */
export interface CursorContext {
  /** Tokens of the current statement before the word under the cursor. */
  before: IToken[];
  /** The word under the cursor up to the cursor, if any, and where it starts. */
  prefix: string;
  prefixStart: number;
  /** Where that word ends: a completion chosen in the middle of a word replaces all of it. */
  wordEnd: number;
  /** All tokens of the cell. */
  tokens: IToken[];
  /** The cursor is inside text in quotes or a comment, where no keyword or name belongs. */
  inTextOrComment: boolean;
  /** The cursor is in or right after a number or date: what is typed there is more of it. */
  inNumber: boolean;
}

const STATEMENT_STARTS = new Set([
  T.Population, T.Link, T.Let, T.Segment, T.Partition, T.Split, T.Compare, T.Overlap, T.Profile, T.Trend, T.Show, T.Expect,
]);

export function cursorContext(source: string, offset: number): CursorContext {
  const { tokens, comments, diagnostics } = lex(source);
  const beforeCursor = tokens.filter((t) => (t.endOffset ?? t.startOffset) < offset);
  let prefix = '';
  let prefixStart = offset;
  let wordEnd = offset;
  const last = beforeCursor[beforeCursor.length - 1];
  const inside = tokens.find((t) => t.startOffset < offset && offset <= (t.endOffset ?? t.startOffset) && isWord(t));
  if (inside) {
    prefix = source.slice(inside.startOffset, offset);
    prefixStart = inside.startOffset;
    wordEnd = (inside.endOffset ?? inside.startOffset) + 1;
  } else if (last && (last.endOffset ?? last.startOffset) + 1 === offset && isWord(last)) {
    beforeCursor.pop();
    prefix = last.image;
    prefixStart = last.startOffset;
  }
  let start = 0;
  beforeCursor.forEach((t, i) => {
    if (t.tokenType === T.Semicolon) start = i + 1;
    else if (STATEMENT_STARTS.has(t.tokenType) || (t.tokenType === T.Asof && beforeCursor[i + 1]?.tokenType === T.DateLiteral)) start = i;
  });
  const inNumber = tokens.some((t) => (t.tokenType === T.NumberLiteral || t.tokenType === T.DateLiteral) && t.startOffset < offset && offset <= (t.endOffset ?? t.startOffset) + 1);
  return { before: beforeCursor.slice(start), prefix, prefixStart, wordEnd, tokens, inTextOrComment: inTextOrComment(source, offset, tokens, comments, diagnostics), inNumber };
}

function inTextOrComment(source: string, offset: number, tokens: IToken[], comments: IToken[], diagnostics: Diagnostic[]): boolean {
  const within = (t: IToken, endSlack: number) => t.startOffset < offset && offset <= (t.endOffset ?? t.startOffset) + endSlack;
  if (tokens.some((t) => t.tokenType === T.StringLiteral && within(t, 0))) return true;
  // A line comment runs to the end of its line, so the cursor just past it is still inside.
  if (comments.some((t) => within(t, t.tokenType === T.LineComment ? 1 : 0))) return true;
  return diagnostics.some(
    (d) => (d.code === 'unclosed-comment' || d.code === 'unclosed-quote') && d.span.start < offset && (d.code === 'unclosed-comment' || !source.slice(d.span.start, offset).includes('\n')),
  );
}

function isWord(t: IToken): boolean {
  return t.tokenType === T.Identifier || t.tokenType === T.QuotedIdentifier || /^[A-Za-z_]/.test(t.image);
}

/** The innermost call whose parenthesis is still open before the cursor, if any. */
export function openCall(before: IToken[]): string | undefined {
  const paren = openParen(before);
  const callee = paren === undefined ? undefined : before[paren - 1];
  return callee?.tokenType === T.Identifier ? callee.image.toLowerCase() : undefined;
}

/**
 * The nearest call still open before the cursor whose callee `isAggregate` says is an aggregate,
 * with its first argument: `count` and `orders` in `count(orders where lower(channel|`.
 */
export function enclosingAggregate(before: IToken[], isAggregate: (name: string) => boolean): { callee: string; argument: IToken | undefined } | undefined {
  for (const paren of openParens(before)) {
    const callee = before[paren - 1];
    if (callee?.tokenType === T.Identifier && isAggregate(callee.image.toLowerCase())) return { callee: callee.image.toLowerCase(), argument: before[paren + 1] };
  }
  return undefined;
}

/** Where the innermost parenthesis still open before the cursor is. */
function openParen(before: IToken[]): number | undefined {
  return openParens(before).next().value ?? undefined;
}

/** The parentheses still open before the cursor, innermost first. */
function* openParens(before: IToken[]): Generator<number> {
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const t = before[i]!;
    if (t.tokenType === T.RParen) depth++;
    else if (t.tokenType === T.LParen) {
      if (depth === 0) yield i;
      else depth--;
    }
  }
}

export function nameOf(t: IToken): string {
  return t.tokenType === T.QuotedIdentifier ? t.image.slice(1, -1).split('``').join('`') : t.image;
}
