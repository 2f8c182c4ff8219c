/**
 * Which run created each view the runner made, so a reused result is trusted only while its views
 * are still the ones it created, and views nothing defines any more can be dropped.
 */
import type { CellSymbols } from './graph.ts';

/** What creates views: SQL cells with a name, and segments, partitions (their parts) and splits (their arms). */
const VIEW_KINDS = new Set(['view', 'segment', 'partition', 'split']);

export class ViewLedger {
  /** Lower-case view name → key of the cell run that created it. */
  private readonly owners = new Map<string, string>();

  record(views: string[], key: string): void {
    for (const view of views) this.owners.set(view.toLowerCase(), key);
  }

  ownedBy(views: string[], key: string): boolean {
    return views.every((view) => this.owners.get(view.toLowerCase()) === key);
  }

  /** Views whose name no current definition claims (its cell was deleted or renamed). */
  unclaimed(symbols: CellSymbols[]): string[] {
    const claimed = new Set(
      symbols.flatMap((s) => s.defines.filter((d) => VIEW_KINDS.has(d.kind)).map((d) => d.name.toLowerCase())),
    );
    return [...this.owners.keys()].filter((view) => !claimed.has(view) && !claimed.has(view.split('.')[0]!));
  }

  /** Views created by runs that no current cell result comes from. */
  orphans(liveKeys: Set<string>): string[] {
    return [...this.owners].filter(([, key]) => !liveKeys.has(key)).map(([view]) => view);
  }

  forget(view: string): void {
    this.owners.delete(view);
  }
}
