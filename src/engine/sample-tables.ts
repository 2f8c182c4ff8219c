/**
 * The app's sample data files (public/samples/*.csv, named in notebooks as
 * `../public/samples/NAME.csv`) as prebuilt tables, when the build made them
 * (scripts/vite/sample-tables.ts). The development server has none: there they are read as CSV.
 */
import samples from 'virtual:segbook/sample-tables';
import { defaultOptions, type PrebuiltTables } from './prebuilt-tables.ts';

export function sampleTables(pageBase: string): PrebuiltTables {
  const byUrl = new Map(samples.map((s) => [new URL(s.csv, pageBase).href, { ...s, stream: { kind: 'url', url: new URL(s.ipc, pageBase).href } as const }]));
  return (source, options) => (source.kind === 'url' && defaultOptions(options) ? byUrl.get(source.url) : undefined);
}
