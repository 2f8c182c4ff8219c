/** `--format html`: the shared report builder on a linkedom document (loaded only for this format). */
import type { Notebook } from '../notebook/model.ts';
import { reportHtml } from '../notebook/report.ts';
import type { RunReport } from '../notebook/runner.ts';
import { blankDocument, nodeSanitizer } from './dom.ts';

export function htmlReport(report: RunReport, notebook: Notebook, title: string): string {
  return reportHtml(report, notebook, title, { document: blankDocument(), sanitize: nodeSanitizer() });
}
