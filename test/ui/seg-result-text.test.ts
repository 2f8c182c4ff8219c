import { describe, expect, it } from 'vitest';
import { exportFileName, toCsv, toTsv } from '../../src/ui/seg-result-text.ts';

const table = {
  columns: ['segment', 'size', 'share', 'note'],
  rows: [
    ['tier.champions', 741, 0.247, 'says "hi", twice'],
    ['tab\there', 3, null, 'line\nbreak'],
    [' padded ', 0, 1, true],
  ],
};

describe('a result as text for other programs', () => {
  it('writes TSV with raw values, nulls empty, tabs and line breaks flattened', () => {
    expect(toTsv(table)).toBe('segment\tsize\tshare\tnote\ntier.champions\t741\t0.247\tsays "hi", twice\ntab here\t3\t\tline break\n padded \t0\t1\ttrue\n');
  });

  it('writes CSV (RFC 4180): quotes fields with commas, quotes, line breaks or edge spaces, CRLF lines', () => {
    expect(toCsv(table)).toBe('segment,size,share,note\r\ntier.champions,741,0.247,"says ""hi"", twice"\r\ntab\there,3,,"line\nbreak"\r\n" padded ",0,1,true\r\n');
  });

  it("writes a fraction without a sum's binary rounding noise, whole numbers and big values as they are", () => {
    const sums = { columns: ['x'], rows: [[430.9853100000002], [0.1 + 0.2], [1e21], [2 ** 53 + 2], [-1.5e-7], ['9007199254740993']] };
    expect(toTsv(sums).trimEnd().split('\n').slice(1)).toEqual(['430.98531', '0.3', '1e+21', '9007199254740994', '-1.5e-7', '9007199254740993']);
  });

  it('writes rows in the order shown', () => {
    expect(toTsv(table, [2, 0]).trimEnd().split('\n').map((l) => l.split('\t')[1])).toEqual(['size', '0', '741']);
  });

  it('names exported files after the statement and the time', () => {
    expect(exportFileName('compare', 'csv', new Date('2024-12-31T10:22:05.123Z'))).toBe('compare-2024-12-31T10-22-05.csv');
    expect(exportFileName('', 'png', new Date('2024-12-31T10:22:05Z'))).toBe('result-2024-12-31T10-22-05.png');
  });
});
