/**
 * The data panel's state and actions, without any DOM. Adding a file copies it into the browser's
 * store (OPFS) and records it in the front matter (spec §8) under a table name made from its file
 * name; the notebook then loads it like any of its data, through the engine, whose progress
 * reports arrive here. Reader options, renames and removals are front-matter edits too, so the
 * notebook remembers which table came from which file, read how.
 *
 *   add ─▶ copy into OPFS (bytes) ─▶ front matter ─▶ the notebook's run loads it (bytes, rows) ─▶ schema
 */
import { DataLoadError } from '../engine/errors.ts';
import { formatOf } from '../engine/load/source.ts';
import type { LoadProgress, QueryResult, ReaderOptions } from '../engine/types.ts';
import type { CatalogColumn } from '../lang/catalog.ts';
import type { DataEntry } from '../notebook/front-matter.ts';
import { quoteIdentifier } from '../notebook/tables.ts';
import type { NotebookController } from '../ui/notebook-controller.ts';
import { removeDataEntry, renameDataEntry, setDataEntry } from './data-entries.ts';
import { hasLocalFile, keepForSession } from './data-sources.ts';
import { hasDataStore, pathForFile, storeDataFile } from './opfs-files.ts';
import { tableNameFor, tableNameProblem } from './table-name.ts';

export type DataStatus = 'copying' | 'loading' | 'loaded' | 'error' | 'waiting';

export interface DataTableView {
  name: string;
  path: string;
  options: ReaderOptions;
  status: DataStatus;
  message?: string;
  progress?: LoadProgress;
  columns?: CatalogColumn[];
  rowCount?: number;
  /** The file is nowhere: not in this browser and not on the site. */
  missing: boolean;
}

interface Adding {
  name: string;
  path: string;
  abort: AbortController;
  progress: LoadProgress;
}

const FRONT_MATTER_BROKEN = 'The front matter is not a valid YAML mapping, so data cannot be recorded in it: fix it first.';

export class DataPanelModel extends EventTarget {
  private readonly adding = new Map<string, Adding>();
  private readonly progress = new Map<string, LoadProgress>();
  /** Tables added in this page, which Cancel takes out of the notebook again. */
  private readonly added = new Set<string>();
  private notices: string[] = [];

  constructor(private readonly controller: NotebookController) {
    super();
    controller.addEventListener('change', () => this.onControllerChange());
    // What was said about the files added to one notebook is no news in the next.
    controller.addEventListener('replaced', () => (this.notices = []));
  }

  /** Messages about the last files added (a type Segbook cannot read, a store that is full). */
  get messages(): readonly string[] {
    return this.notices;
  }

  get tables(): DataTableView[] {
    const controller = this.controller;
    const states = new Map(controller.tables.map((t) => [t.name.toLowerCase(), t]));
    const catalog = controller.language.catalog();
    const views = this.entries().map((entry): DataTableView => {
      const key = entry.name.toLowerCase();
      const state = states.get(key);
      const table = catalog.tables.find((t) => t.kind !== 'view' && t.name.toLowerCase() === key);
      const local = hasLocalFile(entry.path);
      const notFound = state?.status === 'error' && /file not found|could not be fetched/.test(state.message ?? '');
      // A file just given for missing data waits for the run that reads it.
      const status: DataStatus = notFound && local ? 'waiting' : (state?.status ?? 'waiting');
      return {
        name: entry.name,
        path: entry.path,
        options: entry.options,
        status,
        ...(state?.message !== undefined ? { message: state.message } : {}),
        ...(status === 'loading' && this.progress.has(key) ? { progress: this.progress.get(key)! } : {}),
        ...(status === 'loaded' && table ? { columns: table.columns, ...(table.rowCount !== undefined ? { rowCount: table.rowCount } : {}) } : {}),
        missing: notFound && !local,
      };
    });
    const copying = [...this.adding.values()].map((a): DataTableView => ({ name: a.name, path: a.path, options: {}, status: 'copying', progress: a.progress, missing: false }));
    return [...views, ...copying];
  }

  get missing(): DataTableView[] {
    return this.tables.filter((t) => t.missing);
  }

  /** Adds each file as a table; files Segbook cannot read are named in `messages`. */
  async addFiles(files: readonly File[]): Promise<void> {
    this.notices = [];
    await Promise.all(files.map((file) => this.addFile(file)));
  }

  /** Gives the notebook the file it names by `path` (its data was missing), keeping the front matter as it is. */
  async provide(path: string, file: File): Promise<void> {
    this.notices = [];
    if (!(await this.keep(path, file, new AbortController(), () => undefined))) return;
    this.rerun();
  }

  setOptions(name: string, options: ReaderOptions): void {
    const entry = this.entry(name);
    if (entry) this.editFrontMatter((yaml) => setDataEntry(yaml, entry.name, entry.path, options));
  }

  /** Renames table `name`; returns why the new name cannot be used, if it cannot. */
  rename(name: string, to: string): string | undefined {
    if (to === name) return undefined;
    const problem = tableNameProblem(to, this.takenNames().filter((t) => t.toLowerCase() !== name.toLowerCase()));
    if (problem) return problem;
    this.editFrontMatter((yaml) => renameDataEntry(yaml, name, to));
    return undefined;
  }

  /** Takes the table out of the notebook; the file stays in the browser's store. */
  remove(name: string): void {
    this.added.delete(name.toLowerCase());
    this.editFrontMatter((yaml) => removeDataEntry(yaml, name));
  }

  /** Stops adding or loading `name`; a file added in this page leaves the notebook again. */
  cancel(name: string): void {
    const key = name.toLowerCase();
    const adding = this.adding.get(key);
    if (adding) {
      adding.abort.abort();
      return;
    }
    this.controller.interrupt();
    if (this.added.has(key)) this.remove(name);
  }

  /** The first 20 rows of a loaded table. */
  preview(name: string): Promise<QueryResult> {
    return this.controller.query(`SELECT * FROM ${quoteIdentifier(name)} LIMIT 20`);
  }

  /** The engine's report on a load (every load of the notebook's tables comes through here). */
  loadProgress(table: string, progress: LoadProgress): void {
    this.progress.set(table.toLowerCase(), progress);
    this.emitChange();
  }

  private async addFile(file: File): Promise<void> {
    try {
      formatOf(file.name, {});
    } catch (error) {
      this.notices = [...this.notices, error instanceof DataLoadError ? error.message : String(error)];
      this.emitChange();
      return;
    }
    const existing = this.entries().find((e) => e.path === file.name);
    const path = existing ? file.name : await this.freePath(file);
    const pending = [...this.adding.values()].map((a) => a.name);
    const name = existing?.name ?? tableNameFor(file.name, [...this.takenNames(), ...pending]);
    const key = name.toLowerCase();
    const abort = new AbortController();
    const adding: Adding = { name, path, abort, progress: { bytesRead: 0, bytesTotal: file.size, rows: undefined, estimated: false } };
    this.adding.set(key, adding);
    this.emitChange();
    const kept = await this.keep(path, file, abort, (written) => {
      adding.progress = { ...adding.progress, bytesRead: written };
      this.emitChange();
    });
    this.adding.delete(key);
    if (!kept) return this.emitChange();
    this.added.add(key);
    if (existing) this.rerun();
    else this.editFrontMatter((yaml) => setDataEntry(yaml, name, path, {}));
  }

  /** The path a new file is kept under: its name, unless another notebook's file of that name is kept here. */
  private async freePath(file: File): Promise<string> {
    const path = hasDataStore() ? await pathForFile(file.name, file).catch(() => file.name) : file.name;
    if (path !== file.name) this.notices = [...this.notices, `Another ${file.name} is kept in this browser for another notebook; this one is kept as ${path}, and the other is left as it was.`];
    return path;
  }

  /** Copies the file into the browser's store; when there is none (or it is full), keeps it for this page. */
  private async keep(path: string, file: File, abort: AbortController, onBytes: (written: number) => void): Promise<boolean> {
    if (!hasDataStore()) {
      keepForSession(path, file);
      this.notices = [...this.notices, `${file.name} is kept until the page closes: this browser cannot store data files.`];
      return true;
    }
    try {
      await storeDataFile(path, file, { signal: abort.signal, onBytes });
      return true;
    } catch (error) {
      if (abort.signal.aborted) return false;
      keepForSession(path, file);
      const reason = error instanceof Error ? error.message : String(error);
      this.notices = [...this.notices, `${file.name} is kept until the page closes: the browser could not store it (${reason}).`];
      return true;
    }
  }

  /** The same front matter again: its paths are resolved anew (a file arrived) and the notebook runs. */
  private rerun(): void {
    const controller = this.controller;
    controller.setFrontMatter(controller.getNotebook().frontMatter);
  }

  private editFrontMatter(edit: (yaml: string | undefined) => string | undefined): void {
    const controller = this.controller;
    const next = edit(controller.getNotebook().frontMatter);
    if (next === undefined) {
      this.notices = [FRONT_MATTER_BROKEN];
      this.emitChange();
      return;
    }
    controller.setFrontMatter(next);
  }

  private entries(): readonly DataEntry[] {
    return this.controller.data;
  }

  private entry(name: string): DataEntry | undefined {
    return this.entries().find((e) => e.name.toLowerCase() === name.toLowerCase());
  }

  /** Table names the notebook uses already: its data, and the names its cells define. */
  private takenNames(): string[] {
    const catalog = this.controller.language.catalog();
    return [...this.entries().map((e) => e.name), ...catalog.tables.map((t) => t.name)];
  }

  private onControllerChange(): void {
    for (const table of this.controller.tables) {
      if (table.status !== 'loading') this.progress.delete(table.name.toLowerCase());
    }
    this.emitChange();
  }

  private emitChange(): void {
    this.dispatchEvent(new Event('change'));
  }
}
