import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/lang/diagnostics.ts';
import { buildGraph, downstreamOf, upstreamOf, type CellSymbols, type SymbolKind } from '../../src/notebook/graph.ts';

const at = (line: number): Span => ({ start: 0, end: 1, line, column: 1, endLine: line, endColumn: 2 });
const def = (name: string, kind: SymbolKind, line = 1) => (kind === 'view' ? { name, kind } : { name, kind, span: at(line) });
const ref = (name: string, line = 1) => ({ name, span: at(line) });
/** A SegQL reference to a table or view: a population's or link's table. */
const tableRef = (name: string, line = 1) => ({ name, span: at(line), table: true as const });
const cell = (defines: CellSymbols['defines'], references: CellSymbols['references'] = []): CellSymbols => ({ defines, references });
const markdown = cell([]);

describe('the dependency graph', () => {
  it('orders cells by what they use, whatever their order in the file', () => {
    const graph = buildGraph(
      [
        markdown,
        { ...cell([], [ref('vip'), ref('customers')]), sql: true }, // a SQL query over a segment defined below
        cell([def('vip', 'segment', 3)], [ref('spend', 3)]),
        cell([def('customers', 'population'), def('orders', 'link', 2), def('spend', 'let', 3)], [ref('customers'), ref('orders', 2)]),
      ],
      ['customers', 'orders'],
    );
    expect(graph.errors).toEqual([]);
    expect(graph.order).toEqual([0, 3, 2, 1]);
    expect(graph.upstream[1]).toEqual([2]);
    expect(graph.tables[3]).toEqual(['customers', 'orders']);
    expect(downstreamOf(graph, 3)).toEqual([3, 2, 1]);
    expect(upstreamOf(graph, 1)).toEqual([3, 2, 1]);
    expect(downstreamOf(graph, 0)).toEqual([0]);
  });

  it("never ties a SegQL name to a view or table of that name: `country = 'US'` reads the column, not a view called country", () => {
    const graph = buildGraph(
      [
        cell([def('c', 'population'), def('us', 'segment', 2)], [tableRef('c'), ref('country', 2)]),
        { ...cell([def('country', 'view')], [ref('us')]), sql: true },
        cell([def('p', 'population')], [tableRef('country')]),
      ],
      ['c'],
    );
    expect(graph.errors).toEqual([]);
    expect(graph.upstream).toEqual([[], [0], [1]]);
    expect(graph.tables[0]).toEqual(['c']);
  });

  it('never ties a SQL cell to a let, which SQL cannot see (a column alias may share its name)', () => {
    const graph = buildGraph(
      [cell([def('customers', 'population'), def('score', 'let', 2), def('vip', 'segment', 3)], [ref('customers')]), { ...cell([], [ref('score'), ref('vip')]), sql: true }],
      ['customers'],
    );
    expect(graph.upstream[1]).toEqual([0]);
    const onlyLet = buildGraph([cell([def('customers', 'population'), def('score', 'let', 2)], [ref('customers')]), { ...cell([], [ref('score')]), sql: true }], ['customers']);
    expect(onlyLet.upstream[1]).toEqual([]);
  });

  it('lets a population carry the name of its table, including a SQL view defined later', () => {
    const graph = buildGraph(
      [cell([def('people', 'population')], [ref('age')]), cell([def('people', 'view')], [ref('customers')])],
      ['customers'],
    );
    expect(graph.errors).toEqual([]);
    expect(graph.upstream[0]).toEqual([1]);
    expect(graph.order).toEqual([1, 0]);
  });

  it('runs a cell that reads a table after the SQL cell that creates it, wherever it is', () => {
    const graph = buildGraph(
      [
        { ...cell([], [ref('top_orders')]), sql: true },
        { ...cell([], [ref('create'), ref('top_orders'), ref('orders')]), sql: true, creates: ['top_orders'] },
        cell([def('top_orders', 'population')], [ref('top_orders')]),
        { ...cell([], [ref('top_orders')]), sql: true, creates: ['top_orders'] },
      ],
      ['orders'],
    );
    expect(graph.errors).toEqual([]);
    expect(graph.upstream[0]).toEqual([1]);
    expect(graph.upstream[2]).toEqual([1]);
    expect(graph.order.indexOf(1)).toBeLessThan(graph.order.indexOf(0));
    // The second cell making top_orders is told that readers wait for the first.
    expect(graph.warnings.map((w) => [w.cell, w.message])).toEqual([
      [3, "'top_orders' comes from cell 1: the cells that read it wait for that cell, not for this cell, so what they show depends on which ran last: give what this cell makes a name of its own"],
    ]);
  });

  it('gives a created table no claim on a name a segment or a loaded table has', () => {
    const graph = buildGraph(
      [cell([def('vip', 'segment')]), { ...cell([], [ref('orders')]), sql: true, creates: ['vip', 'orders'] }, { ...cell([], [ref('vip'), ref('orders')]), sql: true }],
      ['orders'],
    );
    expect(graph.errors).toEqual([]);
    expect(graph.upstream[2]).toEqual([0]);
    expect(graph.tables[2]).toEqual(['orders']);
    expect(graph.warnings).toEqual([
      { cell: 1, span: undefined, message: "'vip' comes from cell 0: the cells that read it wait for that cell, not for this cell, so what they show depends on which ran last: give what this cell makes a name of its own" },
      { cell: 1, span: at(1), message: "'orders' is a loaded table: the cells that read it wait for its file to load, not for this cell, so what they show depends on which ran last: give what this cell makes a name of its own" },
    ]);
  });

  it('reports a name defined twice at the later definition, in file order', () => {
    const graph = buildGraph(
      [
        cell([def('customers', 'population'), def('seniors', 'segment', 2), def('seniors', 'segment', 4)]),
        cell([def('SENIORS', 'view')]),
        cell([def('customers', 'let', 2)]),
        cell([def('orders', 'segment', 5)]),
      ],
      ['customers', 'orders'],
    );
    expect(graph.errors.map((e) => [e.cell, e.span?.line, e.message])).toEqual([
      [0, 4, "'seniors' is already defined as a segment in cell 0 (line 2)"],
      [1, undefined, "'SENIORS' is already defined as a segment in cell 0 (line 2)"],
      [2, 2, "'customers' is already defined as a population in cell 0 (line 1)"],
      [3, 5, "'orders' is already a table loaded by the notebook"],
    ]);
  });

  it('reports a SQL view named like a loaded table or another view', () => {
    const graph = buildGraph([cell([def('orders', 'view')]), cell([def('top', 'view')]), cell([def('Top', 'view')])], ['orders']);
    expect(graph.errors.map((e) => [e.cell, e.message])).toEqual([
      [0, "'orders' is already a table loaded by the notebook"],
      [2, "'Top' is already defined as a SQL view in cell 1"],
    ]);
  });

  it('reports a cycle between cells through a SQL cell at every use that closes it, naming the cells', () => {
    const graph = buildGraph(
      [
        cell([def('a', 'segment', 1)], [tableRef('b', 1)]),
        markdown,
        { ...cell([def('b', 'view')], [ref('c', 1)]), sql: true },
        cell([def('c', 'segment', 2)], [ref('a', 2)]),
        cell([], [ref('a')]),
      ],
      [],
    );
    expect(graph.errors.map((e) => [e.cell, e.span?.line, e.message])).toEqual([
      [0, 1, "'b' comes from cell 2, which depends on this cell: a cycle between cells 0, 2 and 3"],
      [2, 1, "'c' comes from cell 3, which depends on this cell: a cycle between cells 0, 2 and 3"],
      [3, 2, "'a' comes from cell 0, which depends on this cell: a cycle between cells 0, 2 and 3"],
    ]);
    expect(graph.order).toEqual([1, 0, 2, 3, 4]);
  });

  it('lets SegQL cells use each other\'s definitions: peers, run in file order after what they need, no cycle', () => {
    const graph = buildGraph(
      [
        { ...cell([def('recent', 'view')], [ref('orders')]), sql: true },
        cell([def('customers', 'population'), def('old', 'segment', 2), def('old_opted', 'segment', 3)], [ref('customers'), ref('old', 3), ref('opted', 3)]),
        cell([def('opted', 'segment', 1), def('old_us', 'segment', 2)], [ref('old', 2), ref('recent', 2)]),
        { ...cell([], [ref('old_opted')]), sql: true },
      ],
      ['customers', 'orders'],
    );
    expect(graph.errors).toEqual([]);
    expect(graph.peers).toEqual([[], [2], [1], []]);
    expect(graph.order).toEqual([0, 1, 2, 3]);
    expect(downstreamOf(graph, 2)).toEqual([1, 2, 3]);
  });

  it('reads a name shared by a table and a population as the table in SQL', () => {
    const graph = buildGraph(
      [
        { ...cell([def('big_orders', 'view')], [ref('orders'), ref('customers')]), sql: true },
        cell([def('customers', 'population'), def('big_orders', 'link', 2)], [ref('customers'), ref('big_orders', 2)]),
      ],
      ['customers', 'orders'],
    );
    expect(graph.errors).toEqual([]);
    expect(graph.order).toEqual([0, 1]);
  });

  it('links a part of a partition to the partition', () => {
    const graph = buildGraph([cell([def('tiers', 'partition')]), cell([], [{ name: 'tiers.gold' }])], []);
    expect(graph.upstream[1]).toEqual([0]);
  });
});
