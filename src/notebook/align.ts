/**
 * Which cell is which after an edit that moved cells: for each cell now, the position the same
 * cell (the same kind, name and text) had before, taken in order; undefined for a new or edited
 * cell. Inserting, deleting or moving a cell leaves every other cell matched to itself; two cells
 * of the same text are told apart by order alone (`alignIds` knows better, where there are ids).
 */
export function alignCells(previous: readonly string[], next: readonly string[]): (number | undefined)[] {
  const positions = new Map<string, number[]>();
  previous.forEach((key, index) => {
    const list = positions.get(key);
    if (list) list.push(index);
    else positions.set(key, [index]);
  });
  return next.map((key) => positions.get(key)?.shift());
}

/** The same, by the ids an editor gives its cells: for each cell now, its position before. */
export function alignIds(previous: readonly string[], next: readonly string[]): (number | undefined)[] {
  const at = new Map(previous.map((id, index) => [id, index]));
  return next.map((id) => at.get(id));
}
