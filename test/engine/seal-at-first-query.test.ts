// The CLI loads a notebook's files before its first query: the query database then reads
// delimited text itself and seals at that query, so no second (loader) database starts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseSettings } from '../../src/engine/duckdb-engine.ts';
import { ManagedEngine } from '../../src/engine/managed-engine.ts';
import { openNodeDatabase } from '../../src/engine/node.ts';
import { nodeFiles } from '../../src/engine/node-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'segbook-seal-at-first-query-'));
const engines: ManagedEngine[] = [];
afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** The real Node database, with a note of each one opened: sealed or not. */
function recordingOpen() {
  const opened: { sealed: boolean }[] = [];
  const open = (settings: DatabaseSettings) => {
    opened.push({ sealed: Boolean(settings.sealed) });
    return openNodeDatabase(settings);
  };
  return { open, opened };
}

function csv(name: string, text: string): { kind: 'path'; path: string } {
  writeFileSync(join(dir, name), text);
  return { kind: 'path', path: join(dir, name) };
}

describe('a query database that seals at the first query', () => {
  it('reads CSV files itself before the first query, with no loader database', async () => {
    const { open, opened } = recordingOpen();
    const engine = await ManagedEngine.start(open, nodeFiles, { sandbox: true, sealAtFirstQuery: true });
    engines.push(engine);
    expect((await engine.loadTable('people', csv('people.csv', 'id,name\n1,Ada\n2,Grace\n'))).rowCount).toBe(2);
    expect((await engine.query('SELECT name FROM people ORDER BY id')).rows).toEqual([['Ada'], ['Grace']]);
    expect(opened).toEqual([{ sealed: false }]);
  });

  it('is sealed from the first query on: SQL reads no file and changes no setting', async () => {
    const engine = await ManagedEngine.start(openNodeDatabase, nodeFiles, { sandbox: true, sealAtFirstQuery: true });
    engines.push(engine);
    const file = csv('secret.csv', 'x\n1\n');
    await engine.query('SELECT 1');
    await expect(engine.query(`SELECT * FROM read_csv('${file.path}')`)).rejects.toThrow(/cannot read files/);
    // DuckDB's own seal, behind the sandbox's refusals by name, is what the first query set:
    await expect(engine.query("SELECT current_setting('enable_external_access') AS a")).resolves.toMatchObject({ rows: [[false]] });
    await expect(engine.query("SELECT current_setting('lock_configuration') AS a")).resolves.toMatchObject({ rows: [[true]] });
  });

  it('reads a CSV that comes after the first query through a loader database, as a sealed one does', async () => {
    const { open, opened } = recordingOpen();
    const engine = await ManagedEngine.start(open, nodeFiles, { sandbox: true, sealAtFirstQuery: true });
    engines.push(engine);
    await engine.query('SELECT 1');
    expect((await engine.loadTable('later', csv('later.csv', 'id\n1\n2\n3\n'))).rowCount).toBe(3);
    expect((await engine.query('SELECT sum(id) AS s FROM later')).rows).toEqual([[6]]);
    expect(opened).toEqual([{ sealed: false }, { sealed: false }]);
  });

  it('without it, a sandboxed engine opens its query database sealed and waits for the first delimited file to start a loader', async () => {
    const { open, opened } = recordingOpen();
    const engine = await ManagedEngine.start(open, nodeFiles, { sandbox: true });
    engines.push(engine);
    expect(opened).toEqual([{ sealed: true }]);
  });
});
