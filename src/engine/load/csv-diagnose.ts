/**
 * Looking at delimited text the way an analyst would, for the cases DuckDB's sniffer gives up
 * on or reads as one wide column: which line has the wrong number of fields, and whether the
 * columns are aligned with runs of spaces (as in CDNOW-style .txt files).
 */

/** A record that does not fit the file: another number of fields, or a quote that is never closed. */
export type RaggedLine = { line: number; expected: number; found: number } | { line: number; unclosedQuote: true };

const CANDIDATES = [',', ';', '\t', '|'];

/** The delimiter the first line uses most, if any. */
export function guessDelimiter(text: string, skip = 0): string | undefined {
  const first = lines(text).slice(skip).find((l) => l.trim() !== '') ?? '';
  let best: string | undefined;
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const count = first.split(candidate).length - 1;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

/**
 * The first record whose field count differs from the first record's (quotes respected,
 * blank lines ignored), or a quote still open at the end of the text. Line numbers count from the
 * top of the file, skipped lines included. The last record is ignored when `truncated`: it may be cut off.
 */
export function findRaggedLine(text: string, delimiter: string, skip = 0, truncated = false): RaggedLine | undefined {
  let expected: number | undefined;
  let line = 1;
  let recordLine = 1;
  let fields = 1;
  let blank = true;
  let inQuotes = false;
  let quoteLine = 1;
  let skipped = 0;
  const endRecord = (): RaggedLine | undefined => {
    if (skipped < skip) skipped++;
    else if (!blank) {
      if (expected === undefined) expected = fields;
      else if (fields !== expected) return { line: recordLine, expected, found: fields };
    }
    fields = 1;
    blank = true;
    recordLine = line;
    return undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '\n') {
      const ragged = endRecord();
      if (ragged) return ragged;
    } else if (ch === '"') {
      inQuotes = true;
      quoteLine = line;
      blank = false;
    } else if (text.startsWith(delimiter, i)) {
      fields++;
      blank = false;
      i += delimiter.length - 1;
    } else if (ch !== '\r' && ch !== ' ') {
      blank = false;
    }
  }
  if (truncated) return undefined;
  return inQuotes ? { line: quoteLine, unclosedQuote: true } : endRecord();
}

/** How many fields the first non-blank line has, split at `delimiter` (quotes not considered). */
export function firstLineFields(text: string, delimiter: string): number {
  const first = lines(text).find((l) => l.trim() !== '') ?? '';
  return first.split(delimiter).length;
}

/** Whether every one of the first lines splits on runs of white space into the same number (>1) of fields. */
export function isWhitespaceAligned(text: string, skip = 0): boolean {
  const sample = lines(text).slice(skip, skip + 200).filter((l) => l.trim() !== '');
  if (sample.length < 2) return false;
  const counts = new Set(sample.map((l) => l.trim().split(/[ \t]+/).length));
  return counts.size === 1 && !counts.has(1);
}

/** White-space-aligned text → tab-separated text, line for line. */
export function alignedToTabs(text: string): string {
  return lines(text)
    .map((l) => l.trim().replace(/[ \t]+/g, '\t'))
    .join('\n');
}

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}
