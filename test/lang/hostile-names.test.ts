import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine } from '../../src/engine/types.ts';
import { buildProgram, compileCell, duckdb } from '../../src/lang/index.ts';

/**
 * Every identifier and string reaches SQL quoted: names and values full of quotes, backticks,
 * comment markers and other scripts go through SegQL into DuckDB-WASM, and the SQL still runs
 * and counts what it should.
 */
let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
});
afterAll(async () => {
  await engine?.close();
});

const hostileChar = fc.constantFrom('"', "'", '`', ';', '-', '/', '*', ' ', '.', '(', ')', '%', '\\', 'é', 'ß', '名', '🙂', 'a', 'Z', '_', '1', '\n', '\t');
const hostile = fc.array(hostileChar, { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
/** A definition's name may hold anything but a dot, which names a partition's part (an error of its own). */
const hostileDefinition = fc.array(hostileChar.filter((c) => c !== '.'), { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
const backticked = (name: string) => `\`${name.replace(/`/g, '``')}\``;
const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`;

describe('hostile names and strings', () => {
  it('compile to SQL that runs and counts right', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.record({ table: hostile, key: hostile, column: hostile, segment: hostileDefinition, metric: hostile, value: hostile }), async (n) => {
        run++;
        // Distinct prefixes keep the names apart while the hostile parts stay free.
        const table = `t${run} ${n.table}`;
        const key = `k ${n.key}`;
        const column = `c ${n.column}`;
        const segment = `s ${n.segment}`;
        const metric = `m ${n.metric}`;
        const q = duckdb.ident;
        await engine.query(
          `CREATE TABLE ${q(table)} AS SELECT * FROM (VALUES (1, ${duckdb.string(n.value)}), (2, 'other'), (3, ${duckdb.string(n.value)})) AS v(${q(key)}, ${q(column)})`,
        );
        const source = [
          `population ${backticked(table)} key ${backticked(key)}`,
          `segment ${backticked(segment)} = ${backticked(column)} = ${quoted(n.value)}`,
          `compare ${backticked(segment)}, everyone on count as ${backticked(metric)}`,
          `show ${backticked(segment)}`,
        ].join('\n');
        const compiled = compileCell(buildProgram([{ index: 0, source }]), 0, await engine.catalog(), { asof: '2024-06-30' });
        expect(compiled.diagnostics).toEqual([]);
        const results = [];
        for (const statement of compiled.statements) {
          const result = await engine.query(statement.sql);
          if (statement.kind === 'result') results.push(result);
        }
        expect(results[0].columns).toEqual(['segment', 'size', 'share', metric]);
        expect(results[0].rows).toEqual([
          [segment, n.value === 'other' ? 3 : 2, n.value === 'other' ? 1 : 2 / 3, n.value === 'other' ? 3 : 2],
          ['everyone', 3, 1, 3],
        ]);
        expect(results[1].columns).toEqual([key, column]);
        await engine.query(`DROP VIEW ${q(segment)}`);
        await engine.query(`DROP TABLE ${q(table)}`);
      }),
      { numRuns: 40 },
    );
  });
});
