import { quoteSql } from '../lang/sql/sql-name.ts';
import { findTable } from '../lang/catalog.ts';
import { analyze, literalMarkdown as md, sqlReferences, sqlWithoutTextAndComments, tableSummary, type Catalog, type Program } from '../lang/index.ts';

/**
 * Names to complete in a SQL cell: the catalog's tables and views, the notebook's segments,
 * partition parts and split arms (views named as spec §6 says), and columns — of the table
 * before a dot (`orders.`, or an alias: `from orders o … o.`), else of the tables the cell
 * mentions. Pure text work: SQL cells are DuckDB's to parse.
 */
export interface SqlCompletionItem {
  label: string;
  kind: 'table' | 'column' | 'segment' | 'part';
  detail: string;
  insertText: string;
}

export interface SqlCompletion {
  items: SqlCompletionItem[];
  /** The typed prefix the items replace (a leading `"` included). */
  from: number;
  to: number;
}

const NAME = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const TABLE_REFERENCE = new RegExp(String.raw`\b(?:from|join)\s+(${NAME}(?:\.${NAME})?)(?:\s+(?:as\s+)?([A-Za-z_][\w$]*))?`, 'gi');
/** Words that may follow a table in FROM/JOIN and are not its alias. */
const NOT_ALIASES = new Set(
  'where join left right inner outer full cross natural on using group order limit union except intersect having window qualify offset as'.split(' '),
);

export function completeSql(sql: string, offset: number, catalog: Catalog, program?: Program): SqlCompletion {
  if (inTextOrComment(sql.slice(0, offset))) return { items: [], from: offset, to: offset };
  let from = offset;
  while (from > 0 && /[\w$]/.test(sql[from - 1])) from--;
  if (sql[from - 1] === '"') from--;
  const items: SqlCompletionItem[] = [];
  const columnsOf = (table: string) => {
    const found = findTable(catalog, table);
    found?.columns.forEach((c) => items.push({ label: c.name, kind: 'column', detail: `${c.type} · ${found.name}`, insertText: quoteSql(c.name) }));
  };

  const code = sqlWithoutTextAndComments(sql);
  if (sql[from - 1] === '.') {
    const qualifier = nameBefore(sql, from - 1);
    const table = qualifier ? (aliases(code).get(qualifier.toLowerCase()) ?? qualifier) : undefined;
    if (table) columnsOf(table);
    // `tier.` where tier is a partition: its parts' views, "tier.gold", replacing the whole name.
    const parts = program && qualifier && !findTable(catalog, table!) ? definitionViews(program, catalog).filter((v) => v.kind === 'part' && v.label.toLowerCase().startsWith(`${qualifier.toLowerCase()}.`)) : [];
    if (parts.length) return { items: parts, from: qualifierStart(sql, from - 1), to: offset };
    return { items, from, to: offset };
  }
  for (const t of catalog.tables) {
    items.push({ label: t.name, kind: 'table', detail: tableSummary(t), insertText: quoteSql(t.name) });
  }
  for (const name of cteNames(code)) items.push({ label: name, kind: 'table', detail: 'defined in this query (WITH)', insertText: quoteSql(name) });
  if (program) items.push(...definitionViews(program, catalog));
  const mentioned = new Set(sqlReferences(sql).map((ref) => ref.name.toLowerCase()));
  for (const table of aliases(code).values()) mentioned.add(table.toLowerCase());
  catalog.tables.filter((t) => mentioned.has(t.name.toLowerCase())).forEach((t) => columnsOf(t.name));
  return { items: dedupe(items), from, to: offset };
}

export interface SqlHover {
  /** Markdown. */
  contents: string;
  from: number;
  to: number;
}

/**
 * What the name under the cursor in a SQL cell is: a table or view with its size, a column of a
 * table the cell reads (or of the table before its dot) with its type, a segment's or part's view.
 */
export function hoverSql(sql: string, offset: number, catalog: Catalog, program?: Program): SqlHover | undefined {
  const code = sqlWithoutTextAndComments(sql);
  const word = wordAt(code, offset);
  if (!word) return undefined;
  const { from, to } = word;
  const name = unquote(sql.slice(from, to));
  const lower = name.toLowerCase();
  const at = (contents: string) => ({ contents, from, to });
  const qualifier = code[from - 1] === '.' ? nameBefore(code, from - 1) : undefined;
  const tables = aliases(code);
  if (qualifier) {
    const table = findTable(catalog, tables.get(qualifier.toLowerCase()) ?? qualifier);
    const column = table?.columns.find((c) => c.name.toLowerCase() === lower);
    if (table && column) return at(`**${md(table.name)}.${md(column.name)}** — ${column.type}`);
    const part = program ? definitionViews(program, catalog).find((v) => v.label.toLowerCase() === `${qualifier.toLowerCase()}.${lower}`) : undefined;
    return part ? { contents: `**${md(part.label)}** — ${part.detail}`, from: qualifierStart(code, from - 1), to } : undefined;
  }
  const table = findTable(catalog, tables.get(lower) ?? name);
  if (table) {
    return at(`**${table.kind === 'view' ? 'view' : 'table'} ${md(table.name)}** — ${tableSummary(table)}`);
  }
  const view = program ? definitionViews(program, catalog).find((v) => v.label.toLowerCase() === lower) : undefined;
  if (view) return at(`**${md(view.label)}** — ${view.detail}`);
  const mentioned = new Set([...sqlReferences(sql).map((ref) => ref.name.toLowerCase()), ...[...tables.values()].map((t) => t.toLowerCase())]);
  for (const t of catalog.tables.filter((t) => mentioned.has(t.name.toLowerCase()))) {
    const column = t.columns.find((c) => c.name.toLowerCase() === lower);
    if (column) return at(`**${md(column.name)}** — ${column.type}, a column of ${md(t.name)}`);
  }
  return undefined;
}

/** The bare or "quoted" name around an offset, outside strings and comments. */
function wordAt(code: string, offset: number): { from: number; to: number } | undefined {
  for (const m of code.matchAll(new RegExp(NAME, 'g'))) {
    if (m.index > offset) return undefined;
    if (offset <= m.index + m[0].length) return { from: m.index, to: m.index + m[0].length };
  }
  return undefined;
}

/** Whether SQL text ends inside a 'string' or a comment, where no name belongs. */
function inTextOrComment(sqlBeforeCursor: string): boolean {
  const pattern = /(--[^\n]*)|\/\*(?:[\s\S]*?(\*\/)|[\s\S]*)|'(?:[^']|'')*(')?|"(?:[^"]|"")*"?/g;
  for (const m of sqlBeforeCursor.matchAll(pattern)) {
    if (m.index + m[0].length < sqlBeforeCursor.length) continue;
    const [text, lineComment, commentEnd, quoteEnd] = m;
    if (lineComment !== undefined) return true;
    if (text.startsWith('/*')) return commentEnd === undefined;
    if (text.startsWith("'")) return quoteEnd === undefined;
  }
  return false;
}

/** Segments, parts and arms as SQL sees them; those already in the catalog are listed as tables. */
function definitionViews(program: Program, catalog: Catalog): SqlCompletionItem[] {
  const analysis = analyze(program, catalog);
  const out: SqlCompletionItem[] = [];
  for (const def of program.definitions) {
    if (def.kind === 'segment') out.push({ label: def.name, kind: 'segment', detail: 'segment members', insertText: quoteSql(def.name) });
    if (def.kind !== 'partition' && def.kind !== 'split') continue;
    for (const part of analysis.resolvedDefinition(def.name)?.parts ?? []) {
      const view = `${def.name}.${part}`;
      out.push({ label: view, kind: 'part', detail: `${def.kind} ${def.name} members`, insertText: `"${view.replace(/"/g, '""')}"` });
    }
  }
  return out.filter((item) => !findTable(catalog, item.label));
}

/** `from orders o`, `join customers as c` → alias → table (lower-case aliases). */
function aliases(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sql.matchAll(TABLE_REFERENCE)) {
    const table = unquote(m[1].split('.').pop() ?? m[1]);
    out.set(table.toLowerCase(), table);
    if (m[2] && !NOT_ALIASES.has(m[2].toLowerCase())) out.set(m[2].toLowerCase(), table);
  }
  return out;
}

/** The SQL with its 'strings' and comments blanked out (same length), so `-- from orders o` names no alias. */
/** Names a WITH clause defines: `with recent as (…), big as (…)`. */
function cteNames(code: string): string[] {
  const names: string[] = [];
  for (const m of code.matchAll(new RegExp(String.raw`(?:\bwith(?:\s+recursive)?|,)\s*(${NAME})\s+as\s*(?:(?:not\s+)?materialized\s*)?\(`, 'gi'))) names.push(unquote(m[1]!));
  return names;
}

/** Where the qualifier that ends just before `end` starts. */
function qualifierStart(sql: string, end: number): number {
  const m = new RegExp(`(${NAME})$`).exec(sql.slice(0, end));
  return m ? end - m[1]!.length : end;
}

/** The identifier that ends just before `end` (`orders` in `orders.`, `Big Table` in `"Big Table".`). */
function nameBefore(sql: string, end: number): string | undefined {
  const m = new RegExp(`(${NAME})$`).exec(sql.slice(0, end));
  return m ? unquote(m[1]) : undefined;
}

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name;
}

function dedupe(items: SqlCompletionItem[]): SqlCompletionItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.kind}:${item.label.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
