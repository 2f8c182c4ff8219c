/**
 * Choosing files to open and places to save: the File System Access API where the browser has it
 * (Chromium: Save writes to the same file again), `<input type=file>` and downloads elsewhere.
 * A cancelled picker is `undefined`, never an error.
 */
import { download } from '../ui/seg-result-export.ts';

export interface PickedFile {
  file: File;
  handle?: FileSystemFileHandle;
}

export interface FileKind {
  description: string;
  /** MIME type → extensions, as the pickers take them. */
  accept: Record<string, string[]>;
}

export const NOTEBOOK_FILES: FileKind = { description: 'Segbook notebook', accept: { 'text/markdown': ['.md'] } };
export const BUNDLE_FILES: FileKind = { description: 'Segbook bundle (notebook and data)', accept: { 'application/zip': ['.segbundle', '.zip'] } };

type PickerWindow = Window & {
  showOpenFilePicker?: (options: { types: FileKind[]; multiple: false }) => Promise<FileSystemFileHandle[]>;
  showSaveFilePicker?: (options: { types: FileKind[]; suggestedName: string }) => Promise<FileSystemFileHandle>;
};
type PermissionHandle = FileSystemFileHandle & {
  queryPermission?: (options: { mode: 'readwrite' }) => Promise<PermissionState>;
  requestPermission?: (options: { mode: 'readwrite' }) => Promise<PermissionState>;
};

const pickers = () => window as PickerWindow;

export async function pickFile(kinds: FileKind[]): Promise<PickedFile | undefined> {
  const open = pickers().showOpenFilePicker;
  if (!open) return pickWithInput(kinds);
  try {
    const [handle] = await open.call(window, { types: kinds, multiple: false });
    return handle ? { file: await handle.getFile(), handle } : undefined;
  } catch (error) {
    if (isCancel(error)) return undefined;
    throw error;
  }
}

export type SaveResult = { saved: true; fileName: string; handle?: FileSystemFileHandle } | { saved: false };

/**
 * Writes to `handle` when there is one and the browser still lets the page write there; otherwise
 * asks where (a save picker) or, without one, downloads the file under its suggested name.
 */
export async function saveFile(blob: Blob, suggestedName: string, kind: FileKind, handle?: FileSystemFileHandle): Promise<SaveResult> {
  if (handle && (await mayWrite(handle))) {
    await write(handle, blob);
    return { saved: true, fileName: handle.name, handle };
  }
  const save = pickers().showSaveFilePicker;
  if (!save) {
    download(blob, suggestedName);
    return { saved: true, fileName: suggestedName };
  }
  try {
    const chosen = await save.call(window, { types: [kind], suggestedName });
    await write(chosen, blob);
    return { saved: true, fileName: chosen.name, handle: chosen };
  } catch (error) {
    if (isCancel(error)) return { saved: false };
    throw error;
  }
}

async function write(handle: FileSystemFileHandle, blob: Blob): Promise<void> {
  const stream = await handle.createWritable();
  await stream.write(blob);
  await stream.close();
}

/** A handle kept from an earlier visit needs the analyst's permission again before writing. */
async function mayWrite(handle: PermissionHandle): Promise<boolean> {
  try {
    if ((await handle.queryPermission?.({ mode: 'readwrite' })) === 'granted') return true;
    return (await handle.requestPermission?.({ mode: 'readwrite' })) === 'granted';
  } catch {
    return false;
  }
}

function pickWithInput(kinds: FileKind[]): Promise<PickedFile | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = kinds.flatMap((k) => Object.values(k.accept).flat()).join(',');
    input.style.display = 'none';
    const done = (file: File | undefined) => {
      input.remove();
      resolve(file ? { file } : undefined);
    };
    input.addEventListener('change', () => done(input.files?.[0]));
    input.addEventListener('cancel', () => done(undefined));
    document.body.appendChild(input);
    input.click();
  });
}

function isCancel(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
