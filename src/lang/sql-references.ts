/**
 * Identifiers a SQL cell mentions outside strings and comments: bare words and "quoted" names
 * (a segment's part view is "tier.gold"). An over-approximation the cell graph matches against
 * defined names.
 */
export function sqlReferences(sql: string): string[] {
  const found = new Set<string>();
  const pattern = /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"((?:[^"]|"")*)"|([A-Za-z_][A-Za-z0-9_$]*)/g;
  for (const m of sql.matchAll(pattern)) {
    if (m[1] !== undefined) found.add(m[1].replace(/""/g, '"'));
    else if (m[2] !== undefined) found.add(m[2]);
  }
  return [...found];
}
