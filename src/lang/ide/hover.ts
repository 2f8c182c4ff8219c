import type { Catalog } from '../catalog.ts';
import { analyze } from '../compile.ts';
import { AGGREGATE_FUNCTIONS, isAggregateFn, SCALAR_FUNCTIONS } from '../check/functions.ts';
import type { Span } from '../diagnostics.ts';
import type { Program } from '../program.ts';
import { spanOfToken } from '../span.ts';
import * as T from '../tokens.ts';
import { cursorContext, enclosingAggregate, nameOf } from './context.ts';
import { literalMarkdown as md } from './markdown-text.ts';
import { tableSummary } from './table-summary.ts';

export interface Hover {
  /** Markdown. */
  contents: string;
  span: Span;
  /** The definition hovered, when it is a segment/part the notebook can count (the editor adds its size). */
  segment?: string;
}

/** What the word under the cursor is: a column and its type, a definition and its text, a function. */
export function hoverAt(program: Program, cell: number, offset: number, catalog: Catalog): Hover | undefined {
  const source = program.cells.find((c) => c.index === cell)?.parsed.source ?? '';
  const { tokens, before } = cursorContext(source, offset);
  const index = tokens.findIndex((t) => t.startOffset <= offset && offset <= (t.endOffset ?? t.startOffset) + 1 && t.tokenType !== T.Dot);
  const token = tokens[index];
  const analysis = analyze(program, catalog);
  if (token?.tokenType === T.Everyone) {
    const populations = [...analysis.populations.values()].map((p) => md(p.name)).join(', ');
    return { contents: `**everyone** — every member of the population${populations ? ` (${populations})` : ''}`, span: spanOfToken(token) };
  }
  if (!token || (token.tokenType !== T.Identifier && token.tokenType !== T.QuotedIdentifier)) return undefined;
  const span = spanOfToken(token);
  const name = nameOf(token);
  const lower = name.toLowerCase();
  const dotted = tokens[index - 1]?.tokenType === T.Dot ? tokens[index - 2] : undefined;
  // Inside `count(orders where amount > 5)` a bare name is the linked table's column first, as it resolves.
  const aggregate = dotted ? undefined : enclosingAggregate(before, isAggregateFn);
  const inLink = aggregate?.argument && aggregate.argument !== token ? analysis.link(nameOf(aggregate.argument)) : undefined;
  const linkColumn = inLink?.columns.find((c) => c.name.toLowerCase() === lower);
  if (inLink && linkColumn) return { contents: `**${md(inLink.alias)}.${md(linkColumn.name)}** — ${sqlTypeOf(catalog, inLink.table, linkColumn.name)}`, span };

  if (dotted) {
    const link = analysis.link(nameOf(dotted));
    const column = link?.columns.find((c) => c.name.toLowerCase() === lower);
    if (link && column) return { contents: `**${md(link.alias)}.${md(column.name)}** — ${sqlTypeOf(catalog, link.table, column.name)}`, span };
    const owner = analysis.resolvedDefinition(nameOf(dotted));
    if (owner?.parts?.some((p) => p.toLowerCase() === lower)) {
      return { contents: `**${md(owner.id)}.${md(name)}** — a ${owner.kind === 'split' ? 'split arm' : 'partition part'}`, span, segment: `${owner.id}.${name}` };
    }
  }
  if (tokens[index + 1]?.tokenType === T.LParen) {
    const fn = SCALAR_FUNCTIONS[lower] ?? AGGREGATE_FUNCTIONS[lower as keyof typeof AGGREGATE_FUNCTIONS];
    if (fn) return { contents: `\`${fn.signature}\`\n\n${fn.doc}`, span };
  }
  const def = analysis.definitions.get(lower);
  if (def) {
    const defSource = analysis.sourceOf(def.cell);
    const text = defSource.slice(def.statement.span.start, def.statement.span.end);
    const resolved = analysis.resolvedDefinition(def.name);
    const type = resolved && resolved.type !== 'unknown' ? ` · ${resolved.type}` : '';
    return {
      contents: `**${def.kind} ${md(def.name)}**${type} (cell ${def.cell})\n\n\`\`\`seg\n${text}\n\`\`\``,
      span,
      segment: def.kind === 'segment' ? def.name : undefined,
    };
  }
  for (const population of analysis.populations.values()) {
    const column = population.columns.find((c) => c.name.toLowerCase() === lower);
    if (column) return { contents: `**${md(column.name)}** — ${column.sqlType}, a column of ${md(population.table)}`, span };
  }
  const table = catalog.tables.find((t) => t.name.toLowerCase() === lower);
  if (table) return { contents: `**${table.kind === 'view' ? 'view' : 'table'} ${md(table.name)}** — ${tableSummary(table)}`, span };
  return undefined;
}

function sqlTypeOf(catalog: Catalog, table: string, column: string): string {
  const t = catalog.tables.find((x) => x.name === table);
  return t?.columns.find((c) => c.name === column)?.type ?? 'unknown type';
}
