/**
 * The cells the analyst interrupted, remembered for this tab: sessionStorage outlives a reload
 * but not the tab. Opening the notebook again runs every other cell, and these wait to be asked
 * for: a query stopped for taking too long would otherwise start again with the page.
 */
const KEY = 'segbook:interrupted-cells';

/** A cell by what it runs: its kind and text. */
export function interruptedKey(cell: { kind: string; source: string }): string {
  return `${cell.kind}\u0000${cell.source}`;
}

export function rememberInterrupted(keys: string[]): void {
  try {
    if (keys.length > 0) sessionStorage.setItem(KEY, JSON.stringify([...takeInterrupted(), ...keys]));
  } catch {
    // No storage (a private window that refuses it): the cells run on reload, as before.
  }
}

/** The remembered keys, which are forgotten as they are read: they hold back one opening only. */
export function takeInterrupted(): Set<string> {
  try {
    const stored = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    const keys: unknown = stored ? JSON.parse(stored) : [];
    return new Set(Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
}
