/**
 * The dependency graph between cells (spec §3, §10): who defines each name, which cells use it,
 * the order to run cells in, and what a change to one cell makes stale. Names are case-insensitive
 * and share one namespace: loaded tables, SQL views and SegQL definitions.
 */
import type { Span } from '../lang/diagnostics.ts';

export type SymbolKind = 'population' | 'link' | 'let' | 'segment' | 'partition' | 'split' | 'view';

export interface CellSymbols {
  defines: { name: string; kind: SymbolKind; span?: Span }[];
  /** `table`: a SegQL reference that names a table or view; SegQL's other names never mean one. */
  references: { name: string; span?: Span; table?: true }[];
  /** SQL reads tables and views: where a population carries its table's name, SQL means the table. */
  sql?: boolean;
  /**
   * Tables and views a SQL cell's own statements make (`create table t as …`). The first cell to
   * make a name no one else owns is where readers find it; making it again elsewhere is no clash.
   */
  creates?: string[];
}

export interface GraphError {
  cell: number;
  message: string;
  span?: Span;
  /** A cycle's error: the other cell of the cycle the use reaches. */
  cycleWith?: number;
}

export interface DependencyGraph {
  /** Per cell: the cells it uses, ascending. */
  upstream: number[][];
  /** Per cell: the cells that use it, ascending. */
  downstream: number[][];
  /** Per cell: the loaded tables it uses (lower case). */
  tables: string[][];
  /** Every cell, each after the cells it uses (file order where free); cells in a cycle come last. */
  order: number[];
  /**
   * Per cell: the SegQL cells that use its definitions while it uses theirs (ascending). Such
   * cells are no cycle: each compiles against the whole notebook, so they run in file order.
   */
  peers: number[][];
  errors: GraphError[];
  /**
   * A SQL cell that makes a table or view under a name something else owns already (a loaded
   * table, another cell's view, a SegQL definition): the cells reading that name wait for the
   * owner, not for this cell. The cell still runs.
   */
  warnings: GraphError[];
  /** Lower-case name → the cell defining it (-1 for a loaded table). */
  definedIn: Map<string, number>;
}

interface Owner {
  cell: number;
  kind: SymbolKind | 'table';
  span?: Span;
}

/** A table-like owner (loaded table or SQL view) and a SegQL definition may share a name only as §10 allows. */
interface Slots {
  table?: Owner;
  definition?: Owner;
}

export function buildGraph(cells: CellSymbols[], loadedTables: string[]): DependencyGraph {
  const slots = new Map<string, Slots>();
  const errors: GraphError[] = [];
  for (const table of loadedTables) slotsOf(slots, table).table ??= { cell: -1, kind: 'table' };
  const extraUses: { cell: number; name: string }[] = [];
  cells.forEach((symbols, cell) => {
    for (const def of symbols.defines) {
      const problem = claim(slotsOf(slots, def.name), { cell, kind: def.kind, span: def.span });
      if (problem) errors.push({ cell, span: def.span, message: `'${def.name}' is already ${problem}` });
      else if (def.kind === 'population' || def.kind === 'link') extraUses.push({ cell, name: def.name });
    }
  });

  const warnings: GraphError[] = [];
  cells.forEach((symbols, cell) => {
    for (const name of symbols.creates ?? []) {
      const slot = slotsOf(slots, name);
      // A population or link is named after its table; any other definition keeps the name to itself.
      const sharable = !slot.definition || slot.definition.kind === 'population' || slot.definition.kind === 'link';
      const owner = slot.table ?? (sharable ? undefined : slot.definition);
      if (!owner) slot.table = { cell, kind: 'view' };
      else if (owner.cell !== cell) warnings.push({ cell, span: symbols.references.find((r) => r.name.toLowerCase() === name.toLowerCase())?.span, message: takenNameWarning(name, owner.cell) });
    }
  });

  const upstream = cells.map(() => new Set<number>());
  const tables = cells.map(() => new Set<string>());
  const use = (cell: number, name: string, definitionOnly = false) => {
    const sql = cells[cell]!.sql;
    for (const owner of ownersOf(slots, name, sql)) {
      // `country = 'US'` reads a column or a definition, never a view that happens to be called country.
      if (definitionOnly && (owner.kind === 'view' || owner.kind === 'table')) continue;
      // SQL sees segments, parts and arms as views (spec §6), never a let: `select 42 as score` reads no let score.
      if (sql && owner.kind === 'let') continue;
      if (owner.cell === -1) tables[cell]!.add(name.toLowerCase());
      else if (owner.cell !== cell) upstream[cell]!.add(owner.cell);
    }
  };
  cells.forEach((symbols, cell) => symbols.references.forEach((ref) => use(cell, ref.name, !symbols.sql && !ref.table)));
  for (const { cell, name } of extraUses) use(cell, name);

  const upstreamLists = upstream.map((set) => [...set].sort((a, b) => a - b));
  const downstream = cells.map(() => [] as number[]);
  upstreamLists.forEach((ups, cell) => ups.forEach((up) => downstream[up]!.push(cell)));
  const components = stronglyConnected(upstreamLists).filter((c) => c.length > 1);
  // Only a cycle through a SQL cell is one between cells; SegQL's own cycles are between names, which the compiler reports.
  const throughSql = components.filter((c) => c.some((cell) => cells[cell]!.sql));
  errors.push(...cycleErrors(cells, throughSql, slots));
  const peers = cells.map(() => [] as number[]);
  for (const component of components) {
    if (throughSql.includes(component)) continue;
    for (const cell of component) peers[cell] = component.filter((c) => c !== cell).sort((a, b) => a - b);
  }

  const definedIn = new Map<string, number>();
  for (const [name, slot] of slots) {
    const owner = slot.definition ?? slot.table;
    if (owner) definedIn.set(name, owner.cell);
  }
  return {
    upstream: upstreamLists,
    downstream,
    tables: tables.map((set) => [...set].sort()),
    order: topologicalOrder(upstreamLists, peers),
    peers,
    errors,
    warnings,
    definedIn,
  };
}

/** The cell and everything that depends on it, directly or not, in run order. */
export function downstreamOf(graph: DependencyGraph, cell: number): number[] {
  return closure(graph, cell, graph.downstream);
}

/** Everything the cell depends on, directly or not, and the cell itself, in run order. */
export function upstreamOf(graph: DependencyGraph, cell: number): number[] {
  return closure(graph, cell, graph.upstream);
}

function closure(graph: DependencyGraph, cell: number, edges: number[][]): number[] {
  const seen = new Set<number>([cell]);
  const stack = [cell];
  while (stack.length > 0) {
    for (const next of edges[stack.pop()!] ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return graph.order.filter((c) => seen.has(c));
}

function slotsOf(slots: Map<string, Slots>, name: string): Slots {
  const key = name.toLowerCase();
  let slot = slots.get(key);
  if (!slot) slots.set(key, (slot = {}));
  return slot;
}

function ownersOf(slots: Map<string, Slots>, name: string, tablesFirst = false): Owner[] {
  // `tiers.gold` names a part of `tiers`; SQL sees it as one quoted identifier.
  const slot = slots.get(name.toLowerCase()) ?? slots.get(name.split('.')[0]!.toLowerCase());
  if (!slot) return [];
  if (tablesFirst && slot.table) return [slot.table];
  return [slot.table, slot.definition].filter((o): o is Owner => o !== undefined);
}

/** Takes the name for `owner`, or says where it was defined before (the error goes to the later one). */
function claim(slot: Slots, owner: Owner): string | undefined {
  const tableLike = owner.kind === 'view';
  const namedAfterTable = owner.kind === 'population' || owner.kind === 'link';
  if (tableLike) {
    if (slot.table) return describe(slot.table);
    if (slot.definition && !isNamedAfterTable(slot.definition)) return describe(slot.definition);
    slot.table = owner;
    return undefined;
  }
  if (slot.definition) return describe(slot.definition);
  if (slot.table && !namedAfterTable) return describe(slot.table);
  slot.definition = owner;
  return undefined;
}

function isNamedAfterTable(owner: Owner): boolean {
  return owner.kind === 'population' || owner.kind === 'link';
}

function describe(owner: Owner): string {
  if (owner.kind === 'table') return 'a table loaded by the notebook';
  const what = owner.kind === 'view' ? 'a SQL view' : `a ${owner.kind}`;
  const where = owner.span ? ` (line ${owner.span.line})` : '';
  return `defined as ${what} in cell ${owner.cell}${where}`;
}

function takenNameWarning(name: string, owner: number): string {
  const whose = owner === -1 ? `'${name}' is a loaded table` : `'${name}' comes from cell ${owner}`;
  return `${whose}: the cells that read it wait for ${owner === -1 ? 'its file to load' : 'that cell'}, not for this cell, so what they show depends on which ran last: give what this cell makes a name of its own`;
}

/** Cells that depend on each other cannot run in any order: report each use that closes the cycle. */
function cycleErrors(cells: CellSymbols[], components: number[][], slots: Map<string, Slots>): GraphError[] {
  const errors: GraphError[] = [];
  for (const component of components) {
    const members = new Set(component);
    const list = component.slice().sort((a, b) => a - b);
    const cycle = `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
    for (const cell of list) {
      for (const ref of cells[cell]!.references) {
        const owner = ownersOf(slots, ref.name, cells[cell]!.sql).find((o) => o.cell !== cell && members.has(o.cell));
        if (!owner) continue;
        errors.push({
          cell,
          span: ref.span,
          message: `'${ref.name}' comes from cell ${owner.cell}, which depends on this cell: a cycle between cells ${cycle}`,
          cycleWith: owner.cell,
        });
      }
    }
  }
  return errors;
}

/** Tarjan's algorithm, iterative so a long chain of cells cannot overflow the stack. */
function stronglyConnected(upstream: number[][]): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < upstream.length; root++) {
    if (index.has(root)) continue;
    const work: { node: number; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = upstream[frame.node]!;
      if (frame.next < edges.length) {
        const next = edges[frame.next++]!;
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ node: next, next: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/**
 * Kahn's algorithm taking the lowest ready cell first, so independent cells keep file order. Peers
 * go together, in file order, once everything any of them uses outside the group has run.
 */
function topologicalOrder(upstream: number[][], peers: number[][]): number[] {
  const group = (cell: number) => [cell, ...peers[cell]!].sort((a, b) => a - b);
  const inGroup = (cell: number, other: number) => peers[cell]!.includes(other);
  const waiting = upstream.map((_, cell) => new Set(group(cell).flatMap((member) => upstream[member]!.filter((u) => u !== cell && !inGroup(cell, u)))));
  const users = upstream.map(() => [] as number[]);
  waiting.forEach((needs, cell) => needs.forEach((need) => users[need]!.push(cell)));
  const ready = waiting.flatMap((needs, cell) => (needs.size === 0 && group(cell)[0] === cell ? [cell] : []));
  const order: number[] = [];
  const done = (cell: number) => {
    order.push(cell);
    for (const next of users[cell]!) {
      const needs = waiting[next]!;
      needs.delete(cell);
      if (needs.size === 0 && group(next)[0] === next) ready.push(next);
    }
  };
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    for (const member of group(ready.shift()!)) done(member);
  }
  const placed = new Set(order);
  for (let cell = 0; cell < upstream.length; cell++) if (!placed.has(cell)) order.push(cell);
  return order;
}
