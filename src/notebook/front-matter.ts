/**
 * The front matter (spec §8): `title`, `asof` and `data`, where each table is a path or a mapping
 * of the path and CSV reader options. Problems are values in the analyst's words, never throws.
 */
import { Document, isMap, parseDocument } from 'yaml';
import { encodingName } from '../engine/text-encoding.ts';
import type { ReaderOptions } from '../engine/types.ts';

export interface DataEntry {
  /** Table name. */
  name: string;
  /** As written: relative to the notebook, or a URL of the same origin in the browser. */
  path: string;
  options: ReaderOptions;
}

export interface NotebookMeta {
  title?: string;
  asof?: string;
  data: DataEntry[];
}

export interface FrontMatter {
  meta: NotebookMeta;
  /** One sentence each, naming the field at fault. */
  problems: string[];
}

const FORMATS = ['csv', 'tsv', 'txt', 'parquet', 'json', 'jsonl'] as const;
const READER_KEYS = ['path', 'format', 'encoding', 'delimiter', 'header', 'names', 'skip', 'dateformat', 'timestampformat', 'nullstr', 'types'];

export function readFrontMatter(yaml: string | undefined): FrontMatter {
  const meta: NotebookMeta = { data: [] };
  if (yaml === undefined || yaml.trim() === '') return { meta, problems: [] };
  const doc = parseDocument(yaml);
  if (doc.errors.length > 0) {
    return { meta, problems: doc.errors.map((e) => yamlProblem(e.message, e.linePos?.[0]?.line)) };
  }
  const value: unknown = doc.toJS();
  if (!isRecord(value)) return { meta, problems: ['the front matter must be a mapping of fields (title, asof, data)'] };
  const problems: string[] = [];
  if (value.title !== undefined && value.title !== null) meta.title = String(value.title);
  if (value.asof !== undefined && value.asof !== null) {
    const asof = String(value.asof);
    if (isIsoDate(asof)) meta.asof = asof;
    else problems.push(`asof '${asof}' in the front matter is not a date like 2024-06-30`);
  }
  if (value.data !== undefined && value.data !== null) {
    if (!isRecord(value.data)) problems.push('data in the front matter must map table names to files');
    else {
      for (const [name, entry] of Object.entries(value.data)) {
        // SQL names ignore case: a second entry would silently replace the first one's table.
        const same = meta.data.find((d) => d.name.toLowerCase() === name.toLowerCase());
        const read = same ? `data entries '${same.name}' and '${name}' name the same table (table names ignore case): rename one` : dataEntry(name, entry);
        if (typeof read === 'string') problems.push(read);
        else meta.data.push(read);
      }
    }
  }
  return { meta, problems };
}

/** Sets top-level front-matter fields, keeping comments and the order of everything else. */
export function updateFrontMatter(yaml: string | undefined, fields: Record<string, unknown>): string {
  const parsed = parseDocument(yaml ?? '');
  const doc = isMap(parsed.contents) ? parsed : new Document({});
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) doc.delete(key);
    else doc.set(key, value);
  }
  return doc.toString();
}

export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function dataEntry(name: string, entry: unknown): DataEntry | string {
  if (typeof entry === 'string') return { name, path: entry, options: {} };
  if (!isRecord(entry)) return `data entry '${name}' must be a file path or a mapping with a path`;
  const unknown = Object.keys(entry).filter((key) => !READER_KEYS.includes(key));
  if (unknown.length > 0) {
    return `data entry '${name}' has unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (known: ${READER_KEYS.join(', ')})`;
  }
  if (typeof entry.path !== 'string' || entry.path === '') return `data entry '${name}' needs a path`;
  const options = readerOptions(name, entry);
  return typeof options === 'string' ? options : { name, path: entry.path, options };
}

function readerOptions(name: string, entry: Record<string, unknown>): ReaderOptions | string {
  const options: ReaderOptions = {};
  const bad = (key: string, what: string) => `data entry '${name}': ${key} must be ${what}`;
  const { format, encoding, delimiter, header, names, skip, dateformat, timestampformat, nullstr, types } = entry;
  if (format !== undefined) {
    if (!FORMATS.includes(format as (typeof FORMATS)[number])) return bad('format', `one of ${FORMATS.join(', ')}`);
    options.format = format as ReaderOptions['format'];
  }
  if (encoding !== undefined) {
    if (typeof encoding !== 'string' || encodingName(encoding) === undefined) return bad('encoding', 'the name of a text encoding, such as windows-1252, iso-8859-2, shift_jis or utf-16');
    options.encoding = encoding;
  }
  if (delimiter !== undefined) {
    if (typeof delimiter !== 'string' || delimiter === '') return bad('delimiter', 'a character such as ";"');
    options.delimiter = delimiter;
  }
  if (header !== undefined) {
    if (typeof header !== 'boolean') return bad('header', 'true or false');
    options.header = header;
  }
  if (names !== undefined) {
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) return bad('names', 'a list of column names');
    options.names = names;
  }
  if (skip !== undefined) {
    if (typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0) return bad('skip', 'a number of lines');
    options.skip = skip;
  }
  if (dateformat !== undefined) {
    if (typeof dateformat !== 'string') return bad('dateformat', 'a format such as "%d/%m/%Y"');
    options.dateformat = dateformat;
  }
  if (timestampformat !== undefined) {
    if (typeof timestampformat !== 'string') return bad('timestampformat', 'a format such as "%m/%d/%Y %H:%M"');
    options.timestampformat = timestampformat;
  }
  if (nullstr !== undefined) {
    const texts = typeof nullstr === 'string' || (Array.isArray(nullstr) && nullstr.length > 0 && nullstr.every((n) => typeof n === 'string'));
    if (!texts) return bad('nullstr', 'the text that stands for a missing value, such as "NA", or a list of such texts (in quotes)');
    options.nullstr = nullstr as string | string[];
  }
  if (types !== undefined) {
    if (!isRecord(types) || !Object.values(types).every((t) => typeof t === 'string')) {
      return bad('types', 'a mapping of column name to type');
    }
    options.types = types as Record<string, string>;
  }
  return options;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The YAML parser's reason, placed on the notebook file's line (the front matter starts on line 2). */
function yamlProblem(message: string, line: number | undefined): string {
  const reason = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  return `the front matter is not valid YAML${line ? ` (line ${line + 1} of the file)` : ''}: ${reason}`;
}
