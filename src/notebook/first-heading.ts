import type { Notebook } from './model.ts';

/** The first `#` heading of a notebook's Markdown: its title where the front matter gives none (reports, the file menu). */
export function firstHeading(notebook: Notebook): string | undefined {
  for (const cell of notebook.cells) {
    if (cell.kind !== 'markdown') continue;
    const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(cell.source);
    if (heading) return heading[1];
  }
  return undefined;
}
