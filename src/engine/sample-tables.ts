/**
 * The app's sample data files (public/samples/*.csv, named in notebooks as
 * `../public/samples/NAME.csv`) as prebuilt tables, when the build made them
 * (scripts/vite/sample-tables.ts). The development server has none: there they are read as CSV.
 */
import samples from 'virtual:segbook/sample-tables';
import { browserFiles } from './browser-files.ts';
import { defaultOptions, type PrebuiltTables } from './prebuilt-tables.ts';
import type { DataSource, ReaderOptions } from './types.ts';

/** Streams downloaded ahead of their load, by URL; each is taken once. */
const prefetched = new Map<string, Promise<Uint8Array>>();

export function sampleTables(pageBase: string): PrebuiltTables {
  return (source, options) => {
    const sample = sampleOf(source, options, pageBase);
    if (!sample) return undefined;
    const read = () => {
      const early = prefetched.get(sample.url);
      prefetched.delete(sample.url);
      return early ?? browserFiles.readBytes({ kind: 'url', url: sample.url });
    };
    return { read, columns: sample.columns, rowCount: sample.rowCount, nullFree: sample.nullFree, unique: sample.unique };
  };
}

/**
 * Starts downloading the prebuilt table of `source`, if it has one, while the engine starts: the
 * load then takes the bytes without waiting for them. A failed download fails that load, in its words.
 */
export function prefetchSampleTable(source: DataSource, options: ReaderOptions): void {
  const sample = sampleOf(source, options, document.baseURI);
  if (!sample || prefetched.has(sample.url)) return;
  const bytes = browserFiles.readBytes({ kind: 'url', url: sample.url });
  bytes.catch(() => undefined);
  prefetched.set(sample.url, bytes);
}

/** The sample whose CSV file `source` is, read with the default options; `url` is its stream's. */
function sampleOf(source: DataSource, options: ReaderOptions, pageBase: string) {
  if (source.kind !== 'url' || !defaultOptions(options)) return undefined;
  const sample = samples.find((s) => new URL(s.csv, pageBase).href === source.url);
  return sample && { ...sample, url: new URL(sample.ipc, pageBase).href };
}
