/**
 * Text encodings of delimited files. DuckDB's reader takes UTF-8 (and a strict Latin-1 that
 * refuses the € and curly quotes of Excel's Windows-1252), so other text is decoded here with the
 * platform's TextDecoder, which knows the WHATWG encodings in the browser and in Node alike.
 */

/** The encoding's canonical name ('windows-1252' for 'latin1'), or undefined when no decoder knows the label. */
export function encodingName(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** Whether the label names UTF-8, which DuckDB reads itself. */
export function isUtf8(label: string): boolean {
  return encodingName(label) === 'utf-8';
}

/** A UTF-16 byte-order mark at the start (Excel's "Unicode text"), which says the encoding beyond doubt. */
export function byteOrderEncoding(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (head.length < 2) return undefined;
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * The text as UTF-8 bytes, or undefined when it is not valid in `label` (only multi-byte
 * encodings can be invalid: every byte means something in Windows-1252). A byte-order mark is dropped.
 */
export function toUtf8(bytes: Uint8Array, label: string): Uint8Array | undefined {
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  if (encodingName(label) === 'windows-1252') text = text.replace(/[\u0080-\u009f]/g, windows1252);
  return new TextEncoder().encode(text);
}

/**
 * Bytes 0x80–0x9F as Windows-1252 means them (€, curly quotes, dashes…). Node 20's TextDecoder
 * reads them as Latin-1's control characters; browsers never return those but for the five
 * bytes Windows-1252 leaves undefined, which stay as they are.
 */
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(control: string): string {
  return WINDOWS_1252[control.charCodeAt(0) - 0x80]!;
}
