/**
 * Front-matter data paths as URLs of this site. Notebooks in the repository name the samples as
 * files (`../public/samples/orders.csv`, relative to notebooks/); the site serves public/ at its
 * root, so those become `samples/orders.csv` under the page. Other relative paths are read
 * relative to the page; absolute URLs are left as written.
 */
import type { DataSource } from '../engine/types.ts';

export function dataUrl(path: string, pageBase: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  const publicFile = /^(?:\.\.\/)*public\/(.+)$/.exec(path.replace(/\\/g, '/'));
  return new URL(publicFile ? publicFile[1]! : path, pageBase).href;
}

export function browserDataSource(pageBase: string): (path: string) => DataSource {
  return (path) => ({ kind: 'url', url: dataUrl(path, pageBase) });
}
