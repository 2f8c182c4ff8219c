/**
 * Which notebook is open and keeping it: every edit reaches IndexedDB within AUTOSAVE_MS, a
 * reload brings back the tab's own notebook and a new tab the one open last, others are listed as
 * recent, and the session knows whether the text has changes not yet in a file (the page warns
 * before closing then).
 *
 *   edit ─▶ controller 'notebook-change' ─▶ AUTOSAVE_MS ─▶ the text ─▶ store.put ─▶ 'change' (the menu re-renders)
 *
 * A notebook is written on opening when it came from somewhere the analyst cannot simply open
 * again (a file, a link, a bundle); a sample or a new notebook only from its first edit.
 */
import { parseNotebook, writeNotebook } from '../notebook/format.ts';
import type { NotebookController } from '../ui/notebook-controller.ts';
import { NotebookStore, type RecentNotebook, type StoredNotebook } from './notebook-store.ts';
import { notebookTitle } from './notebook-title.ts';

/** At most this long between an edit and its write (a throttle, so typing without pause is saved too). */
export const AUTOSAVE_MS = 250;

export interface OpenedFrom {
  fileName?: string;
  handle?: FileSystemFileHandle;
  /** Write it at once (files, links, bundles) or only once it is edited (samples, new notebooks). */
  keep: boolean;
}

export class NotebookSession extends EventTarget {
  private controller?: NotebookController;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing?: Promise<void>;
  /** Whether `current` is in the store (or must be, at the next write). */
  private kept: boolean;
  /** The last autosave that failed, in words. */
  private failure?: string;
  /** Tabs say which notebook they wrote, so two tabs on one notebook never write over each other. */
  private readonly tabs = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('segbook-notebooks');
  /** Another tab wrote the notebook open here since: this tab's next edit goes to a copy. */
  private diverged = false;
  /**
   * The controller's text changed since `current` was taken from it. An edit only says so: writing
   * a long notebook out as text on every keystroke held up the frame that shows the keystroke, so
   * the text is taken when it is written or read (`sync`).
   */
  private edits = false;

  private constructor(
    private readonly store: NotebookStore | undefined,
    private current: StoredNotebook,
    kept: boolean,
    /** Why autosave is off, when the browser refused IndexedDB. */
    readonly unavailable?: string,
  ) {
    super();
    this.kept = kept;
  }

  /** The notebook open last in this browser, or `fallback` (text) when there is none. */
  static async restore(fallback: string): Promise<NotebookSession> {
    const store = await NotebookStore.open();
    if (typeof store === 'string') return new NotebookSession(undefined, record(fallback, { keep: false }), false, store);
    // A reload shows what this tab had open; a new tab, what was open last in any.
    const own = tabNotebookId();
    const last = (own === undefined ? undefined : await store.get(own).catch(() => undefined)) ?? (await store.lastOpen().catch(() => undefined));
    return typeof last?.text === 'string' ? new NotebookSession(store, last, true) : new NotebookSession(store, record(fallback, { keep: false }), false);
  }

  get currentId(): string {
    this.sync();
    return this.current.id;
  }

  get text(): string {
    this.sync();
    return this.current.text;
  }

  get title(): string {
    this.sync();
    return this.current.title;
  }

  get fileName(): string | undefined {
    return this.current.fileName;
  }

  get fileHandle(): FileSystemFileHandle | undefined {
    return this.current.handle;
  }

  /** The text differs from what was opened or last saved to a file. */
  get unsavedToFile(): boolean {
    this.sync();
    return this.current.text !== this.current.savedText;
  }

  /** An edit is waiting to be written, or being written. */
  get saving(): boolean {
    return this.timer !== undefined || this.writing !== undefined;
  }

  get autosaveProblem(): string | undefined {
    return this.unavailable ?? this.failure;
  }

  /** Follows the controller's edits from now on. */
  attach(controller: NotebookController): void {
    this.controller = controller;
    controller.addEventListener('notebook-change', () => this.edited());
    this.tabs?.addEventListener('message', (event: MessageEvent<{ id?: string }>) => {
      if (event.data.id !== this.current.id) return;
      // An edit waiting to be written would overwrite the other tab's: it goes to the copy now.
      if (this.timer !== undefined) this.fork();
      else this.diverged = true;
    });
    addEventListener('beforeunload', (event) => {
      // Autosave keeps the text in this browser; the warning is for what is not in a file yet.
      if (this.unsavedToFile) event.preventDefault();
    });
    // The last writes before the tab goes away: pagehide also fires when the page is frozen or discarded.
    addEventListener('pagehide', () => void this.flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') void this.flush();
    });
  }

  /** Opens `text` in the notebook (and writes the one open now first). */
  async open(text: string, from: OpenedFrom): Promise<void> {
    await this.flush();
    this.current = await this.keptAlready(record(text, from));
    this.diverged = false;
    this.kept = from.keep;
    this.failure = undefined;
    await this.persist(from.keep);
    this.controller?.setNotebook(parseNotebook(text));
    this.emitChange();
  }

  async openRecent(id: string): Promise<boolean> {
    const found = await this.store?.get(id);
    if (!found) return false;
    await this.flush();
    this.current = found;
    this.diverged = false;
    this.kept = true;
    await this.persist(false);
    this.controller?.setNotebook(parseNotebook(found.text));
    this.emitChange();
    return true;
  }

  async recent(): Promise<RecentNotebook[]> {
    return (await this.store?.recent().catch(() => [])) ?? [];
  }

  async forget(id: string): Promise<void> {
    await this.store?.remove(id);
    this.emitChange();
  }

  /** The text is now in a file (saved there, or opened from it). */
  async savedToFile(text: string, fileName: string, handle?: FileSystemFileHandle): Promise<void> {
    this.sync();
    this.current = { ...this.current, savedText: text, fileName, ...(handle ? { handle } : {}) };
    await this.persist(true);
    this.emitChange();
  }

  /** Writes what is waiting now (before switching notebooks, when the tab hides). */
  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.write();
    }
    await this.writing;
  }

  private edited(): void {
    this.edits = true;
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, AUTOSAVE_MS);
    this.emitChange();
  }

  /** Takes the controller's text into `current` if it changed since. */
  private sync(): void {
    if (!this.edits || !this.controller) return;
    this.edits = false;
    const text = this.controller.text();
    if (text === this.current.text) return;
    if (this.diverged) this.fork();
    // The controller's title is its front matter as read already: the first edit after a pause is synced in the frame that shows it (the menu says "Saving…").
    const title = notebookTitle(this.controller.getNotebook(), this.current.fileName, { title: this.controller.title });
    this.current = { ...this.current, text, title, updatedAt: Date.now() };
    this.kept = true;
  }

  private async write(): Promise<void> {
    // One write at a time, in order: a later one always carries the latest text.
    const previous = this.writing;
    const next = (async () => {
      await previous;
      await this.persist(false);
    })();
    this.writing = next;
    await next;
    if (this.writing === next) this.writing = undefined;
    this.emitChange();
  }

  /** Puts the current notebook in the store when it is kept, and remembers it as the one open. */
  private async persist(force: boolean): Promise<void> {
    this.sync();
    if (!this.store) return;
    try {
      if (this.kept || force) {
        this.kept = true;
        await this.store.put(this.current);
        this.tabs?.postMessage({ id: this.current.id });
      }
      await this.store.setLastOpen(this.kept ? this.current.id : undefined);
      setTabNotebookId(this.kept ? this.current.id : undefined);
      this.failure = undefined;
    } catch (error) {
      this.failure = `The last changes could not be kept in this browser (${error instanceof Error ? error.message : String(error)}): save to a file.`;
    }
  }

  /**
   * A file, link or bundle (or the sample) opened again, unchanged since, is the notebook kept from
   * the last time: a second record of it would only be a second, identical line in Recent.
   */
  private async keptAlready(opened: StoredNotebook): Promise<StoredNotebook> {
    const kept = await this.store?.find((notebook) => isSameNotebook(notebook, opened)).catch(() => undefined);
    return kept ? { ...opened, id: kept.id } : opened;
  }

  /** From now on this tab keeps its notebook as a new one, beside the one another tab wrote. */
  private fork(): void {
    this.diverged = false;
    this.current = { ...this.current, id: crypto.randomUUID(), copy: true };
    this.dispatchEvent(new CustomEvent('notice', {
      detail: 'This notebook was also changed in another tab. The changes made here are kept as a copy of their own (see Recent), so neither tab loses any.',
    }));
  }

  private emitChange(): void {
    this.dispatchEvent(new Event('change'));
  }
}

/**
 * Whether `opened` is `kept` opened again: the same text from the same file (or from no file).
 * Anything edited since is another notebook, however alike its title: merging them would lose work.
 */
export function isSameNotebook(kept: StoredNotebook, opened: StoredNotebook): boolean {
  return kept.text === opened.text && kept.fileName === opened.fileName;
}

/** The text as the editor will write it back, so opening a file is not taken for an edit of it. */
function record(raw: string, from: OpenedFrom): StoredNotebook {
  const notebook = parseNotebook(raw);
  const text = writeNotebook(notebook);
  return {
    id: crypto.randomUUID(),
    title: notebookTitle(notebook, from.fileName),
    text,
    updatedAt: Date.now(),
    savedText: text,
    ...(from.fileName !== undefined ? { fileName: from.fileName } : {}),
    ...(from.handle ? { handle: from.handle } : {}),
  };
}

/**
 * The notebook this tab keeps, in the tab's own session storage: with two tabs on two notebooks,
 * the store's "open last" is whichever wrote last, and a reload must not swap them.
 */
const TAB_NOTEBOOK = 'segbook-tab-notebook';

function tabNotebookId(): string | undefined {
  try {
    return sessionStorage.getItem(TAB_NOTEBOOK) ?? undefined;
  } catch {
    return undefined;
  }
}

function setTabNotebookId(id: string | undefined): void {
  try {
    if (id === undefined) sessionStorage.removeItem(TAB_NOTEBOOK);
    else sessionStorage.setItem(TAB_NOTEBOOK, id);
  } catch {
    // Storage refused (a private window may): a reload then opens the notebook open last in any tab.
  }
}
