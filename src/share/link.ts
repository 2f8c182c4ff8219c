/**
 * A notebook carried in a link: its `*.seg.md` text, deflated (fflate) and base64url-encoded in
 * the URL fragment (`#nb=…`). Fragments never reach a server, and no data goes with the text.
 * A link comes from strangers, so reading one is bounded (the text may not inflate past
 * MAX_NOTEBOOK_BYTES) and every way it can be broken is a sentence, never a throw.
 */
import { Inflate, deflateSync } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url.ts';

const KEY = 'nb=';
/** Chromium refuses URLs longer than 2 MB; a notebook that needs more travels as a bundle file. */
export const MAX_LINK_CHARS = 2_000_000;
export const MAX_NOTEBOOK_BYTES = 8_000_000;
const INFLATE_STEP = 4096;

export type LinkResult = { ok: true; url: string } | { ok: false; message: string };
export type SharedNotebook = { ok: true; text: string } | { ok: false; message: string };

/** The page's address with the notebook in its fragment. */
export function shareLink(text: string, pageUrl: string): LinkResult {
  const packed = toBase64Url(deflateSync(new TextEncoder().encode(text), { level: 9 }));
  const base = new URL(pageUrl);
  base.hash = '';
  const url = `${base.href}#${KEY}${packed}`;
  if (url.length > MAX_LINK_CHARS) {
    const size = (url.length / 1_000_000).toFixed(1);
    return { ok: false, message: `This notebook is too long for a link (${size} million characters even compressed; browsers take at most 2). Share it as a file instead.` };
  }
  return { ok: true, url };
}

/** Whether a fragment (`location.hash`, with or without `#`) carries a notebook. */
export function isSharedFragment(fragment: string): boolean {
  return fragment.replace(/^#/, '').startsWith(KEY);
}

/** The notebook text a link carries; call only when isSharedFragment(fragment). */
export function readSharedFragment(fragment: string): SharedNotebook {
  const broken = (why: string): SharedNotebook => ({ ok: false, message: `This link does not hold a notebook Segbook can open: ${why}. Ask for the link again, or for the notebook file.` });
  const packed = withoutStrayCharacters(fragment.replace(/^#/, '').slice(KEY.length));
  if (packed.length > MAX_LINK_CHARS) return broken('it is longer than any link a browser can open');
  const bytes = fromBase64Url(packed);
  if (!bytes || bytes.length === 0) return broken('part of it is missing or was changed');
  const inflated = inflateBounded(bytes, MAX_NOTEBOOK_BYTES);
  if (inflated === 'too large') return broken(`the notebook in it would be larger than ${MAX_NOTEBOOK_BYTES / 1_000_000} MB`);
  if (inflated === 'corrupt') return broken('part of it is missing or was changed');
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(inflated) };
  } catch {
    return broken('it is not text');
  }
}

/**
 * A link pasted from a message often brings what surrounded it: a closing parenthesis or a full
 * stop, a line break or spaces where a mail program wrapped it (as themselves or %0A, %20). None of
 * these can be part of the base64url text, so they are dropped rather than spoiling the link.
 */
function withoutStrayCharacters(packed: string): string {
  return packed.replace(/%[0-9A-Fa-f]{2}/g, '').replace(/[^A-Za-z0-9_-]/g, '');
}

/** Inflates step by step, so a small hostile link cannot fill the tab's memory before being refused. */
function inflateBounded(bytes: Uint8Array, limit: number): Uint8Array | 'too large' | 'corrupt' {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < bytes.length && size <= limit; at += INFLATE_STEP) {
      inflate.push(bytes.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= bytes.length);
    }
  } catch {
    return 'corrupt';
  }
  if (size > limit) return 'too large';
  if (!ended) return 'corrupt';
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
