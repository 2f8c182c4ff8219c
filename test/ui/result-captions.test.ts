import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/lang/index.ts';
import type { CellResult } from '../../src/notebook/outcome.ts';
import { resultCaptions } from '../../src/ui/result-captions.ts';

const rows = (n: number): CellResult => ({ statement: 'show', columns: ['customer_id'], types: ['BIGINT'], rows: Array.from({ length: n }, (_, i) => [i]) });

function captions(source: string, results: CellResult[]): string[] {
  return resultCaptions(buildProgram([{ index: 0, source }]), 0, results);
}

describe('result captions', () => {
  it('repeat the statement as written, after its keyword', () => {
    expect(captions('population customers key customer_id\nshow   everyone\n  limit 5', [rows(3)])).toEqual(['everyone limit 5']);
  });

  it('say a show list that reached its limit is the first members by key, not the whole segment', () => {
    expect(captions('population customers key customer_id\nshow everyone limit 5', [rows(5)])).toEqual(['everyone limit 5 · the first 5 by key, the limit']);
    expect(captions('population customers key customer_id\nshow everyone', [rows(1000)])).toEqual([
      'everyone · the first 1,000 by key, the default limit: write limit N for more',
    ]);
    expect(captions('population customers key customer_id\nshow everyone', [rows(999)])).toEqual(['everyone']);
  });
});
