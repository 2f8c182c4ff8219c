// The app's one engine: sandboxed (SQL reaches no file, URL or extension, spec §6; files still
// load through the engine), started once, by whichever script asks first. Listeners join when
// the part of the app that shows them has loaded.
import { startBrowserEngine } from './engine/browser.ts';
import type { ManagedEngine } from './engine/managed-engine.ts';
import type { EngineOptions } from './engine/types.ts';

type EngineListeners = Pick<EngineOptions, 'onRestart' | 'onLoadProgress'>;

const listeners: EngineListeners = {};
let starting: Promise<ManagedEngine> | undefined;

export function startAppEngine(): Promise<ManagedEngine> {
  starting ??= startBrowserEngine({
    sandbox: true,
    onRestart: (report) => listeners.onRestart?.(report),
    onLoadProgress: (table, progress) => listeners.onLoadProgress?.(table, progress),
  });
  return starting;
}

export function listenToAppEngine(given: EngineListeners): void {
  Object.assign(listeners, given);
}
