import { Lexer } from 'chevrotain';
import { describe, expect, test } from 'vitest';
import { highlightClassOf, highlightLine, INITIAL_LINE_STATE, type HighlightClass, type LineState } from '../../src/editor/segql-highlight.ts';
import { allTokens, keywordTokens } from '../../src/lang/tokens.ts';

/** The line cut into [text, class] pairs, white space left out. */
function pieces(line: string, state: LineState = INITIAL_LINE_STATE): [string, HighlightClass][] {
  const { tokens } = highlightLine(line, state);
  return tokens
    .map((t, i): [string, HighlightClass] => [line.slice(t.start, tokens[i + 1]?.start ?? line.length).trimEnd(), t.className])
    .filter(([text, className]) => className !== '' && text !== '');
}

/** Highlights consecutive lines as Monaco does, threading the state. */
function highlightLines(lines: string[]): { pieces: [string, HighlightClass][]; end: LineState } {
  let state = INITIAL_LINE_STATE;
  const out: [string, HighlightClass][] = [];
  for (const line of lines) {
    out.push(...pieces(line, state));
    state = highlightLine(line, state).state;
  }
  return { pieces: out, end: state };
}

describe('SegQL highlighting from the lexer', () => {
  test('every token the lexer can produce has a class', () => {
    const produced = allTokens.filter((t) => t.PATTERN !== Lexer.NA && t.GROUP !== Lexer.SKIPPED);
    expect(produced.filter((t) => highlightClassOf(t) === undefined).map((t) => t.name)).toEqual([]);
  });

  test.each(keywordTokens.map((t) => t.name.toLowerCase()))('the keyword %s is a keyword, in any case', (word) => {
    expect(pieces(word)).toEqual([[word, 'keyword']]);
    expect(pieces(word.toUpperCase())).toEqual([[word.toUpperCase(), 'keyword']]);
    expect(pieces(`${word}_x`)).toEqual([[`${word}_x`, 'identifier']]);
  });

  test('a segment definition tokenizes as the lexer reads it', () => {
    expect(pieces("segment big_us = country = 'US' and sum(orders.amount within 90 days) >= 1_000 -- note")).toEqual([
      ['segment', 'keyword'],
      ['big_us', 'identifier'],
      ['=', 'operator'],
      ['country', 'identifier'],
      ['=', 'operator'],
      ["'US'", 'string'],
      ['and', 'keyword'],
      ['sum', 'function'],
      ['(', 'delimiter.parenthesis'],
      ['orders', 'identifier'],
      ['.', 'delimiter'],
      ['amount', 'identifier'],
      ['within', 'keyword'],
      ['90', 'number'],
      ['days', 'identifier'],
      [')', 'delimiter.parenthesis'],
      ['>=', 'operator'],
      ['1_000', 'number'],
      ['-- note', 'comment'],
    ]);
  });

  test('dates, backticked names, double-quoted strings, and a function name used as a column', () => {
    expect(pieces('let `Annual Income (k$)` = days_since(2024-06-30) + count - "it""s"')).toEqual([
      ['let', 'keyword'],
      ['`Annual Income (k$)`', 'identifier.quoted'],
      ['=', 'operator'],
      ['days_since', 'function'],
      ['(', 'delimiter.parenthesis'],
      ['2024-06-30', 'number.date'],
      [')', 'delimiter.parenthesis'],
      ['+', 'operator'],
      ['count', 'identifier'],
      ['-', 'operator'],
      ['"it""s"', 'string'],
    ]);
  });

  test('a block comment over several lines carries its state', () => {
    const { pieces: out, end } = highlightLines(['segment a = /* starts', 'still a comment', 'ends */ age > 3']);
    expect(out).toEqual([
      ['segment', 'keyword'],
      ['a', 'identifier'],
      ['=', 'operator'],
      ['/* starts', 'comment'],
      ['still a comment', 'comment'],
      ['ends */', 'comment'],
      ['age', 'identifier'],
      ['>', 'operator'],
      ['3', 'number'],
    ]);
    expect(end).toEqual(INITIAL_LINE_STATE);
    expect(pieces('a /* closed */ b')).toEqual([['a', 'identifier'], ['/* closed */', 'comment'], ['b', 'identifier']]);
  });

  test('a string left open runs to the end of the line and closes on a later one', () => {
    const { pieces: out, end } = highlightLines(["segment s = country = 'U", "S' and age > 3"]);
    expect(out).toEqual([
      ['segment', 'keyword'],
      ['s', 'identifier'],
      ['=', 'operator'],
      ['country', 'identifier'],
      ['=', 'operator'],
      ["'U", 'string'],
      ["S'", 'string'],
      ['and', 'keyword'],
      ['age', 'identifier'],
      ['>', 'operator'],
      ['3', 'number'],
    ]);
    expect(end).toEqual(INITIAL_LINE_STATE);
  });

  test('a character the lexer rejects is invalid; tokens always start at column 0', () => {
    expect(pieces('age ? 3')).toEqual([['age', 'identifier'], ['?', 'invalid'], ['3', 'number']]);
    expect(highlightLine('  age', INITIAL_LINE_STATE).tokens[0]).toEqual({ start: 0, className: '' });
    expect(highlightLine('', INITIAL_LINE_STATE).tokens).toEqual([]);
  });
});
