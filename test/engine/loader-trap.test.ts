// WebAssembly traps in a loader database now and then on a file it reads fine otherwise; the file
// is read once more by a fresh loader before the analyst hears of it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseSettings, DuckDBEngine } from '../../src/engine/duckdb-engine.ts';
import { QueryError } from '../../src/engine/errors.ts';
import { ManagedEngine } from '../../src/engine/managed-engine.ts';
import { openNodeDatabase } from '../../src/engine/node.ts';
import { nodeFiles } from '../../src/engine/node-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'segbook-loader-trap-'));
const engines: ManagedEngine[] = [];
afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** Real databases; the first `trapping` loaders opened trap on their first turn, as a wasm fault would. */
function trappingLoaders(trapping: number) {
  const loaders: DuckDBEngine[] = [];
  const open = async (settings: DatabaseSettings) => {
    const database = await openNodeDatabase(settings);
    if (settings.sealed) return database;
    loaders.push(database);
    if (loaders.length <= trapping) {
      database.withContext = () => Promise.reject(new QueryError('memory access out of bounds'));
    }
    return database;
  };
  return { open, loaders };
}

function peopleCsv(): { kind: 'path'; path: string } {
  const path = join(dir, 'people.csv');
  writeFileSync(path, 'id,name\n1,Ada\n2,Grace\n');
  return { kind: 'path', path };
}

describe('a loader that traps', () => {
  it('is replaced, and a fresh loader reads the file', async () => {
    const { open, loaders } = trappingLoaders(1);
    const engine = await ManagedEngine.start(open, nodeFiles, { sandbox: true });
    engines.push(engine);
    const loaded = await engine.loadTable('people', peopleCsv());
    expect(loaded.rowCount).toBe(2);
    expect((await engine.query('SELECT name FROM people ORDER BY id')).rows).toEqual([['Ada'], ['Grace']]);
    expect(loaders.map((l) => l.dead)).toEqual([true, false]);
  });

  it('is tried once more only: a second trap is reported in words', async () => {
    const { open, loaders } = trappingLoaders(2);
    const engine = await ManagedEngine.start(open, nodeFiles, { sandbox: true });
    engines.push(engine);
    await expect(engine.loadTable('people', peopleCsv())).rejects.toThrow('people.csv: reading it used up the memory of this tab: load a smaller extract or a sample');
    expect(loaders.map((l) => l.dead)).toEqual([true, true]);
    // The next file gets a loader of its own.
    expect((await engine.loadTable('again', peopleCsv())).rowCount).toBe(2);
    expect(loaders).toHaveLength(3);
  });
});
