/** DuckDB's read_csv complaints → `FILE, line N: REASON` in an analyst's words. */
import { DataLoadError } from '../errors.ts';

const REWORDINGS: [RegExp, (...groups: string[]) => string][] = [
  [/Expected Number of Columns: (\d+) Found: (\d+)/, (expected, found) => `expected ${expected} columns, found ${found}`],
  [
    /Error when converting column "(.*?)"\. Could not convert string "(.*?)" to '(.*?)'/,
    (column, value, type) => `column "${column}": cannot read "${value}" as ${type}`,
  ],
  [/not utf-8 encoded/i, () => "the file is not UTF-8 text: give its encoding as a reader option (Excel on Windows writes 'windows-1252'), or save it as UTF-8"],
  [/unterminated quote/i, () => 'a quoted value is never closed'],
  [/Columns with names: (.*) do not exist in the CSV File/, (names) => `the types option names columns the file does not have: ${names}`],
  [/Type with name (\S+) does not exist/, (type) => `unknown type ${type} in the types option`],
  [
    /Number of expected columns: (\d+)\. Actual number of columns (\d+)/,
    (expected, actual) => `the names option gives ${expected} columns but the file has ${actual}`,
  ],
  [/Maximum line size of (\d+) bytes exceeded/, (size) => `a line is longer than ${size} bytes`],
  [/file system operations are disabled by configuration/, () => 'this session no longer reads files (external access was switched off); load CSV files before that'],
];

/** Whether DuckDB could not work out the file's dialect (delimiter, quotes, header). */
export function isSniffFailure(message: string): boolean {
  return /Error when sniffing file|not possible to automatically detect/i.test(message);
}

export function csvLoadError(file: string, message: string): DataLoadError {
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  return new DataLoadError(file, reasonOf(message), line === undefined ? undefined : Number(line));
}

function reasonOf(message: string): string {
  for (const [pattern, reword] of REWORDINGS) {
    const match = pattern.exec(message);
    if (match) return reword(...match.slice(1));
  }
  if (isSniffFailure(message)) return 'cannot tell how the file is delimited; give its delimiter (and header) in its reader options';
  const first = message.split('\n').find((l) => l.trim() !== '' && !/CSV Error on Line|^Original Line:/.test(l)) ?? message;
  return first.replace(/^[A-Za-z ]*Error: /, '').trim();
}
