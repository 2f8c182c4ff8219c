/** A table or column name as an analyst would type it in DuckDB SQL: bare when it can be, else in double quotes. */

/** DuckDB's reserved words (`duckdb_keywords()` where reserved): a column named `order` must be quoted. */
const RESERVED = new Set(
  ('all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create default deferrable desc ' +
    'describe distinct do else end except false fetch for foreign from group having in initially intersect into lambda lateral leading ' +
    'limit not null offset on only or order pivot pivot_longer pivot_wider placing primary qualify references returning select show some ' +
    'summarize symmetric table then to trailing true union unique unpivot using variadic when where window with').split(' '),
);

/** The name bare when SQL reads it as written, else in double quotes (`order`, `first name`). */
export function quoteSql(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(name.toLowerCase()) ? name : `"${name.replace(/"/g, '""')}"`;
}
