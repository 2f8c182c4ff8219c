import type { TokenType } from 'chevrotain';
import { findTable, type Catalog } from '../catalog.ts';
import { analyze } from '../compile.ts';
import { AGGREGATE_FUNCTIONS, isAggregateFn, SCALAR_FUNCTIONS } from '../check/functions.ts';
import type { LinkModel, PopulationModel } from '../check/model.ts';
import { firstTooDeep } from '../nesting.ts';
import { segqlParser } from '../parser.ts';
import type { Program } from '../program.ts';
import * as T from '../tokens.ts';
import { cursorContext, enclosingAggregate, nameOf, openCall } from './context.ts';
import { tableSummary } from './table-summary.ts';

export type CompletionKind = 'keyword' | 'table' | 'column' | 'let' | 'segment' | 'partition' | 'split' | 'population' | 'link' | 'function' | 'part';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** A type, a signature or where a name comes from. */
  detail?: string;
  documentation?: string;
  /** Text to insert when it differs from the label (backticks for odd names). */
  insertText?: string;
}

export interface Completion {
  items: CompletionItem[];
  /** The typed prefix the items replace. */
  from: number;
  to: number;
}

/**
 * Completion at an offset of a cell: the keywords the grammar allows there (Chevrotain's content
 * assist over the statement's tokens), and the names that make sense in that place — tables
 * after `population`, columns after `key`, a link's columns after `orders.`, segments in lists,
 * columns, lets, segments and functions in expressions.
 */
export function completeAt(program: Program, cell: number, offset: number, catalog: Catalog): Completion {
  const source = program.cells.find((c) => c.index === cell)?.parsed.source ?? '';
  const ctx = cursorContext(source, offset);
  // Offered there, a name would be taken by the Enter that ends the line: `spend > 100` became
  // `spend > CustomerID` in the editor.
  if (ctx.inTextOrComment || ctx.inNumber) return { items: [], from: offset, to: offset };
  const analysis = analyze(program, catalog);
  const items: CompletionItem[] = [];
  const before = ctx.before;
  const last = before[before.length - 1];
  const population = currentPopulation(analysis.populations, before);
  // Column types as the catalog has them (DOUBLE, DATE), as for the population's columns.
  const linkColumns = (link: LinkModel) => {
    const table = findTable(catalog, link.table);
    for (const c of link.columns) {
      const type = table?.columns.find((t) => t.name === c.name)?.type ?? c.type;
      items.push({ label: c.name, kind: 'column', detail: `${type} · ${link.alias}`, insertText: T.quoteIfNeeded(c.name) });
    }
  };

  if (last?.tokenType === T.Dot && before.length >= 2) {
    const owner = nameOf(before[before.length - 2]);
    const link = analysis.link(owner);
    if (link) linkColumns(link);
    const resolved = analysis.resolvedDefinition(owner);
    resolved?.parts?.forEach((p) => items.push({ label: p, kind: 'part', detail: `${resolved.kind} ${resolved.id}`, insertText: T.quoteIfNeeded(p) }));
    return finish(items, ctx);
  }

  // `within 30 |`, `every 1 |`: a unit, not a name.
  const beforeLast = before[before.length - 2]?.tokenType;
  if (last?.tokenType === T.NumberLiteral && (beforeLast === T.Within || beforeLast === T.Every)) {
    for (const unit of ['days', 'weeks', 'months', 'years']) items.push({ label: unit, kind: 'keyword' });
    return finish(items, ctx);
  }

  const paths = safeContentAssist(before);
  const next = new Set<TokenType>(paths.map((p) => p.nextTokenType));
  // The grammar names and/or by their operator category, which is no word to offer.
  if (next.has(T.BinaryOperator)) next.add(T.And).add(T.Or);
  // After a whole statement a new one may start, though the grammar of this one cannot say so.
  if (before.length > 0 && isWholeStatement(before)) STATEMENT_KEYWORDS.forEach((k) => next.add(k));
  // The grammar lets any call take an order and filters; only quantile orders, only aggregates filter.
  const callee = openCall(before);
  const offTopic = new Set<TokenType>();
  if (callee !== 'quantile') offTopic.add(T.Asc).add(T.Desc);
  if (callee !== undefined && !isAggregateFn(callee)) offTopic.add(T.Where).add(T.Within);
  for (const type of next) {
    if (type === T.KeywordCategory || !T.keywordTokens.includes(type) || offTopic.has(type)) continue;
    // With several populations, everyone is ambiguous: each population's own name stands for it.
    if (type === T.Everyone && analysis.populations.size > 1) continue;
    items.push({ label: keywordText(type), kind: 'keyword' });
  }
  const wantsName = next.has(T.Identifier) || next.has(T.QuotedIdentifier);
  if (!wantsName) return finish(items, ctx);

  const statement = before[0]?.tokenType;
  const prev = last?.tokenType;
  const tables = () => catalog.tables.forEach((t) => items.push({ label: t.name, kind: 'table', detail: tableSummary(t), insertText: T.quoteIfNeeded(t.name) }));
  const columnsOf = (table: string | undefined) => {
    const found = table ? findTable(catalog, table) : undefined;
    found?.columns.forEach((c) => items.push({ label: c.name, kind: 'column', detail: `${c.type} · ${found.name}`, insertText: T.quoteIfNeeded(c.name) }));
  };
  const populations = () => analysis.populations.forEach((p) => items.push({ label: p.name, kind: 'population', detail: `table ${p.table}`, insertText: T.quoteIfNeeded(p.name) }));

  if (statement === T.Population) {
    if (prev === T.Key) columnsOf(populationTable(before));
    else if (prev === T.Population || prev === T.Equals) tables();
    else if (population) expressionNames(items, analysis, population);
    return finish(items, ctx);
  }
  if (statement === T.Link) {
    if (prev === T.Link) tables();
    else if (prev === T.To) populations();
    else if (prev === T.On || prev === T.Time) columnsOf(nameOf(before[1]));
    return finish(items, ctx);
  }
  if (prev === T.Of) {
    populations();
    return finish(items, ctx);
  }
  const inSegmentList = paths.some((p) => p.ruleStack.includes('segmentRef'));
  if (inSegmentList) {
    // show, profile and split take one segment: a partition or split there is one of its parts.
    segmentNames(items, analysis, statement !== T.Show && statement !== T.Profile && statement !== T.Split);
    return finish(items, ctx);
  }
  if (statement === T.Expect && (callee === 'size' || callee === 'share')) {
    // A segment goes here, not an expression: of the keywords, only everyone.
    items.splice(0, items.length, ...items.filter((i) => i.label === 'everyone'));
    segmentNames(items, analysis);
    return finish(items, ctx);
  }
  const aggregate = enclosingAggregate(before, isAggregateFn);
  if (aggregate) {
    // Past the linked table's name (`count(orders where |`, also inside `lower(` there), its columns come first, as names resolve there.
    const linkName = aggregate.argument;
    const link = linkName && linkName !== last ? population?.links.find((l) => l.alias.toLowerCase() === nameOf(linkName).toLowerCase()) : undefined;
    if (link) linkColumns(link);
  }
  if (callee && isAggregateFn(callee)) {
    population?.links.forEach((l) => items.push({ label: l.alias, kind: 'link', detail: `linked table ${l.table}`, insertText: T.quoteIfNeeded(l.alias) }));
  }
  // What is being defined cannot use itself (a cycle).
  const defining = statement === T.Let || statement === T.Segment || statement === T.Partition ? before[1] : undefined;
  if (population) expressionNames(items, analysis, population, defining && nameOf(defining));
  if (statement === T.Expect) items.push(...EXPECT_FUNCTIONS);
  if (statement === T.Compare && before.some((t) => t.tokenType === T.On)) items.push(PCT_FUNCTION);
  return finish(items, ctx);
}

/** The functions of one statement only, which the checker knows by name (spec §5). */
const EXPECT_FUNCTIONS: CompletionItem[] = [
  { label: 'size', kind: 'function', detail: 'size(SEGMENT)', documentation: "The segment's number of members.", insertText: 'size(' },
  { label: 'share', kind: 'function', detail: 'share(SEGMENT)', documentation: "The segment's members ÷ its population.", insertText: 'share(' },
];
const PCT_FUNCTION: CompletionItem = { label: 'pct', kind: 'function', detail: 'pct(CONDITION)', documentation: 'The share of members for whom the condition is true, from 0 to 1.', insertText: 'pct(' };

const STATEMENT_KEYWORDS = [T.Population, T.Link, T.Let, T.Segment, T.Partition, T.Split, T.Asof, T.Compare, T.Overlap, T.Profile, T.Trend, T.Show, T.Expect];

function isWholeStatement(tokens: import('chevrotain').IToken[]): boolean {
  if (firstTooDeep(tokens)) return false;
  const parser = segqlParser();
  parser.input = tokens;
  parser.statement();
  return parser.errors.length === 0;
}

function safeContentAssist(before: import('chevrotain').IToken[]) {
  // The parser refuses such text anyway, and content assist would take seconds over it.
  if (firstTooDeep(before)) return [];
  try {
    return segqlParser().computeContentAssist('statement', before);
  } catch {
    return [];
  }
}

function expressionNames(items: CompletionItem[], analysis: ReturnType<typeof analyze>, population: PopulationModel, defining?: string): void {
  population.columns.forEach((c) => items.push({ label: c.name, kind: 'column', detail: `${c.sqlType} · ${population.name}`, insertText: T.quoteIfNeeded(c.name) }));
  for (const def of analysis.definitions.values()) {
    if (!['let', 'segment', 'partition', 'split'].includes(def.kind) || def.name.toLowerCase() === defining?.toLowerCase()) continue;
    const resolved = analysis.resolvedDefinition(def.name);
    if (resolved?.population && resolved.population !== population.name) continue;
    items.push({ label: def.name, kind: def.kind as CompletionKind, detail: `${def.kind}${resolved?.type && resolved.type !== 'unknown' ? ` · ${resolved.type}` : ''}`, insertText: T.quoteIfNeeded(def.name) });
  }
  population.links.forEach((l) => items.push({ label: l.alias, kind: 'link', detail: `linked table ${l.table}`, insertText: T.quoteIfNeeded(l.alias) }));
  for (const [name, f] of Object.entries(SCALAR_FUNCTIONS)) items.push({ label: name, kind: 'function', detail: f.signature, documentation: f.doc, insertText: `${name}(` });
  for (const [name, f] of Object.entries(AGGREGATE_FUNCTIONS)) items.push({ label: name, kind: 'function', detail: f.signature, documentation: f.doc, insertText: `${name}(` });
  items.push({ label: 'quantile', kind: 'function', detail: 'quantile(N, value [asc|desc])', documentation: 'Bucket 1..N over the population; ties share a bucket.', insertText: 'quantile(' });
}

function segmentNames(items: CompletionItem[], analysis: ReturnType<typeof analyze>, wholes = true): void {
  for (const def of analysis.definitions.values()) {
    if (def.kind === 'segment' || (wholes && (def.kind === 'partition' || def.kind === 'split'))) {
      items.push({ label: def.name, kind: def.kind, detail: def.kind, insertText: T.quoteIfNeeded(def.name) });
    } else if (def.kind === 'partition' || def.kind === 'split') {
      for (const part of analysis.resolvedDefinition(def.name)?.parts ?? []) {
        const label = `${def.name}.${part}`;
        items.push({ label, kind: 'part', detail: `${def.kind} ${def.name}`, insertText: `${T.quoteIfNeeded(def.name) ?? def.name}.${T.quoteIfNeeded(part) ?? part}` });
      }
    }
  }
  if (analysis.populations.size > 1) analysis.populations.forEach((p) => items.push({ label: p.name, kind: 'population', detail: 'the whole population', insertText: T.quoteIfNeeded(p.name) }));
}

/** The population of the statement: its `of P`, else the only one. */
function currentPopulation(populations: Map<string, PopulationModel>, before: import('chevrotain').IToken[]): PopulationModel | undefined {
  const of = before.findIndex((t) => t.tokenType === T.Of);
  if (of >= 0 && before[of + 1]) return populations.get(nameOf(before[of + 1]).toLowerCase());
  if (before[0]?.tokenType === T.Population && before[1]) return populations.get(nameOf(before[1]).toLowerCase());
  return populations.size >= 1 ? [...populations.values()][0] : undefined;
}

/** `population NAME [= TABLE] key`: the table is after '=', else the name itself. */
function populationTable(before: import('chevrotain').IToken[]): string | undefined {
  const equals = before.findIndex((t) => t.tokenType === T.Equals);
  const token = equals >= 0 ? before[equals + 1] : before[1];
  return token ? nameOf(token) : undefined;
}

function keywordText(type: TokenType): string {
  return type.name.toLowerCase();
}


function finish(items: CompletionItem[], ctx: ReturnType<typeof cursorContext>): Completion {
  const prefix = ctx.prefix.toLowerCase().replace(/^`/, '');
  const seen = new Set<string>();
  const filtered = items.filter((item) => {
    const key = `${item.kind}:${item.label.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return !prefix || item.label.toLowerCase().startsWith(prefix);
  });
  return { items: filtered, from: ctx.prefixStart, to: ctx.wordEnd };
}
