/**
 * What to call a notebook: its front-matter title, else its first `#` heading, else its file's name.
 * A caller that has the front matter read already passes it (reading the YAML is most of the time).
 */
import { firstHeading } from '../notebook/first-heading.ts';
import { readFrontMatter } from '../notebook/front-matter.ts';
import type { Notebook } from '../notebook/model.ts';

export function notebookTitle(notebook: Notebook, fileName?: string, frontMatter: { title?: string } = readFrontMatter(notebook.frontMatter).meta): string {
  return frontMatter.title ?? firstHeading(notebook) ?? (fileName ? fileStem(fileName) : 'Untitled notebook');
}

export function fileStem(fileName: string): string {
  return fileName.replace(/\.seg\.md$|\.md$|\.segbundle$|\.zip$/i, '');
}

/** A file name made from a title: letters, digits and dashes. */
export function fileNameFor(title: string, extension: string): string {
  const stem = title.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-').toLowerCase().slice(0, 60);
  return `${stem || 'notebook'}${extension}`;
}
