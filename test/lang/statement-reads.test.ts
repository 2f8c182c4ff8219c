import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, compileCell } from '../../src/lang/index.ts';
import { ASOF, retailCatalog } from './fixtures.ts';

/**
 * Each compiled statement says which tables and views it reads, so the runner can tell which
 * views may wait until the results are in. The oracle here reads the SQL itself: every table of
 * the catalog, or values table, named after FROM or JOIN must be among the statement's reads.
 */
const corpus = path.resolve(__dirname, '../corpus');
const programs = fs.readdirSync(corpus).filter((f) => f.endsWith('.seg'));
const relations = new Set([...retailCatalog.tables.map((t) => t.name), 'customers values']);

function namedAfterFromOrJoin(sql: string): string[] {
  const quoted = Array.from(sql.matchAll(/\b(?:FROM|JOIN)\s+"((?:[^"]|"")*)"/gi), (m) => m[1]!.replace(/""/g, '"').toLowerCase());
  return [...new Set(quoted.filter((name) => relations.has(name)))];
}

describe.each(programs)('%s', (file) => {
  const source = fs.readFileSync(path.join(corpus, file), 'utf8');
  it.each([false, true])('names every table its SQL reads (values tables: %s)', (values) => {
    const compiled = compileCell(buildProgram([{ index: 0, source }]), 0, retailCatalog, { asof: ASOF, values });
    for (const statement of compiled.statements) {
      for (const name of namedAfterFromOrJoin(statement.sql)) expect(statement.reads, `${statement.kind} reads ${name}`).toContain(name);
    }
  });
});

describe('reads', () => {
  const source = `population customers key customer_id
link orders on customer_id time order_date
let spend = sum(orders.amount)
segment big = spend > 100
compare everyone, big on avg(spend)
trend big every 1 month from 2024-01-31 to 2024-03-31`;
  const compile = (values: boolean) => compileCell(buildProgram([{ index: 0, source }]), 0, retailCatalog, { asof: ASOF, values });

  it('are the population and its links, lower case (the key check: the population alone)', () => {
    expect(compile(false).statements.map((s) => s.reads)).toEqual([
      ['customers'],
      ['customers', 'orders'],
      ['customers', 'orders'],
      ['customers', 'orders'],
    ]);
  });

  it('are the values table where statements read the population from it; a trend reads the tables at each date', () => {
    const compiled = compile(true);
    expect(compiled.statements.map((s) => s.reads)).toEqual([['customers'], ['customers values'], ['customers values'], ['customers', 'orders']]);
    expect(compiled.values?.map((use) => [use.table.name, use.statement])).toEqual([['customers values', 1]]);
  });
});
