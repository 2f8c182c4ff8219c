// The app's one engine: sandboxed (SQL reaches no file, URL or extension, spec §6; files still
// load through the engine, sealed at the first query), started once, by whichever script asks
// first (boot.ts, with DuckDB's worker it started before anything else loaded). Listeners join
// when the part of the app that shows them has loaded.
import { startBrowserEngine } from './engine/browser.ts';
import type { ManagedEngine } from './engine/managed-engine.ts';
import type { EngineOptions } from './engine/types.ts';

type EngineListeners = Pick<EngineOptions, 'onRestart' | 'onLoadProgress'>;

const listeners: EngineListeners = {};
let starting: Promise<ManagedEngine> | undefined;

/** `worker`: DuckDB's worker, started already (boot.ts), for the first database. */
export function startAppEngine(worker?: Worker): Promise<ManagedEngine> {
  starting ??= startBrowserEngine(
    {
      sandbox: true,
      // A notebook reopened on files kept in this browser loads them before its first query: read
      // by the query database itself, they need no loader database started first (seconds of CPU).
      sealAtFirstQuery: true,
      onRestart: (report) => listeners.onRestart?.(report),
      onLoadProgress: (table, progress) => listeners.onLoadProgress?.(table, progress),
    },
    worker,
  );
  return starting;
}

export function listenToAppEngine(given: EngineListeners): void {
  Object.assign(listeners, given);
}
