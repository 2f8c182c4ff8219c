/**
 * The notebook as the code editors see it (NotebookLanguageContext): the program of every SegQL
 * cell, the catalog as of the last run, the reference date, segment sizes for hovers, and a
 * signal when any of these changed so open editors re-check their markers.
 */
import type { NotebookLanguageContext } from '../editor/context.ts';
import type { Engine } from '../engine/types.ts';
import { buildProgram, programAsof, type Catalog, type Program } from '../lang/index.ts';
import { localToday, resolveAsof } from '../notebook/asof.ts';
import type { Cell } from '../notebook/model.ts';
import { quoteIdentifier } from '../notebook/tables.ts';

export interface LanguageSources {
  cells(): readonly Cell[];
  frontMatterAsof(): string | undefined;
  engine(): Engine | undefined;
  /** Sizes the last runs counted (definition-only cells' summaries), lower-case name → members. */
  knownSizes(): ReadonlyMap<string, number>;
}

export class NotebookLanguage implements NotebookLanguageContext {
  private cached?: Program;
  private currentCatalog: Catalog = { tables: [] };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly sources: LanguageSources) {}

  program(): Program {
    this.cached ??= buildProgram(
      this.sources.cells().flatMap((cell, index) => (cell.kind === 'seg' ? [{ index, source: cell.source }] : [])),
    );
    return this.cached;
  }

  catalog(): Catalog {
    return this.currentCatalog;
  }

  asof(): string {
    return resolveAsof({ statement: programAsof(this.program()), frontMatter: this.sources.frontMatterAsof(), today: localToday() });
  }

  async segmentSize(name: string): Promise<number | undefined> {
    const known = this.sources.knownSizes().get(name.toLowerCase());
    if (known !== undefined) return known;
    const engine = this.sources.engine();
    const view = this.currentCatalog.tables.find((t) => t.kind === 'view' && t.name.toLowerCase() === name.toLowerCase());
    if (!engine || !view) return undefined;
    try {
      const result = await engine.query(`SELECT count(*) FROM ${quoteIdentifier(view.name)}`);
      const size = result.rows[0]?.[0];
      return typeof size === 'number' ? size : undefined;
    } catch {
      return undefined;
    }
  }

  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The cells changed: rebuild the program on next use and let editors re-check. */
  cellsChanged(): void {
    this.cached = undefined;
    this.notify();
  }

  setCatalog(catalog: Catalog): void {
    this.currentCatalog = catalog;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
