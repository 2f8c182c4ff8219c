import type { Dialect } from './dialect.ts';

/**
 * A result with one row per list entry, computed in one pass over the entities: each entry is a
 * struct of aggregates, the list is unnested afterwards. One scan keeps compiled SQL as fast as
 * the aggregate an analyst would write by hand.
 */
export function structList(entries: [string, string][][], dialect: Dialect): string {
  const structs = entries.map((fields) => `{${fields.map(([k, v]) => `${dialect.string(k)}: ${v}`).join(', ')}}`);
  return `[\n      ${structs.join(',\n      ')}\n    ]`;
}

/** Counts entities with a condition (every entity when the condition is TRUE). */
export function countWhere(condition: string): string {
  return condition === 'TRUE' ? 'count(*)' : `count(*) FILTER (WHERE ${condition})`;
}
