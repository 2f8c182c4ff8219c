import type { DefinitionStatement, Name } from '../ast/nodes.ts';
import { findColumn, findTable, type Catalog } from '../catalog.ts';
import { error, warning, type Diagnostic, type Span } from '../diagnostics.ts';
import type { Program, ProgramDefinition } from '../program.ts';
import { findCycles } from './cycles.ts';
import { implies } from './implies.ts';
import type { EntityColumn, IR, LinkModel, PopulationModel, ValueType } from './model.ts';
import { ExpressionResolver, newScope, type NameLookup, type QuantileSpec, type Scope } from './resolve.ts';
import { didYouMean } from './suggest.ts';
import { isCalendarDate } from '../dates.ts';
import { joinSpans } from '../span.ts';
import { valueTypeOf } from './types.ts';
import { timeColumnHint } from './time-column-hint.ts';

export interface CellDiagnostic extends Diagnostic {
  cell: number;
}

interface ResolvedDefinition {
  id: string;
  kind: string;
  type: ValueType;
  ok: boolean;
  parts?: string[];
  population: string;
  cell: number;
}

/**
 * The whole notebook checked against the catalog: populations, links, and every let, segment,
 * partition and split as an entity column of its population. Definitions resolve on demand, in
 * any order across cells; a definition that reaches itself is a cycle.
 */
export class Analysis implements NameLookup {
  readonly diagnostics: CellDiagnostic[] = [];
  readonly populations = new Map<string, PopulationModel>();
  readonly links = new Map<string, LinkModel>();
  /** First definition of each name (lower case), in file order. */
  readonly definitions = new Map<string, ProgramDefinition>();
  private readonly resolved = new Map<string, ResolvedDefinition>();
  private readonly resolving = new Set<string>();
  private readonly edges = new Map<string, string[]>();
  private readonly resolver = new ExpressionResolver(this);
  private order = 0;
  private readonly lets = new Map<PopulationModel, string[]>();

  /** How many definitions' dependencies the last search for cycles saw. */
  private edgesSearched = 0;
  private declaredPopulations?: ProgramDefinition[];

  /**
   * `onDemand`: definitions resolve only when a cell asks (resolveCell) or something reads them,
   * for checking one cell as it is typed. The problems each cell gets are the same; the order of
   * the entity columns is not, so what compiles to SQL uses a complete analysis.
   */
  constructor(
    readonly program: Program,
    readonly catalog: Catalog,
    private readonly onDemand = false,
  ) {
    this.collectNames();
    this.checkDates();
    for (const def of this.definitions.values()) if (def.statement.kind === 'population') this.addPopulation(def);
    for (const def of this.definitions.values()) if (def.statement.kind === 'link') this.addLink(def);
    if (onDemand) return;
    for (const def of this.definitions.values()) this.resolveDefinition(def);
    this.reportCycles();
  }

  /** Resolves a cell's definitions and what they use, with the cycles among them. */
  resolveCell(cell: number): void {
    for (const def of this.definitions.values()) if (def.cell === cell) this.resolveDefinition(def);
    if (this.edges.size !== this.edgesSearched) this.reportCycles();
  }

  /** Dates outside expressions: the asof statement (once per notebook) and trend bounds. */
  private checkDates(): void {
    let first: { cell: number; line: number } | undefined;
    for (const cell of this.program.cells) {
      for (const s of cell.parsed.statements) {
        if (s.kind === 'asof') {
          if (!isCalendarDate(s.date)) this.report(cell.index, 'bad-date', `'${s.date}' is not a date on the calendar`, s.span);
          if (first) this.report(cell.index, 'duplicate', `asof is set once per notebook: it is already set ${first.cell === cell.index ? `on line ${first.line}` : `in cell ${first.cell}`}`, s.span);
          else first = { cell: cell.index, line: s.span.line };
        }
        if (s.kind === 'trend') {
          for (const date of [s.from, s.to]) if (date.value && !isCalendarDate(date.value)) this.report(cell.index, 'bad-date', `'${date.value}' is not a date on the calendar`, date.span);
        }
      }
    }
  }

  report(cell: number, code: string, message: string, span: Span): void {
    this.diagnostics.push({ ...error(code, message, span), cell });
  }

  warn(cell: number, code: string, message: string, span: Span): void {
    this.diagnostics.push({ ...warning(code, message, span), cell });
  }

  sourceOf(cell: number): string {
    return this.program.cells.find((c) => c.index === cell)?.parsed.source ?? '';
  }

  isBroken(name: string): boolean {
    const r = this.resolvedDefinition(name);
    return r ? !r.ok : false;
  }

  resolvedDefinition(name: string): ResolvedDefinition | undefined {
    const key = name.toLowerCase();
    const def = this.onDemand ? this.definitions.get(key) : undefined;
    if (def) this.resolveDefinition(def);
    return this.resolved.get(key);
  }

  private collectNames(): void {
    for (const def of this.program.definitions) {
      const key = def.name.toLowerCase();
      const reserved = reservedNameProblem(def);
      if (reserved) {
        this.report(def.cell, 'reserved-name', reserved, def.span);
        continue;
      }
      const earlier = this.definitions.get(key);
      if (earlier) {
        const where = earlier.cell === def.cell ? `line ${earlier.span.line}` : `cell ${earlier.cell}`;
        this.report(def.cell, 'duplicate', `'${def.name}' is already defined (${where}): every name is defined once per notebook`, def.span);
        continue;
      }
      const table = findTable(this.catalog, def.name);
      const ownTable = isOwnTable(def.statement, def.name);
      if (table && !ownTable && !this.isOwnView(def)) {
        this.report(def.cell, 'duplicate', `'${def.name}' is already the name of a table: choose another name`, def.span);
        continue;
      }
      this.definitions.set(key, def);
    }
  }

  /** The view the runner made of this very segment is no name clash; a table or another view is. */
  private isOwnView(def: ProgramDefinition): boolean {
    const table = findTable(this.catalog, def.name);
    return def.statement.kind === 'segment' && table?.kind === 'view';
  }

  /** Lets of a population in file order, wherever they are defined, leaving out broken ones (spec §10). */
  letsOf(population: PopulationModel): string[] {
    let lets = this.lets.get(population);
    if (!lets) {
      if (this.onDemand) for (const def of this.definitions.values()) if (def.kind === 'let') this.resolveDefinition(def);
      lets = [...this.definitions.values()]
        .filter((d) => d.kind === 'let' && population.entityColumns.get(d.name.toLowerCase())?.kind === 'let' && !this.isBroken(d.name))
        .map((d) => d.name);
      this.lets.set(population, lets);
    }
    return lets;
  }

  /** The names a segment list may use, for did-you-mean: segments, partitions and splits. */
  segmentNames(): string[] {
    return [...this.definitions.values()].filter((d) => d.kind === 'segment' || d.kind === 'partition' || d.kind === 'split').map((d) => d.name);
  }

  populationNamed(name: string): PopulationModel | undefined {
    return this.populations.get(name.toLowerCase());
  }

  private unparsed?: Map<string, { cell: number; line: number }>;

  /**
   * "'b' has an error in its definition (line 2)" for a name a statement with a syntax error set
   * out to define, read from `cell`: without it, every use would say the name is unknown.
   */
  unparsedDefinitionProblem(name: string, cell: number): string | undefined {
    if (!this.unparsed) {
      this.unparsed = new Map();
      for (const c of this.program.cells) for (const n of c.parsed.unparsedNames) if (!this.unparsed.has(n.text.toLowerCase())) this.unparsed.set(n.text.toLowerCase(), { cell: c.index, line: n.span.line });
    }
    const found = this.definitions.has(name.toLowerCase()) ? undefined : this.unparsed.get(name.toLowerCase());
    if (!found) return undefined;
    return `'${name}' has an error in its definition (${found.cell === cell ? `line ${found.line}` : `cell ${found.cell}`})`;
  }

  link(name: string): LinkModel | undefined {
    return this.links.get(name.toLowerCase());
  }

  definitionKind(name: string): string | undefined {
    return this.definitions.get(name.toLowerCase())?.kind;
  }

  isTable(name: string): boolean {
    return findTable(this.catalog, name) !== undefined;
  }

  brokenLink(name: string): number | undefined {
    const def = this.definitions.get(name.toLowerCase());
    return def?.kind === 'link' && !this.links.has(name.toLowerCase()) ? def.cell : undefined;
  }

  private addPopulation(def: ProgramDefinition): void {
    const s = def.statement;
    if (s.kind !== 'population') return;
    const tableName = (s.table ?? s.name).text;
    const table = findTable(this.catalog, tableName);
    if (!table) {
      this.report(def.cell, 'unknown-table', `unknown table '${tableName}'${didYouMean(tableName, this.catalog.tables.map((t) => t.name))}`, (s.table ?? s.name).span);
      return;
    }
    const key = findColumn(table, s.key.text);
    if (!key) {
      this.report(def.cell, 'unknown-column', `table ${table.name} has no column '${s.key.text}'${didYouMean(s.key.text, table.columns.map((c) => c.name))}`, s.key.span);
      return;
    }
    const population: PopulationModel = {
      name: s.name.text,
      table: table.name,
      key: key.name,
      keyType: valueTypeOf(key.type),
      columns: table.columns.map((c) => ({ name: c.name, type: valueTypeOf(c.type), sqlType: c.type })),
      links: [],
      entityColumns: new Map(),
      cell: def.cell,
    };
    this.populations.set(s.name.text.toLowerCase(), population);
    if (s.where) {
      const scope = newScope(population, 'populationWhere', def.cell, this.sourceOf(def.cell));
      const where = this.resolver.condition(s.where, scope);
      if (!scope.failed) population.where = where.ir;
    }
  }

  private addLink(def: ProgramDefinition): void {
    const s = def.statement;
    if (s.kind !== 'link') return;
    const table = findTable(this.catalog, s.table.text);
    if (!table) {
      this.report(def.cell, 'unknown-table', `unknown table '${s.table.text}'${didYouMean(s.table.text, this.catalog.tables.map((t) => t.name))}`, s.table.span);
      return;
    }
    const population = this.populationFor(s.population, def.cell, s.span, 'to');
    if (!population) return;
    // The key column and the time column are checked alike, so both problems are said at once.
    let broken = false;
    const on = findColumn(table, s.on.text);
    if (!on) {
      this.report(def.cell, 'unknown-column', `table ${table.name} has no column '${s.on.text}'${didYouMean(s.on.text, table.columns.map((c) => c.name))}`, s.on.span);
      broken = true;
    }
    const onType = on ? valueTypeOf(on.type) : 'unknown';
    if (on && onType !== population.keyType && onType !== 'unknown' && population.keyType !== 'unknown') {
      this.report(def.cell, 'type', `${table.name}.${on.name} holds ${onType} values but ${population.name}.${population.key} holds ${population.keyType} values`, s.on.span);
      broken = true;
    }
    let time: LinkModel['time'];
    if (s.time) {
      const col = findColumn(table, s.time.text);
      const type = col && valueTypeOf(col.type);
      if (!col) {
        this.report(def.cell, 'unknown-column', `table ${table.name} has no column '${s.time.text}'${didYouMean(s.time.text, table.columns.map((c) => c.name))}`, s.time.span);
        broken = true;
      } else if (type !== 'date' && type !== 'timestamp') {
        this.report(def.cell, 'type', `the time of a link must be a date or timestamp, but ${table.name}.${col.name} is ${col.type}${timeColumnHint(table.name, col.name, col.type)}`, s.time.span);
        broken = true;
      } else {
        time = { name: col.name, type, ...(col.hasNulls === false ? { hasNulls: false } : {}) };
      }
    }
    if (broken || !on) return;
    const link: LinkModel = {
      alias: (s.alias ?? s.table).text,
      table: table.name,
      population: population.name,
      on: on.name,
      onType,
      columns: table.columns.map((c) => ({ name: c.name, type: valueTypeOf(c.type) })),
      time,
      aggregates: new Map(),
    };
    population.links.push(link);
    this.links.set(link.alias.toLowerCase(), link);
  }

  /** `keyword`: how the statement names its population (a link says `to`, the others `of`). */
  private populationFor(name: Name | undefined, cell: number, span: Span, keyword: 'of' | 'to' = 'of'): PopulationModel | undefined {
    if (name) {
      const found = this.populations.get(name.text.toLowerCase());
      if (!found) this.report(cell, 'unknown-population', `unknown population '${name.text}'${didYouMean(name.text, [...this.populations.values()].map((p) => p.name))}`, name.span);
      return found;
    }
    // Every definition without `of POPULATION` asks: a scan of the notebook each time was quadratic.
    const declared = (this.declaredPopulations ??= [...this.definitions.values()].filter((d) => d.statement.kind === 'population'));
    if (declared.length === 1) return this.populations.get(declared[0].name.toLowerCase());
    if (declared.length === 0) this.report(cell, 'no-population', 'no population is defined: start with population TABLE key COLUMN', span);
    else this.report(cell, 'ambiguous-population', `this notebook has several populations (${declared.map((d) => d.name).join(', ')}): say which with '${keyword} POPULATION'`, span);
    return undefined;
  }


  /** `cell` is left out where the error is this use's, not the definition's. */
  entityDefinition(name: string, scope: Scope, span: Span): (Omit<ResolvedDefinition, 'cell'> & { cell?: number }) | undefined {
    const def = this.definitions.get(name.toLowerCase());
    if (!def || !['let', 'segment', 'partition', 'split'].includes(def.kind)) return undefined;
    const resolved = this.resolveDefinition(def);
    if (!resolved) return { id: def.name, kind: def.kind, type: 'unknown', ok: false, population: '', cell: def.cell };
    if (resolved.population && resolved.population.toLowerCase() !== scope.population.name.toLowerCase()) {
      this.report(scope.cell, 'population', `'${def.name}' belongs to population ${resolved.population}, not ${scope.population.name}`, span);
      // Said here, in this cell: its definition, wherever it is, has no error to point to.
      const { cell: _elsewhere, ...here } = resolved;
      return { ...here, ok: false };
    }
    return resolved;
  }

  visibleNames(scope: Scope): string[] {
    if (scope.mode === 'populationWhere') return scope.population.columns.map((c) => c.name);
    const defs = [...this.definitions.values()].filter((d) => ['let', 'segment', 'partition', 'split'].includes(d.kind) && d.name !== scope.defining).map((d) => d.name);
    return [...scope.population.columns.map((c) => c.name), ...defs];
  }

  registerQuantile(scope: Scope, id: string, q: QuantileSpec, span: Span): string {
    const key = id.toLowerCase();
    const existing = scope.population.entityColumns.get(key);
    if (existing?.kind === 'quantile') return existing.id;
    scope.population.entityColumns.set(key, {
      id,
      kind: 'quantile',
      type: 'number',
      deps: q.deps,
      value: { k: 'quantile', buckets: q.buckets, arg: q.arg, order: q.order },
      cell: scope.cell,
      span,
      order: this.order++,
    });
    return id;
  }

  private resolveDefinition(def: ProgramDefinition): ResolvedDefinition | undefined {
    const key = def.name.toLowerCase();
    const done = this.resolved.get(key);
    if (done) return done;
    if (!['let', 'segment', 'partition', 'split'].includes(def.kind)) return undefined;
    if (this.resolving.has(key)) return { id: def.name, kind: def.kind, type: 'unknown', ok: false, population: '', cell: def.cell };
    this.resolving.add(key);
    const result = this.resolveEntity(def);
    this.resolving.delete(key);
    if (result) this.resolved.set(key, result);
    return result;
  }

  private resolveEntity(def: ProgramDefinition): ResolvedDefinition | undefined {
    const s = def.statement as Exclude<DefinitionStatement, { kind: 'population' | 'link' }>;
    const population = s.kind === 'split' ? this.splitPopulation(def) : this.populationFor(s.population, def.cell, s.name.span);
    if (!population) return { id: def.name, kind: def.kind, type: 'unknown', ok: false, population: '', cell: def.cell };
    const shadowed = population.columns.find((c) => c.name.toLowerCase() === def.name.toLowerCase());
    if (shadowed) {
      this.report(def.cell, 'duplicate', `'${def.name}' is already a column of ${population.name}: choose another name`, def.span);
      return { id: def.name, kind: def.kind, type: 'unknown', ok: false, population: population.name, cell: def.cell };
    }
    const scope = newScope(population, 'entity', def.cell, this.sourceOf(def.cell), def.name);
    const column = buildEntityColumn(this, this.resolver, def, scope, population);
    this.edges.set(def.name.toLowerCase(), [...scope.deps].map((d) => d.toLowerCase()));
    const ok = !scope.failed && column !== undefined;
    if (column) {
      column.order = this.order++;
      population.entityColumns.set(def.name.toLowerCase(), column);
    }
    const parts = column?.value.k === 'partition' ? column.value.parts.map((p) => p.name) : column?.value.k === 'split' ? column.value.arms.map((a) => a.name) : undefined;
    return { id: def.name, kind: def.kind, type: column?.type ?? 'unknown', ok, parts, population: population.name, cell: def.cell };
  }

  private splitPopulation(def: ProgramDefinition): PopulationModel | undefined {
    const s = def.statement;
    if (s.kind !== 'split') return undefined;
    const target = s.segment.name ? this.definitions.get(s.segment.name.text.toLowerCase()) : undefined;
    if (target && ['segment', 'partition', 'split'].includes(target.kind)) {
      const r = this.resolveDefinition(target);
      if (r?.population) return this.populations.get(r.population.toLowerCase());
    }
    if (s.segment.name) {
      const pop = this.populations.get(s.segment.name.text.toLowerCase());
      if (pop) return pop;
    }
    return this.populationFor(undefined, def.cell, s.span);
  }

  /**
   * Cycles among the definitions resolved since the last search: one resolved earlier reaches only
   * definitions resolved with it, so a new cycle is made of new definitions alone.
   */
  private reportCycles(): void {
    const fresh = new Map([...this.edges].slice(this.edgesSearched));
    this.edgesSearched = this.edges.size;
    for (const cycle of findCycles(fresh)) {
      const names = cycle.map((k) => this.definitions.get(k)?.name ?? k);
      cycle.forEach((key, i) => {
        const def = this.definitions.get(key);
        if (!def) return;
        const path = [...names.slice(i), ...names.slice(0, i), names[i]].join(' → ');
        this.report(def.cell, 'cycle', `'${def.name}' depends on itself: ${path}`, def.span);
        const r = this.resolved.get(key);
        if (r) r.ok = false;
      });
    }
  }
}

function isOwnTable(statement: DefinitionStatement, name: string): boolean {
  if (statement.kind === 'population') return (statement.table?.text ?? statement.name.text).toLowerCase() === name.toLowerCase();
  if (statement.kind === 'link') return statement.table.text.toLowerCase() === name.toLowerCase();
  return false;
}

export function buildEntityColumn(
  analysis: Analysis,
  resolver: ExpressionResolver,
  def: ProgramDefinition,
  scope: Scope,
  population: PopulationModel,
): EntityColumn | undefined {
  const s = def.statement;
  switch (s.kind) {
    case 'let': {
      const t = resolver.resolve(s.expr, scope);
      if (t.type === 'duration') analysis.report(def.cell, 'type', 'a let cannot hold a duration on its own: add it to a date', s.expr.span);
      return entityColumn(def, 'let', t.type, scope, { k: 'expr', ir: t.ir, coalesceFalse: false });
    }
    case 'segment': {
      const t = resolver.condition(s.expr, scope);
      return entityColumn(def, 'segment', 'boolean', scope, { k: 'expr', ir: t.ir, coalesceFalse: true });
    }
    case 'partition':
      return partitionColumn(analysis, resolver, def, scope);
    case 'split':
      return splitColumn(analysis, resolver, def, scope, population);
    default:
      return undefined;
  }
}

/**
 * Every entity column is made here, its fields written out in one order rather than spread from a
 * shared base: objects of one shape keep the pipeline's reads of them fast.
 */
function entityColumn(def: ProgramDefinition, kind: EntityColumn['kind'], type: ValueType, scope: Scope, value: EntityColumn['value']): EntityColumn {
  return { id: def.name, cell: def.cell, span: def.span, order: 0, kind, type, deps: [...scope.deps], value };
}

function partitionColumn(analysis: Analysis, resolver: ExpressionResolver, def: ProgramDefinition, scope: Scope): EntityColumn | undefined {
  const s = def.statement;
  if (s.kind !== 'partition') return undefined;
  const seen = new Set<string>();
  const parts: { name: string; condition?: ReturnType<ExpressionResolver['condition']>['ir'] }[] = [];
  s.parts.forEach((part, i) => {
    const key = part.name.text.toLowerCase();
    if (seen.has(key)) {
      analysis.report(def.cell, 'duplicate', `partition ${s.name.text} has two parts named '${part.name.text}'`, part.name.span);
      scope.failed = true;
    }
    seen.add(key);
    if (!part.condition && i !== s.parts.length - 1) {
      analysis.report(def.cell, 'otherwise-last', `'otherwise' takes everything left, so it must be the last part`, part.span);
      scope.failed = true;
    }
    parts.push({ name: part.name.text, condition: part.condition ? resolver.condition(part.condition, scope).ir : undefined });
  });
  if (!scope.failed) warnOfCoveredParts(analysis, def, parts);
  if (parts.length === 0) {
    analysis.report(def.cell, 'empty-partition', `partition ${s.name.text} has no parts: write PART: CONDITION lines inside the braces`, s.span);
    scope.failed = true;
  }
  return entityColumn(def, 'partition', 'text', scope, { k: 'partition', parts });
}

/** A part whose condition implies an earlier part's gets no members: that is never what was meant. */
function warnOfCoveredParts(analysis: Analysis, def: ProgramDefinition, parts: { name: string; condition?: IR }[]): void {
  const s = def.statement;
  if (s.kind !== 'partition') return;
  parts.forEach((part, i) => {
    const condition = part.condition;
    // `false` has no members wherever it stands (an exercise's placeholder): the order is not to blame.
    if (!condition || (condition.k === 'boolean' && !condition.value)) return;
    const earlier = parts.slice(0, i).find((e) => e.condition && implies(condition, e.condition));
    if (!earlier) return;
    analysis.warn(
      def.cell,
      'covered-part',
      `part '${part.name}' never has members: everyone it matches is in '${earlier.name}' already (each goes to the first part that matches): put the stricter part first`,
      s.parts[i]!.span,
    );
  });
}

function splitColumn(analysis: Analysis, resolver: ExpressionResolver, def: ProgramDefinition, scope: Scope, population: PopulationModel): EntityColumn | undefined {
  const s = def.statement;
  if (s.kind !== 'split') return undefined;
  const named = s.segment.name?.text;
  const unknown = named !== undefined && !analysis.definitions.has(named.toLowerCase()) && !analysis.populationNamed(named) && !population.columns.some((c) => c.name.toLowerCase() === named.toLowerCase());
  if (unknown) {
    // Read as an expression the name would be an "unknown column"; what a split takes is a segment.
    analysis.report(def.cell, 'unknown-segment', `unknown segment '${named}'${didYouMean(named, analysis.segmentNames())}`, s.segment.name!.span);
    scope.failed = true;
  }
  // A whole partition or split is no segment: read as a condition it would be "text".
  const whole = named !== undefined && !s.segment.member ? analysis.definitions.get(named.toLowerCase()) : undefined;
  const several = whole && (whole.kind === 'partition' || whole.kind === 'split') ? analysis.resolvedDefinition(whole.name)?.parts : undefined;
  if (several) {
    analysis.report(def.cell, 'single-segment', `'${named}' has several parts: a split divides one segment, like ${named}.${several[0] ?? 'part'}`, s.segment.span);
    scope.failed = true;
  }
  const segment = s.segment.name && !unknown && !several
    ? resolver.condition({ type: 'reference', name: s.segment.name, member: s.segment.member, span: s.segment.span }, scope)
    : { ir: { k: 'boolean' as const, value: true }, type: 'boolean' as const };
  const seen = new Set<string>();
  for (const arm of s.arms) {
    const key = arm.name.text.toLowerCase();
    if (seen.has(key)) {
      analysis.report(def.cell, 'duplicate', `split ${s.name.text} has two arms named '${arm.name.text}'`, arm.name.span);
      scope.failed = true;
    }
    seen.add(key);
    if (!(arm.percent > 0)) {
      analysis.report(def.cell, 'split-percent', `arm '${arm.name.text}' needs a percentage above 0%`, arm.span);
      scope.failed = true;
    }
  }
  const total = s.arms.reduce((sum, a) => sum + a.percent, 0);
  if (Math.abs(total - 100) > 1e-9) {
    const arms = joinSpans(s.arms[0]!.span, s.arms[s.arms.length - 1]!.span);
    analysis.report(def.cell, 'split-percent', `the percentages of split ${s.name.text} add up to ${+total.toFixed(6)}%, not 100%`, arms);
    scope.failed = true;
  }
  const arms = s.arms.map((a) => ({ name: a.name.text, percent: a.percent }));
  return entityColumn(def, 'split', 'text', scope, { k: 'split', segment: segment.ir, arms, seed: s.seed ?? s.name.text, key: population.key });
}

/**
 * Names a backticked definition cannot take: `everyone` (the whole population in every segment
 * list) and a dotted name, which would read as a partition's part or a split's arm (`tiers.gold`)
 * and hide that part's SQL view.
 */
function reservedNameProblem(def: ProgramDefinition): string | undefined {
  if (def.kind === 'population' || def.kind === 'link') return undefined;
  if (def.name.toLowerCase() === 'everyone') return `'everyone' means the whole population: give the ${def.kind} another name`;
  if (def.name.includes('.')) return `'${def.name}' has a '.', which names a part of a partition or an arm of a split (tiers.gold): give the ${def.kind} a name without one`;
  return undefined;
}
