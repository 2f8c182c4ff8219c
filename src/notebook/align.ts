/**
 * Which cell is which after an edit that moved cells: for each cell now, the position the same
 * cell (the same kind, name and text) had before, taken in order; undefined for a new or edited
 * cell. Inserting, deleting or moving a cell leaves every other cell matched to itself.
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
