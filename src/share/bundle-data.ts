/**
 * The data files a bundle carries, and putting them back: each front-matter path's bytes come from
 * the browser's data store (files the analyst added, src/data) or, for data the site serves (the
 * samples), from the site itself. Importing stores every file under its front-matter path, so the
 * notebook reads them as it did where the bundle was made — unless a file with other bytes is kept
 * under that path here (another notebook's data): then the bundle's file is kept under a new path,
 * which the notebook's front matter is changed to name.
 */
import { setDataEntry } from '../data/data-entries.ts';
import { pathForFile, readDataFile, storeDataFile } from '../data/opfs-files.ts';
import { frontMatterOf, parseNotebook, writeNotebook } from '../notebook/format.ts';
import { readFrontMatter } from '../notebook/front-matter.ts';
import type { Notebook } from '../notebook/model.ts';
import { fetchProblem } from '../engine/browser-files.ts';
import { dataUrl } from '../ui/data-urls.ts';
import type { BundleFile } from './bundle.ts';

export type GatheredFiles = { ok: true; files: BundleFile[] } | { ok: false; message: string };

export async function gatherDataFiles(notebook: Notebook, pageBase: string): Promise<GatheredFiles> {
  const files: BundleFile[] = [];
  const seen = new Set<string>();
  for (const entry of readFrontMatter(notebook.frontMatter).meta.data) {
    if (seen.has(entry.path)) continue;
    seen.add(entry.path);
    const stored = await readDataFile(entry.path).catch(() => undefined);
    if (stored) {
      files.push({ path: entry.path, blob: stored });
      continue;
    }
    const url = new URL(dataUrl(entry.path, pageBase));
    if (url.origin !== new URL(pageBase).origin) {
      return { ok: false, message: `The data of '${entry.name}' (${entry.path}) is on another site, and Segbook never fetches from other sites: add the file to the notebook first.` };
    }
    const response = await fetch(url).catch(() => undefined);
    if (!response || fetchProblem(response, entry.path)) return { ok: false, message: `The data of '${entry.name}' (${entry.path}) is not in this browser: add the file to the notebook first.` };
    files.push({ path: entry.path, blob: await response.blob() });
  }
  return { ok: true, files };
}

/** Keeps each of a bundle's files in the browser; resolves to the notebook's text, naming the paths they were kept under. */
export async function storeBundleFiles(notebookText: string, files: BundleFile[], onFile?: (path: string) => void): Promise<string> {
  let frontMatter = frontMatterOf(notebookText);
  for (const file of files) {
    onFile?.(file.path);
    const path = await pathForFile(file.path, file.blob);
    await storeDataFile(path, file.blob);
    if (path === file.path) continue;
    for (const entry of readFrontMatter(frontMatter).meta.data) {
      if (entry.path === file.path) frontMatter = setDataEntry(frontMatter, entry.name, path, entry.options) ?? frontMatter;
    }
  }
  if (frontMatter === frontMatterOf(notebookText)) return notebookText;
  return writeNotebook({ ...parseNotebook(notebookText), frontMatter });
}
