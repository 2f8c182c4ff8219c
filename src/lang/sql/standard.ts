/** SQL that DuckDB and PostgreSQL write alike: quoting, literals and the quantile rule. */

// Quoting runs for every name in every statement; most names hold no quote, and testing for one
// first is cheaper than a replace that finds nothing.
export function quotedName(name: string): string {
  return name.includes('"') ? `"${name.replaceAll('"', '""')}"` : `"${name}"`;
}

export function string(value: string): string {
  return value.includes("'") ? `'${value.replaceAll("'", "''")}'` : `'${value}'`;
}

/** `digits`: a whole number's exact digits where `value` (beyond 2^53) has lost some. */
export function number(value: number, digits?: string): string {
  if (digits !== undefined && /^\d+$/.test(digits)) return digits;
  if (!Number.isFinite(value)) return 'NULL';
  return String(value);
}

/** ⌈N·k/n⌉ over the non-null values (spec §10) as (N·k + n − 1) divided by n, whole: `wholeDivide` is the dialect's operator for that. */
export function quantile(buckets: number, value: string, order: 'asc' | 'desc', partition: string | undefined, wholeDivide: '//' | '/'): string {
  const within = partition ? `PARTITION BY ${partition}` : '';
  const ranked = `count(${value}) OVER (${within ? `${within} ` : ''}ORDER BY ${value} ${order === 'desc' ? 'DESC' : 'ASC'})`;
  const n = `count(${value}) OVER (${within})`;
  return `CASE WHEN ${value} IS NULL THEN NULL ELSE (${buckets} * ${ranked} + ${n} - 1) ${wholeDivide} ${n} END`;
}
