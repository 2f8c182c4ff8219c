import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, catalogDependencies, compileCell, type Catalog } from '../../src/lang/index.ts';
import { ASOF, retailCatalog } from './fixtures.ts';

/**
 * The runner keeps the catalog it read while the views a run makes are no catalog dependency of
 * the notebook (src/notebook/runner.ts). The oracle: a view of any other name, added to the
 * catalog, leaves every cell's diagnostics and SQL as they were.
 */
const corpus = path.resolve(__dirname, '../corpus');
const programs = fs.readdirSync(corpus).filter((f) => f.endsWith('.seg'));

function withView(catalog: Catalog, name: string): Catalog {
  return { tables: [...catalog.tables, { name, kind: 'view', columns: [{ name: 'customer_id', type: 'BIGINT' }] }] };
}

function compiled(source: string, catalog: Catalog) {
  const program = buildProgram([{ index: 0, source }]);
  const { diagnostics, statements } = compileCell(program, 0, catalog, { asof: ASOF, values: true });
  return { diagnostics, sql: statements.map((s) => s.sql) };
}

describe('catalogDependencies', () => {
  it("names the tables populations and links read, and every definition's name but a segment's", () => {
    const program = buildProgram([
      { index: 0, source: 'population buyers = customers key customer_id\nlink orders as purchases on customer_id\nlet spend = sum(purchases.amount)' },
      { index: 1, source: "segment big = spend > 100\npartition tier { top: spend > 500\n rest: otherwise }\nsplit test = big into a 50%, b 50%" },
    ]);
    expect(catalogDependencies(program).sort()).toEqual(['buyers', 'customers', 'orders', 'purchases', 'spend', 'test', 'tier']);
  });

  describe.each(programs)('%s', (file) => {
    const source = fs.readFileSync(path.join(corpus, file), 'utf8');
    const depends = new Set(catalogDependencies(buildProgram([{ index: 0, source }])).map((n) => n.toLowerCase()));
    const segments = Array.from(source.matchAll(/^\s*segment\s+(\w+)/gim), (m) => m[1]!);
    const others = [...segments, 'tier.gold', 'a view nothing reads'].filter((name) => !depends.has(name.toLowerCase()));

    it('compiles the same with or without a view of a name it does not depend on', () => {
      const before = compiled(source, retailCatalog);
      for (const name of others) expect(compiled(source, withView(retailCatalog, name)), name).toEqual(before);
    });
  });

  // The oracle can tell: a view named like a definition other than a segment is a clash.
  const tables = new Set(retailCatalog.tables.map((t) => t.name.toLowerCase()));
  const clashes = programs.flatMap((file) => {
    const source = fs.readFileSync(path.join(corpus, file), 'utf8');
    const defined = catalogDependencies(buildProgram([{ index: 0, source }])).find((name) => !tables.has(name.toLowerCase()));
    return defined ? [{ file, source, defined }] : [];
  });
  it.each(clashes)('$file compiles differently with a view named $defined', ({ source, defined }) => {
    expect(compiled(source, withView(retailCatalog, defined))).not.toEqual(compiled(source, retailCatalog));
  });
});
