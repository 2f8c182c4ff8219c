import type { DefinitionStatement, Expr, Name, SegmentRef, Statement } from './ast/nodes.ts';
import { isCalendarDate } from './dates.ts';
import type { Span } from './diagnostics.ts';
import { parseCell, type ParsedCell } from './parse.ts';

export interface CellSource {
  /** The notebook cell number (0-based; markdown cells count). */
  index: number;
  source: string;
}

export type DefinitionKind = 'population' | 'link' | 'let' | 'segment' | 'partition' | 'split';

export interface Definition {
  name: string;
  kind: DefinitionKind;
  cell: number;
  span: Span;
}

export interface ProgramDefinition extends Definition {
  statement: DefinitionStatement;
}

export interface ProgramCell {
  index: number;
  parsed: ParsedCell;
}

/** Every SegQL cell of a notebook, parsed once, with the notebook-wide list of definitions. */
export interface Program {
  cells: ProgramCell[];
  definitions: ProgramDefinition[];
}

/**
 * Parsed cells by source text. A notebook is rebuilt on every keystroke but only the edited cell
 * changed; parsed cells are plain immutable data, so reusing them is safe. Bounded, oldest first.
 */
const parsedBySource = new Map<string, ParsedCell>();
const PARSE_CACHE_SIZE = 500;

function parseCached(source: string): ParsedCell {
  let parsed = parsedBySource.get(source);
  if (parsed) {
    parsedBySource.delete(source);
  } else {
    parsed = parseCell(source);
    if (parsedBySource.size >= PARSE_CACHE_SIZE) parsedBySource.delete(parsedBySource.keys().next().value as string);
  }
  parsedBySource.set(source, parsed);
  return parsed;
}

export function buildProgram(cells: CellSource[]): Program {
  const programCells = [...cells]
    .sort((a, b) => a.index - b.index)
    .map((c) => ({ index: c.index, parsed: parseCached(c.source) }));
  const definitions: ProgramDefinition[] = [];
  for (const cell of programCells) {
    for (const statement of cell.parsed.statements) {
      const defined = definedName(statement);
      if (defined && defined.text) {
        definitions.push({
          name: defined.text,
          kind: statement.kind as DefinitionKind,
          cell: cell.index,
          span: defined.span,
          statement: statement as DefinitionStatement,
        });
      }
    }
  }
  return { cells: programCells, definitions };
}

export function definedName(statement: Statement): Name | undefined {
  switch (statement.kind) {
    case 'population':
    case 'let':
    case 'segment':
    case 'partition':
    case 'split':
      return statement.name;
    case 'link':
      return statement.alias ?? statement.table;
    default:
      return undefined;
  }
}

export function cellDefinitions(program: Program, cell: number): Definition[] {
  return program.definitions
    .filter((d) => d.cell === cell)
    .map(({ name, kind, cell: c, span }) => ({ name, kind, cell: c, span }));
}

/**
 * The date the notebook's `asof` statement sets: the first one, when it is on the calendar (the
 * checker reports the rest). A setting of the whole notebook, it holds while other statements of
 * its cell have errors: the date is what the analyst wrote.
 */
export function programAsof(program: Program): string | undefined {
  for (const cell of program.cells) {
    for (const s of cell.parsed.statements) if (s.kind === 'asof') return isCalendarDate(s.date) ? s.date : undefined;
  }
  return undefined;
}

/**
 * The names whose presence in the catalog can change what the notebook compiles to: the tables
 * (or views) its populations and links read, and its definitions' names, which may not also name
 * a table. A segment's own view is no clash (src/lang/check/analyze.ts), so segments are left out:
 * the views a run makes for them need no new look at the catalog.
 */
export function catalogDependencies(program: Program): string[] {
  const names: string[] = [];
  for (const cell of program.cells) {
    for (const s of cell.parsed.statements) {
      if (s.kind === 'population') names.push((s.table ?? s.name).text);
      else if (s.kind === 'link') names.push(s.table.text);
    }
  }
  for (const d of program.definitions) if (d.kind !== 'segment') names.push(d.name);
  return names;
}

/**
 * A name a cell mentions. `table`: it names a table or view (a population's or link's); every
 * other name is a definition or a column, never a view, whatever views the notebook has.
 */
export interface CellReference {
  name: string;
  span: Span;
  table?: true;
}

/** Names a cell mentions: tables, definitions, columns. An over-approximation for the cell graph. */
export function cellReferences(program: Program, cell: number): CellReference[] {
  const found = program.cells.find((c) => c.index === cell);
  if (!found) return [];
  const out: CellReference[] = [];
  const add = (n: Name | undefined, table?: true) => {
    if (n && n.text) out.push({ name: n.text, span: n.span, ...(table ? { table } : {}) });
  };
  const addRef = (r: SegmentRef | undefined) => {
    if (!r?.name) return;
    add(r.name);
    if (r.member) out.push({ name: `${r.name.text}.${r.member.text}`, span: r.span });
  };
  const visit = (e: Expr | undefined): void => {
    if (!e) return;
    forEachChild(e, visit);
    if (e.type === 'reference') add(e.name);
  };
  for (const s of found.parsed.statements) {
    switch (s.kind) {
      case 'population':
        add(s.table ?? s.name, true);
        visit(s.where);
        break;
      case 'link':
        add(s.table, true);
        add(s.population);
        break;
      case 'let':
      case 'segment':
        add(s.population);
        visit(s.expr);
        break;
      case 'partition':
        add(s.population);
        s.parts.forEach((p) => visit(p.condition));
        break;
      case 'split':
        addRef(s.segment);
        break;
      case 'compare':
        s.segments.forEach(addRef);
        s.metrics.forEach((m) => visit(m.expr));
        visit(s.by?.expr);
        break;
      case 'overlap':
      case 'trend':
        s.segments.forEach(addRef);
        break;
      case 'profile':
        addRef(s.segment);
        addRef(s.baseline);
        break;
      case 'show':
        addRef(s.segment);
        break;
      case 'expect':
        visit(s.expr);
        break;
      case 'asof':
        break;
    }
  }
  return out;
}

export function forEachChild(e: Expr, f: (child: Expr) => void): void {
  switch (e.type) {
    case 'call':
      e.args.forEach(f);
      if (e.where) f(e.where);
      break;
    case 'unary':
      f(e.operand);
      break;
    case 'binary':
      f(e.left);
      f(e.right);
      break;
    case 'between':
      f(e.value);
      f(e.low);
      f(e.high);
      break;
    case 'in':
      f(e.value);
      e.list.forEach(f);
      break;
    case 'isNull':
      f(e.value);
      break;
    case 'like':
      f(e.value);
      f(e.pattern);
      break;
    case 'case':
      e.whens.forEach((w) => {
        f(w.condition);
        f(w.result);
      });
      if (e.otherwise) f(e.otherwise);
      break;
    default:
      break;
  }
}
