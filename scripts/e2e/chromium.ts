// Debian's Chromium driven by playwright-core (never `playwright install`).
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/**
 * The end-to-end tests' own: V8 keeps DuckDB's wasm in its baseline compiler and never compiles
 * its hot functions again with TurboFan in the background. What the app does is the same; the
 * time is not: each cold open spends seconds of CPU on that background compiling, which on a
 * 2-core machine the page waits for. The benchmarks keep Chromium's defaults (what users get).
 */
export const E2E_ARGS = ['--js-flags=--liftoff-only'];

/** Each launch gets a fresh temporary profile (user-data dir), removed when the browser closes. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. Install it with \`sudo apt-get install -y chromium\`, ` +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}
