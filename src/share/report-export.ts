/**
 * The HTML report in the browser: the same builder as `segbook run --format html`
 * (src/notebook/report.ts), on a blank document of this page and DOMPurify bound to it.
 */
import DOMPurify from 'dompurify';
import type { SegmentColours } from '../charts/segment-colours.ts';
import { SANITIZE_OPTIONS } from '../notebook/markdown.ts';
import type { Notebook } from '../notebook/model.ts';
import { reportHtml } from '../notebook/report.ts';
import type { RunReport } from '../notebook/runner.ts';
import { firstHeading } from '../notebook/first-heading.ts';
import { fileStem } from '../storage/notebook-title.ts';

/** The report's title as the CLI picks it: the front matter's, the first heading, the file's name. */
export function reportTitle(report: RunReport, notebook: Notebook, fileName: string | undefined): string {
  return report.title ?? firstHeading(notebook) ?? (fileName ? fileStem(fileName) : 'notebook');
}

export function reportDocument(report: RunReport, notebook: Notebook, title: string, colours: SegmentColours): string {
  const blank = document.implementation.createHTMLDocument('');
  // createHTMLDocument adds a <title>; the report writes its own head, as on the CLI's empty page.
  blank.head.replaceChildren();
  return reportHtml(report, notebook, title, { document: blank, sanitize: (html) => DOMPurify.sanitize(html, SANITIZE_OPTIONS) as string, colours });
}
