/**
 * Engine-suite fixtures in the browser: files handed over as File objects (as a picked, dropped
 * or stored file is, which DuckDB reads through a file handle), and
 * Parquet files fetched from the page's origin, where the end-to-end test serves what native
 * DuckDB wrote for the query (test/e2e/engine-support.ts).
 */
import type { Fixtures } from '../engine-suite.ts';

/** Where the end-to-end test answers fixture requests; nothing is served there otherwise. */
export const FIXTURE_PATH = '/engine-fixtures/';

export const browserFixtures: Fixtures = {
  async file(name, content) {
    return { kind: 'file', file: new File([content as BlobPart], name), fileName: name };
  },
  async parquet(name, sql, codec = 'snappy') {
    return { kind: 'url', url: `${FIXTURE_PATH}parquet/${codec}/${encodeURIComponent(name)}?sql=${encodeURIComponent(sql)}` };
  },
  missing(name) {
    const url = `${FIXTURE_PATH}absent/${name}`;
    return { source: { kind: 'url', url }, label: url };
  },
};
