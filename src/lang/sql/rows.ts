/** Counts entities with a condition (every entity when the condition is TRUE). */
export function countWhere(condition: string): string {
  return condition === 'TRUE' ? 'count(*)' : `count(*) FILTER (WHERE ${condition})`;
}
