/**
 * A table name for a file: its name without the extension, in lower case, with every run of other
 * characters as `_`, so SegQL can use it without backticks (spec §2). A name that starts with a
 * digit gets a `t_` in front; a keyword, or a name already taken (ignoring case), a number after it.
 */
import { keywordTokens } from '../lang/index.ts';

const KEYWORDS = new Set(keywordTokens.map((token) => token.name.toLowerCase()));
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function tableNameFor(fileName: string, taken: Iterable<string> = []): string {
  const stem = fileName
    .split(/[\\/]/)
    .pop()!
    .replace(/(\.[a-z0-9]+)?(\.gz)?$/i, '');
  let name = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (name === '') name = 'data';
  if (/^[0-9]/.test(name)) name = `t_${name}`;
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  if (!KEYWORDS.has(name) && !used.has(name)) return name;
  for (let n = 2; ; n++) if (!used.has(`${name}_${n}`)) return `${name}_${n}`;
}

/** Why `name` cannot name a table, in the analyst's words; undefined when it can. */
export function tableNameProblem(name: string, taken: Iterable<string> = []): string | undefined {
  if (name === '') return 'give the table a name';
  if (!IDENTIFIER.test(name)) return 'use letters, digits and _ only, not starting with a digit';
  if (KEYWORDS.has(name.toLowerCase())) return `'${name}' is a SegQL keyword`;
  if ([...taken].some((t) => t.toLowerCase() === name.toLowerCase())) return `a table named '${name}' is already in the notebook`;
  return undefined;
}
