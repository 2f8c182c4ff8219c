/**
 * A bundle: one zip file holding a notebook and its data files, for workshops (everyone opens the
 * same notebook over the same data in one click). Layout:
 *
 *   segbook-bundle.json   { format: 'segbook-bundle', version: 1, notebook: NAME, data: [{ path, entry }] }
 *   NAME                  the `*.seg.md` text, unchanged
 *   data/1-customers.csv  each data file; `path` is the front-matter path it is read by
 *
 * Files stream through fflate's synchronous zip classes (no worker: the page's CSP allows only the
 * app's own scripts) in chunks, so large data never has to sit whole in memory while packing.
 * Reading a bundle is bounded (BUNDLE_LIMITS) and every way one can be broken is a sentence.
 */
import { Unzip, UnzipInflate, Zip, ZipDeflate } from 'fflate';

const MANIFEST = 'segbook-bundle.json';
const FORMAT = 'segbook-bundle';

export const BUNDLE_LIMITS = { notebookBytes: 8_000_000, manifestBytes: 1_000_000, totalBytes: 2_000_000_000 };

export interface BundleFile {
  /** The path the notebook's front matter reads the file by. */
  path: string;
  blob: Blob;
}

export interface Bundle {
  /** The notebook's file name inside the bundle, e.g. `rfm.seg.md`. */
  notebookName: string;
  notebook: string;
  files: BundleFile[];
}

export type ReadBundle = { ok: true; bundle: Bundle } | { ok: false; message: string };

interface Manifest {
  format: typeof FORMAT;
  version: 1;
  notebook: string;
  data: { path: string; entry: string }[];
}

/** Packs the notebook and its files; `onBytes` hears how many bytes of data are packed so far. */
export async function writeBundle(bundle: Bundle, onBytes?: (packed: number) => void): Promise<Blob> {
  const parts: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else parts.push(chunk);
  });
  const entries = bundle.files.map((file, i) => ({ file, entry: `data/${i + 1}-${baseName(file.path)}` }));
  const manifest: Manifest = { format: FORMAT, version: 1, notebook: bundle.notebookName, data: entries.map(({ file, entry }) => ({ path: file.path, entry })) };
  addWhole(zip, MANIFEST, JSON.stringify(manifest, null, 2));
  addWhole(zip, bundle.notebookName, bundle.notebook);
  let packed = 0;
  for (const { file, entry } of entries) {
    const deflate = new ZipDeflate(entry, { level: 6 });
    zip.add(deflate);
    const reader = file.blob.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      deflate.push(value);
      packed += value.length;
      onBytes?.(packed);
    }
    deflate.push(new Uint8Array(0), true);
  }
  zip.end();
  if (failure) throw failure;
  return new Blob(parts as BlobPart[], { type: 'application/zip' });
}

export async function readBundle(blob: Blob, limits = BUNDLE_LIMITS): Promise<ReadBundle> {
  const refuse = (why: string): ReadBundle => ({ ok: false, message: `This file is not a Segbook bundle Segbook can open: ${why}.` });
  const entries = await unzipEntries(blob, limits.totalBytes);
  if (typeof entries === 'string') return refuse(entries);
  const manifestBytes = entries.get(MANIFEST);
  if (!manifestBytes) return refuse(`it has no ${MANIFEST} (bundles are made with Share → Download bundle)`);
  const manifest = manifestBytes.size > limits.manifestBytes ? 'its manifest is too large' : readManifest(await text(manifestBytes));
  if (typeof manifest === 'string') return refuse(manifest);
  const notebookBlob = entries.get(manifest.notebook);
  if (!notebookBlob) return refuse(`the notebook ${manifest.notebook} is missing from it`);
  if (notebookBlob.size > limits.notebookBytes) return refuse(`its notebook is larger than ${limits.notebookBytes / 1_000_000} MB`);
  const notebook = await text(notebookBlob);
  if (notebook === undefined) return refuse('its notebook is not text');
  const files: BundleFile[] = [];
  for (const { path, entry } of manifest.data) {
    const data = entries.get(entry);
    if (!data) return refuse(`the data file ${entry} (for ${path}) is missing from it`);
    files.push({ path, blob: data });
  }
  return { ok: true, bundle: { notebookName: manifest.notebook, notebook, files } };
}

function addWhole(zip: Zip, name: string, content: string): void {
  const file = new ZipDeflate(name, { level: 6 });
  zip.add(file);
  file.push(new TextEncoder().encode(content), true);
}

/** Every entry of the zip as a Blob, or why the zip cannot be read. */
async function unzipEntries(blob: Blob, limit: number): Promise<Map<string, Blob> | string> {
  const entries = new Map<string, Blob>();
  let total = 0;
  let problem: string | undefined;
  const unzip = new Unzip((file) => {
    const parts: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (problem) return;
      if (error) {
        problem = `${file.name} inside it is damaged`;
        return;
      }
      total += chunk.length;
      if (total > limit) {
        problem = `it unpacks to more than ${sizeText(limit)}`;
        file.terminate();
        return;
      }
      parts.push(chunk);
      if (final) entries.set(file.name, new Blob(parts as BlobPart[]));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const reader = blob.stream().getReader();
  try {
    for (let first = true; ; first = false) {
      const { done, value } = await reader.read();
      if (first && !done && !(value[0] === 0x50 && value[1] === 0x4b)) return 'it is not a zip file';
      unzip.push(done ? new Uint8Array(0) : value, done);
      if (done || problem) break;
    }
  } catch {
    return problem ?? 'it is damaged (the zip could not be read)';
  } finally {
    reader.releaseLock();
  }
  if (problem) return problem;
  if (entries.size === 0) return 'it is empty or not a zip file';
  return entries;
}

function readManifest(content: string | undefined): Manifest | string {
  const bad = `its ${MANIFEST} is not what Segbook writes`;
  if (content === undefined) return bad;
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return bad;
  }
  if (!isRecord(value) || value.format !== FORMAT) return bad;
  if (value.version !== 1) return `it was made by a newer Segbook (bundle version ${String(value.version)})`;
  if (typeof value.notebook !== 'string' || value.notebook === '' || !Array.isArray(value.data)) return bad;
  const data = value.data.filter((d): d is { path: string; entry: string } => isRecord(d) && typeof d.path === 'string' && d.path !== '' && typeof d.entry === 'string');
  if (data.length !== value.data.length) return bad;
  return { format: FORMAT, version: 1, notebook: value.notebook, data };
}

async function text(blob: Blob): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await blob.arrayBuffer());
  } catch {
    return undefined;
  }
}

function sizeText(bytes: number): string {
  return bytes >= 1e9 ? `${bytes / 1e9} GB` : `${bytes / 1e6} MB`;
}

function baseName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? '').replace(/[^\w.-]+/g, '_') || 'data';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
