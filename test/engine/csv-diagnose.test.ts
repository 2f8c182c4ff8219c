import { describe, expect, it } from 'vitest';
import { alignedToTabs, findRaggedLine, firstLineFields, guessDelimiter, isWhitespaceAligned } from '../../src/engine/load/csv-diagnose.ts';

describe('findRaggedLine', () => {
  it('finds the first record with a different field count, counting physical lines', () => {
    expect(findRaggedLine('a,b\n1,2\n3,4,5\n', ',')).toEqual({ line: 3, expected: 2, found: 3 });
    expect(findRaggedLine('a,b\r\n1,2\r\n3\r\n', ',')).toEqual({ line: 3, expected: 2, found: 1 });
  });

  it('respects quotes, doubled quotes and newlines inside quotes', () => {
    expect(findRaggedLine('a,b\n"x, y",2\n"say ""hi"", then\nleave",3\n4,5\n', ',')).toBeUndefined();
    expect(findRaggedLine('a,b\n"two\nlines",2\n4,5,6\n', ',')).toEqual({ line: 4, expected: 2, found: 3 });
  });

  it('finds a quote that is never closed, unless the text is cut off', () => {
    expect(findRaggedLine('id,x\n1,2\n2,"open\n3,4\n', ',')).toEqual({ line: 3, unclosedQuote: true });
    expect(findRaggedLine('id,x\n1,2\n2,"open\n3,4\n', ',', 0, true)).toBeUndefined();
  });

  it('ignores blank lines, skipped lines and a cut-off last record', () => {
    expect(findRaggedLine('a,b\n\n1,2\n', ',')).toBeUndefined();
    expect(findRaggedLine('# note, with a comma, or two\na,b\n1,2\n', ',', 1)).toBeUndefined();
    expect(findRaggedLine('a,b\n1,2\n3', ',', 0, true)).toBeUndefined();
    expect(findRaggedLine('a;b;c\n1;2\n', ';')).toEqual({ line: 2, expected: 3, found: 2 });
  });
});

describe('delimiters and aligned columns', () => {
  it('guesses the delimiter the first line uses most', () => {
    expect(guessDelimiter('a;b;c,d\n')).toBe(';');
    expect(guessDelimiter('a\tb\n')).toBe('\t');
    expect(guessDelimiter('just words here\n')).toBeUndefined();
    expect(guessDelimiter('# skipped\nx|y\n', 1)).toBe('|');
    expect(firstLineFields('\nid,x,y\n1,2,3\n', ',')).toBe(3);
    expect(firstLineFields('Sales report\nid,x\n', ',')).toBe(1);
  });

  it('recognises white-space-aligned columns and turns them into tabs', () => {
    const text = ' id  date      cds\r\n 00001 19970101  1\r\n 00002 19970112  2\r\n';
    expect(isWhitespaceAligned(text)).toBe(true);
    expect(alignedToTabs(text)).toBe('id\tdate\tcds\n00001\t19970101\t1\n00002\t19970112\t2\n');
    expect(isWhitespaceAligned('one column\nper line here\n')).toBe(false);
    expect(isWhitespaceAligned('single\nwords\n')).toBe(false);
  });
});
