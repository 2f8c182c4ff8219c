/**
 * Side-by-side timing: the variants of one comparison take turns within every run (A B, then
 * B A), so drift in the machine's load falls on both alike; medians after a warm-up.
 */
import { performance } from 'node:perf_hooks';

export interface Variant<T = unknown> {
  name: string;
  run: () => Promise<T>;
  /** run() resolves to the milliseconds it measured itself (say, inside a page), not counting its set-up. */
  selfTimed?: boolean;
}

export interface Timing {
  /** Milliseconds, in the order measured. */
  samples: number[];
  median: number;
  min: number;
  max: number;
}

/** Runs every variant `count` times, untimed; returns what each gave the first time (to check answers). */
export async function warmUp<T>(variants: Variant<T>[], count: number): Promise<Map<string, T>> {
  const first = new Map<string, T>();
  for (let w = 0; w < count; w++) {
    for (const v of variants) {
      const result = await v.run();
      if (w === 0) first.set(v.name, result);
    }
  }
  return first;
}

/** Quick variants get more rounds, up to this many: a busy machine's spikes then move the median less. */
export const MAX_ROUNDS = 25;

export interface Rounds {
  runs: number;
  /** Keep adding rounds (up to MAX_ROUNDS) until the slowest variant has run this long in all. */
  minTotalMs: number;
}

/** At least `runs` timed rounds, each running every variant once, alternating the order between rounds. */
export async function interleave(variants: Variant[], { runs, minTotalMs }: Rounds): Promise<Map<string, Timing>> {
  const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const slowestTotal = () => Math.max(...[...samples.values()].map((s) => s.reduce((a, b) => a + b, 0)));
  for (let i = 0; i < runs || (i < MAX_ROUNDS && slowestTotal() < minTotalMs); i++) {
    const order = i % 2 === 0 ? variants : [...variants].reverse();
    for (const v of order) samples.get(v.name)!.push(v.selfTimed ? Number(await v.run()) : await timed(v.run));
  }
  return new Map([...samples].map(([name, s]) => [name, summarise(s)]));
}

export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export function summarise(samples: number[]): Timing {
  return { samples, median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
