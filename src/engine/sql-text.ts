/** Quoting for the SQL the engine writes itself (table names, file names and reader options). */

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Whether `DESCRIBE <sql>` is harmless: one statement, so DESCRIBE runs nothing else.
 * Any `;` before the end — even one inside a string — answers no, and the caller does without.
 */
export function isSingleStatement(sql: string): boolean {
  return !sql.replace(/[\s;]+$/, '').includes(';');
}

/**
 * Each statement of a script as its words (upper case) and symbols, with every string, quoted
 * name or dollar-quoted text as one `'`, `"` or `$`, and comments left out:
 * `SET x = 'a'; INSTALL httpfs` → `[['SET', 'X', '=', "'"], ['INSTALL', 'HTTPFS']]`.
 * For wording refusals only: what the sandbox allows is decided by DuckDB's own settings.
 */
const DOLLAR_TAG = /\$[A-Za-z_]*\$/y;
const WORD = /\w[\w$]*/y;

export function statementTokens(sql: string): string[][] {
  const statements: string[][] = [];
  let current: string[] = [];
  let i = 0;
  let tag: string | undefined;
  let word: string | undefined;
  const end = () => {
    if (current.length) statements.push(current);
    current = [];
  };
  while (i < sql.length) {
    const ch = sql[i]!;
    const rest = sql.slice(i, i + 2);
    if (ch === ';') {
      end();
      i++;
    } else if (rest === '--') {
      i = until(sql, '\n', i + 2);
    } else if (rest === '/*') {
      i = until(sql, '*/', i + 2);
    } else if (ch === "'" || ch === '"') {
      i = closingQuote(sql, ch, i + 1);
      current.push(ch);
    } else if ((tag = matchAt(DOLLAR_TAG, sql, i))) {
      i = until(sql, tag, i + tag.length);
      current.push('$');
    } else if ((word = matchAt(WORD, sql, i))) {
      current.push(word.toUpperCase());
      i += word.length;
    } else {
      if (!/\s/.test(ch)) current.push(ch);
      i++;
    }
  }
  end();
  return statements;
}

function matchAt(sticky: RegExp, text: string, at: number): string | undefined {
  sticky.lastIndex = at;
  return sticky.exec(text)?.[0];
}

/** The index just past the next `marker` from `from`, or the end of the text. */
function until(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at < 0 ? text.length : at + marker.length;
}

/** The index just past the quote that closes one opened before `from`; a doubled quote is an escaped one. */
function closingQuote(text: string, quote: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] !== quote) return i + 1;
      i += 2;
    } else i++;
  }
  return i;
}
