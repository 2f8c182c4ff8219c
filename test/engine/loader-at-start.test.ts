// The CLI knows before the engine starts whether a notebook reads delimited text; then the loader
// database starts together with the query database instead of after it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseSettings } from '../../src/engine/duckdb-engine.ts';
import { ManagedEngine } from '../../src/engine/managed-engine.ts';
import { openNodeDatabase } from '../../src/engine/node.ts';
import { nodeFiles } from '../../src/engine/node-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'segbook-loader-at-start-'));
const engines: ManagedEngine[] = [];
afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** The real Node database, with a note of each one opened (sealed or not) and whether the first was open yet. */
function recordingOpen() {
  const opened: { sealed: boolean; queryDatabaseReady: boolean }[] = [];
  let queryDatabaseReady = false;
  const open = async (settings: DatabaseSettings) => {
    opened.push({ sealed: Boolean(settings.sealed), queryDatabaseReady });
    const database = await openNodeDatabase(settings);
    if (settings.sealed) queryDatabaseReady = true;
    return database;
  };
  return { open, opened };
}

describe('the loader database at start', () => {
  it('starts with the query database when asked, and the first CSV uses it', async () => {
    const { open, opened } = recordingOpen();
    const engine = await ManagedEngine.start(open, nodeFiles, { sandbox: true, loaderAtStart: true });
    engines.push(engine);
    expect(opened).toEqual([
      { sealed: false, queryDatabaseReady: false },
      { sealed: true, queryDatabaseReady: false },
    ]);
    writeFileSync(join(dir, 'people.csv'), 'id,name\n1,Ada\n2,Grace\n');
    const loaded = await engine.loadTable('people', { kind: 'path', path: join(dir, 'people.csv') });
    expect(loaded.rowCount).toBe(2);
    expect((await engine.query('SELECT name FROM people ORDER BY id')).rows).toEqual([['Ada'], ['Grace']]);
    expect(opened).toHaveLength(2);
  });

  it('waits for the first delimited file otherwise', async () => {
    const { open, opened } = recordingOpen();
    const engine = await ManagedEngine.start(open, nodeFiles, { sandbox: true });
    engines.push(engine);
    expect(opened).toEqual([{ sealed: true, queryDatabaseReady: false }]);
  });
});
