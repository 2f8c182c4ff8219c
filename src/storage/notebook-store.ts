/**
 * Notebooks kept in this browser (IndexedDB, through idb): one record per notebook the analyst
 * worked on, and which one was open last. Nothing here leaves the machine.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface StoredNotebook {
  id: string;
  title: string;
  /** The `*.seg.md` text as of the last autosave. */
  text: string;
  updatedAt: number;
  /**
   * The text as it was last opened or saved to a file; the notebook has changes not yet in a file
   * while `text` differs from it. Undefined for notebooks that never came from or went to a file.
   */
  savedText?: string;
  /** The file it was opened from or saved to, for the list and the next save's suggested name. */
  fileName?: string;
  /** Where the File System Access API exists: the file itself, so Save writes to it again after a reload. */
  handle?: FileSystemFileHandle;
  /**
   * Made when another tab changed this notebook too: the edits of this tab went here instead. It
   * bears the original's title, so Recent says "copy" to tell the two apart.
   */
  copy?: true;
}

export type RecentNotebook = Pick<StoredNotebook, 'id' | 'title' | 'updatedAt' | 'fileName' | 'copy'>;

interface Schema extends DBSchema {
  notebooks: { key: string; value: StoredNotebook; indexes: { updatedAt: number } };
  settings: { key: string; value: string };
}

const LAST_OPEN = 'last-open';

export class NotebookStore {
  private constructor(private readonly db: IDBPDatabase<Schema>) {}

  /** The store, or a sentence saying why this browser keeps nothing (a private window may refuse). */
  static async open(name = 'segbook'): Promise<NotebookStore | string> {
    try {
      const db = await openDB<Schema>(name, 1, {
        upgrade(database) {
          database.createObjectStore('notebooks', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
          database.createObjectStore('settings');
        },
      });
      return new NotebookStore(db);
    } catch (error) {
      return `This browser does not let Segbook keep notebooks (${error instanceof Error ? error.message : String(error)}), so nothing is saved automatically: save to a file.`;
    }
  }

  async put(notebook: StoredNotebook): Promise<void> {
    await this.db.put('notebooks', notebook);
  }

  get(id: string): Promise<StoredNotebook | undefined> {
    return this.db.get('notebooks', id);
  }

  async remove(id: string): Promise<void> {
    await this.db.delete('notebooks', id);
  }

  /** The most recently changed notebooks first. */
  async recent(limit = 20): Promise<RecentNotebook[]> {
    const found: RecentNotebook[] = [];
    let cursor = await this.db.transaction('notebooks').store.index('updatedAt').openCursor(null, 'prev');
    while (cursor && found.length < limit) {
      found.push(listed(cursor.value));
      cursor = await cursor.continue();
    }
    return found;
  }

  /** The first kept notebook that `matches`. */
  async find(matches: (notebook: StoredNotebook) => boolean): Promise<StoredNotebook | undefined> {
    for (let cursor = await this.db.transaction('notebooks').store.openCursor(); cursor; cursor = await cursor.continue()) {
      if (matches(cursor.value)) return cursor.value;
    }
    return undefined;
  }

  async lastOpen(): Promise<StoredNotebook | undefined> {
    const id = await this.db.get('settings', LAST_OPEN);
    return id === undefined ? undefined : this.get(id);
  }

  async setLastOpen(id: string | undefined): Promise<void> {
    if (id === undefined) await this.db.delete('settings', LAST_OPEN);
    else await this.db.put('settings', id, LAST_OPEN);
  }
}

/** What Recent shows of a notebook, without its text (which can be long). */
function listed({ id, title, updatedAt, fileName, copy }: StoredNotebook): RecentNotebook {
  return { id, title, updatedAt, ...(fileName === undefined ? {} : { fileName }), ...(copy ? { copy } : {}) };
}
