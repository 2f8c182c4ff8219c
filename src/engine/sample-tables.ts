/**
 * The app's sample data files (public/samples/*.csv, named in notebooks as
 * `../public/samples/NAME.csv`) as prebuilt tables, when the build made them
 * (scripts/vite/sample-tables.ts). The development server has none: there they are read as CSV.
 */
import samples from 'virtual:segbook/sample-tables';
import { browserFiles } from './browser-files.ts';
import { defaultOptions, type PrebuiltTable, type PrebuiltTables } from './prebuilt-tables.ts';
import type { DataSource, ReaderOptions } from './types.ts';

/** Streams downloaded ahead of their load, by URL; each is taken once. */
const prefetched = new Map<string, Promise<Uint8Array>>();

export function sampleTables(pageBase: string): PrebuiltTables {
  const byUrl = new Map(
    samples.map(({ csv, ipc, columns, rowCount }): [string, PrebuiltTable] => {
      const url = new URL(ipc, pageBase).href;
      const read = () => {
        const early = prefetched.get(url);
        prefetched.delete(url);
        return early ?? browserFiles.readBytes({ kind: 'url', url });
      };
      return [new URL(csv, pageBase).href, { read, columns, rowCount }];
    }),
  );
  return (source, options) => (source.kind === 'url' && defaultOptions(options) ? byUrl.get(source.url) : undefined);
}

/**
 * Starts downloading the prebuilt table of `source`, if it has one, while the engine starts: the
 * load then takes the bytes without waiting for them. A failed download fails that load, in its words.
 */
export function prefetchSampleTable(source: DataSource, options: ReaderOptions): void {
  if (source.kind !== 'url' || !defaultOptions(options)) return;
  const sample = samples.find((s) => new URL(s.csv, document.baseURI).href === source.url);
  if (!sample) return;
  const url = new URL(sample.ipc, document.baseURI).href;
  if (prefetched.has(url)) return;
  const bytes = browserFiles.readBytes({ kind: 'url', url });
  bytes.catch(() => undefined);
  prefetched.set(url, bytes);
}
