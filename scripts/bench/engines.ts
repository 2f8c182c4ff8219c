/**
 * The engines the rows share, one per kind and scale, each holding `customers` and `orders`
 * loaded from the same CSV files: loading 10M orders takes a while, so rows 1 and 2 reuse them.
 */
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine } from '../../src/engine/types.ts';
import type { RetailData, Scale } from './data.ts';
import { createFromCsv, NativeDuckDB } from './native.ts';
import { timed } from './timing.ts';

export interface LoadTime {
  engine: 'DuckDB-WASM' | 'native DuckDB';
  scale: Scale;
  ms: number;
}

export class BenchEngines {
  private readonly wasmEngines = new Map<Scale, Promise<Engine>>();
  private readonly nativeEngines = new Map<Scale, Promise<NativeDuckDB>>();
  /** One load per engine and scale: informational, not a median. */
  readonly loadTimes: LoadTime[] = [];

  constructor(private readonly log: (line: string) => void) {}

  wasm(data: RetailData): Promise<Engine> {
    let engine = this.wasmEngines.get(data.scale);
    if (!engine) {
      engine = this.startWasm(data);
      this.wasmEngines.set(data.scale, engine);
    }
    return engine;
  }

  native(data: RetailData): Promise<NativeDuckDB> {
    let engine = this.nativeEngines.get(data.scale);
    if (!engine) {
      engine = this.startNative(data);
      this.nativeEngines.set(data.scale, engine);
    }
    return engine;
  }

  /** Frees the engines of one scale (DuckDB-WASM holds ~2 GB at 1M customers). */
  async release(scale: Scale): Promise<void> {
    const wasm = this.wasmEngines.get(scale);
    const native = this.nativeEngines.get(scale);
    this.wasmEngines.delete(scale);
    this.nativeEngines.delete(scale);
    await (await wasm?.catch(() => undefined))?.close();
    (await native?.catch(() => undefined))?.close();
  }

  async closeAll(): Promise<void> {
    for (const scale of new Set([...this.wasmEngines.keys(), ...this.nativeEngines.keys()])) await this.release(scale);
  }

  private async startWasm(data: RetailData): Promise<Engine> {
    this.log(`  DuckDB-WASM: loading ${data.scale} ...`);
    const engine = await startNodeEngine();
    const ms = await timed(async () => {
      await engine.loadTable('customers', { kind: 'path', path: data.customers });
      await engine.loadTable('orders', { kind: 'path', path: data.orders });
    });
    this.loadTimes.push({ engine: 'DuckDB-WASM', scale: data.scale, ms });
    this.log(`  DuckDB-WASM: ${data.scale} loaded in ${(ms / 1000).toFixed(1)} s`);
    return engine;
  }

  private async startNative(data: RetailData): Promise<NativeDuckDB> {
    const db = await NativeDuckDB.open();
    const ms = await timed(async () => {
      await db.run(createFromCsv('customers', data.customers));
      await db.run(createFromCsv('orders', data.orders));
    });
    this.loadTimes.push({ engine: 'native DuckDB', scale: data.scale, ms });
    this.log(`  native DuckDB: ${data.scale} loaded in ${(ms / 1000).toFixed(1)} s`);
    return db;
  }
}
