/**
 * The front matter's `data` (spec §8) edited in place: a table's entry added or replaced, renamed
 * or removed, keeping comments and everything else as written. An entry without reader options is
 * the bare path; with options, a mapping of the path and the options in the spec's order.
 * Front matter that is not a valid YAML mapping is never rewritten: the edits give undefined.
 */
import { Document, isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import type { ReaderOptions } from '../engine/types.ts';

const OPTION_ORDER = ['format', 'encoding', 'delimiter', 'header', 'names', 'skip', 'dateformat', 'timestampformat', 'nullstr', 'types'] as const;

export function entryValue(path: string, options: ReaderOptions): string | Record<string, unknown> {
  const value: Record<string, unknown> = { path };
  for (const key of OPTION_ORDER) if (options[key] !== undefined) value[key] = options[key];
  return Object.keys(value).length === 1 ? path : value;
}

/** Sets table `name` to `path` with `options`, replacing an entry of that name (any case) where it stood. */
export function setDataEntry(yaml: string | undefined, name: string, path: string, options: ReaderOptions): string | undefined {
  const doc = documentOf(yaml);
  if (!doc) return undefined;
  const data = dataMap(doc);
  const existing = keyOf(data, name);
  data.set(doc.createNode(existing ?? name), doc.createNode(entryValue(path, options)));
  return doc.toString();
}

export function removeDataEntry(yaml: string | undefined, name: string): string | undefined {
  const doc = documentOf(yaml);
  if (!doc) return undefined;
  const data = dataMap(doc);
  const existing = keyOf(data, name);
  if (existing !== undefined) data.delete(existing);
  if (data.items.length === 0) doc.delete('data');
  return doc.toString();
}

/** Renames table `from` to `to`, keeping its place among the entries. */
export function renameDataEntry(yaml: string | undefined, from: string, to: string): string | undefined {
  const doc = documentOf(yaml);
  if (!doc) return undefined;
  const data = dataMap(doc);
  const pair = data.items.find((item) => keyText(item.key)?.toLowerCase() === from.toLowerCase());
  if (pair) pair.key = doc.createNode(to);
  return doc.toString();
}

function documentOf(yaml: string | undefined): Document | undefined {
  const parsed = parseDocument(yaml ?? '');
  if (parsed.errors.length > 0) return undefined;
  if (parsed.contents === null) return new Document({});
  if (!isMap(parsed.contents)) return undefined;
  const data = parsed.get('data');
  return data === undefined || data === null || isMap(data) ? parsed : undefined;
}

function dataMap(doc: Document): YAMLMap {
  const data = doc.get('data');
  if (isMap(data)) return data;
  const created = doc.createNode({}) as YAMLMap;
  doc.set('data', created);
  return created;
}

function keyOf(data: YAMLMap, name: string): string | undefined {
  return data.items.map((item) => keyText(item.key)).find((key) => key?.toLowerCase() === name.toLowerCase());
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}
