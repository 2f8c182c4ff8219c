/**
 * What the file menu does, without the menu: open and save `*.seg.md`, share links, bundles,
 * the HTML report and segment member lists. Each action returns what to tell the analyst (an
 * outcome sentence or a problem), never throws for things that can go wrong in use.
 */
import { hasDataStore } from '../data/opfs-files.ts';
import type { Value } from '../engine/types.ts';
import { BUNDLE_FILES, NOTEBOOK_FILES, pickFile, saveFile } from '../storage/file-pickers.ts';
import type { NotebookSession } from '../storage/notebook-session.ts';
import { fileNameFor, fileStem } from '../storage/notebook-title.ts';
import type { NotebookController } from '../ui/notebook-controller.ts';
import { download } from '../ui/seg-result-export.ts';
import { readBundle, writeBundle } from './bundle.ts';
import { gatherDataFiles, storeBundleFiles } from './bundle-data.ts';
import { MAX_NOTEBOOK_BYTES, shareLink } from './link.ts';
import { membersCsv, membersSql, type MemberList } from './members.ts';
import { reportDocument, reportTitle } from './report-export.ts';

export type Outcome = { ok: true; message: string } | { ok: false; message: string } | undefined;

/** Files the data panel reads; a notebook is Markdown (`*.seg.md`), never one of these. */
const DATA_FILE = /\.(csv|tsv|parquet|json|jsonl|ndjson)(\.gz)?$/i;

const NEW_NOTEBOOK = '---\ntitle: Untitled notebook\n---\n\n```seg\n\n```\n';

export interface FileActionsContext {
  session: NotebookSession;
  controller: NotebookController;
  /** The page's address (links and the site's own data are relative to it). */
  pageUrl: () => string;
  /** Progress of something slow, in words; undefined when it is done. */
  progress: (message: string | undefined) => void;
}

export class FileActions {
  constructor(private readonly context: FileActionsContext) {}

  /** Writes the notebook's file: the one it came from or was saved to, else asks where. */
  save(): Promise<Outcome> {
    return this.saveTo(this.context.session.fileHandle);
  }

  /** Asks where to write, even when the notebook has a file: Save and autosave then go there. */
  saveAs(): Promise<Outcome> {
    return this.saveTo(undefined);
  }

  private async saveTo(handle: FileSystemFileHandle | undefined): Promise<Outcome> {
    const { session, controller } = this.context;
    const text = controller.text();
    const name = session.fileName ?? fileNameFor(session.title, '.seg.md');
    return this.attempt('save the notebook', async () => {
      const result = await saveFile(new Blob([text], { type: 'text/markdown' }), name, NOTEBOOK_FILES, handle);
      if (!result.saved) return undefined;
      await session.savedToFile(text, result.fileName, result.handle);
      return { ok: true, message: `Saved to ${result.fileName}.` };
    });
  }

  /** A `*.seg.md` notebook or a bundle, chosen by the analyst. */
  async open(): Promise<Outcome> {
    return this.attempt('open the file', async () => {
      const picked = await pickFile([NOTEBOOK_FILES, BUNDLE_FILES]);
      return picked ? this.openFile(picked.file, picked.handle) : undefined;
    });
  }

  /** A `*.seg.md` notebook or a bundle the analyst picked or dropped on the page. */
  async openFile(file: File, handle?: FileSystemFileHandle): Promise<Outcome> {
    return this.attempt('open the file', async () => {
      if (await isZip(file)) return this.importBundle(file);
      if (DATA_FILE.test(file.name)) {
        return { ok: false, message: `${file.name} is a data file, not a notebook: add it with Add data (or drop it on the page), and the notebook gets it as a table.` };
      }
      if (file.size > MAX_NOTEBOOK_BYTES) {
        return { ok: false, message: `${file.name} is ${megabytes(file.size)}: too large for a notebook. Data files go in the data panel.` };
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
      } catch {
        return { ok: false, message: `${file.name} is not UTF-8 text, so Segbook cannot read it as a notebook: save it as UTF-8 and open it again.` };
      }
      await this.context.session.open(text, { fileName: file.name, ...(handle ? { handle } : {}), keep: true });
      return { ok: true, message: `Opened ${file.name}.` };
    });
  }

  async newNotebook(): Promise<Outcome> {
    await this.context.session.open(NEW_NOTEBOOK, { keep: false });
    return undefined;
  }

  /** A notebook that ships with the app (the sample): kept only once it is edited. */
  async openText(text: string): Promise<Outcome> {
    await this.context.session.open(text, { keep: false });
    return undefined;
  }

  /** The link to copy: the notebook in its fragment, without data. */
  shareLink(): { ok: true; url: string; message: string } | { ok: false; message: string } {
    const link = shareLink(this.context.controller.text(), this.context.pageUrl());
    if (!link.ok) return link;
    const tables = this.context.controller.tables.length;
    const data = tables > 0 ? ' Whoever opens it is asked for the data files, which the link does not carry.' : '';
    return { ok: true, url: link.url, message: `A link of ${link.url.length.toLocaleString('en-US')} characters that opens this notebook.${data}` };
  }

  async exportBundle(): Promise<Outcome> {
    const { session, controller } = this.context;
    if (!hasDataStore()) return { ok: false, message: 'This browser has no place to keep data files, so it cannot make bundles.' };
    return this.attempt('make the bundle', async () => {
      this.context.progress('Collecting the data files…');
      const notebook = controller.getNotebook();
      const gathered = await gatherDataFiles(notebook, this.context.pageUrl());
      if (!gathered.ok) return gathered;
      const total = gathered.files.reduce((sum, f) => sum + f.blob.size, 0);
      const name = session.fileName ? fileStem(session.fileName) : fileNameFor(session.title, '');
      const zipped = await writeBundle({ notebookName: `${name}.seg.md`, notebook: controller.text(), files: gathered.files }, (packed) =>
        this.context.progress(`Packing the bundle… ${megabytes(packed)} of ${megabytes(total)}`),
      );
      download(zipped, `${name}.segbundle`);
      const files = gathered.files.length;
      return { ok: true, message: `Saved ${name}.segbundle: the notebook and ${files === 1 ? 'its data file' : `${files} data files`} (${megabytes(zipped.size)}).` };
    });
  }

  async importBundle(file?: File): Promise<Outcome> {
    return this.attempt('open the bundle', async () => {
      const chosen = file ?? (await pickFile([BUNDLE_FILES]))?.file;
      if (!chosen) return undefined;
      this.context.progress(`Unpacking ${chosen.name}…`);
      const read = await readBundle(chosen);
      if (!read.ok) return read;
      const { bundle } = read;
      if (bundle.files.length > 0 && !hasDataStore()) return { ok: false, message: 'This browser has no place to keep data files, so it cannot open bundles with data.' };
      const notebook = await storeBundleFiles(bundle.notebook, bundle.files, (path) => this.context.progress(`Keeping ${path} in this browser…`));
      await this.context.session.open(notebook, { fileName: bundle.notebookName, keep: true });
      const files = bundle.files.length;
      return { ok: true, message: `Opened ${bundle.notebookName} from ${chosen.name}${files ? ` with ${files === 1 ? 'its data file' : `${files} data files`}` : ''}.` };
    });
  }

  async exportReport(): Promise<Outcome> {
    const { session, controller } = this.context;
    return this.attempt('make the report', async () => {
      this.context.progress('Running the notebook for the report…');
      const report = (await controller.runAll()) ?? controller.lastRun;
      if (!report || report.cancelled) return { ok: false, message: 'The notebook did not finish running, so there is no report yet: run it, then export again.' };
      const notebook = controller.getNotebook();
      const title = reportTitle(report, notebook, session.fileName);
      const html = reportDocument(report, notebook, title, controller.segmentColours());
      const name = fileNameFor(title, '.html');
      download(new Blob([html], { type: 'text/html' }), name);
      return { ok: true, message: `Saved the report as ${name}.` };
    });
  }

  async exportMembers(list: MemberList, hashed: boolean): Promise<Outcome> {
    const { controller } = this.context;
    return this.attempt(`list the members of ${list.name}`, async () => {
      this.context.progress(`Listing the members of ${list.name}…`);
      await controller.runAll();
      let keys: Value[];
      try {
        keys = (await controller.query(membersSql(list))).rows.map((row) => row[0] ?? null);
      } catch {
        return { ok: false, message: `${list.name} has no members to list yet: run the cell that defines it (and fix its errors), then export again.` };
      }
      const csv = await membersCsv(list, keys, hashed);
      const name = `${list.name.replace(/[^\w.-]+/g, '_')}-members${hashed ? '-sha256' : ''}.csv`;
      download(new Blob([csv], { type: 'text/csv' }), name);
      return { ok: true, message: `Saved ${keys.length.toLocaleString('en-US')} ${hashed ? 'hashed keys' : 'keys'} of ${list.name} as ${name}.` };
    });
  }

  private async attempt(what: string, action: () => Promise<Outcome>): Promise<Outcome> {
    try {
      return await action();
    } catch (error) {
      return { ok: false, message: `Could not ${what}: ${error instanceof Error ? error.message : String(error)}.` };
    } finally {
      this.context.progress(undefined);
    }
  }
}

/** By its name, or by the zip signature for bundles renamed on the way. */
async function isZip(file: File): Promise<boolean> {
  if (/\.(segbundle|zip)$/i.test(file.name)) return true;
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

function megabytes(bytes: number): string {
  return bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1000))} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`;
}

