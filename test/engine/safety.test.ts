// The sandbox and resource promises (issue #7) on DuckDB-WASM in Node.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { startNodeEngine } from '../../src/engine/node.ts';
import { pathFixtures } from './node-fixtures.ts';
import { safetySuite } from './safety-suite.ts';
import { vitestApi } from './vitest-api.ts';

const dir = mkdtempSync(join(tmpdir(), 'segbook-safety-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('engine safety in Node', () => {
  safetySuite(vitestApi, startNodeEngine, pathFixtures(dir));
});
