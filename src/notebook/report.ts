/**
 * A run as one standalone HTML document: title, Markdown, each code cell's source, errors, result
 * tables and charts as inline SVG. The CLI (`--format html`, linkedom) and the browser's export
 * (the page's DOM) both call this with their own document and sanitiser, so they write the same file.
 */
import { chartFor } from '../charts/index.ts';
import type { SegmentColours } from '../charts/segment-colours.ts';
import { renderMarkdown, type Sanitize } from './markdown.ts';
import type { Notebook } from './model.ts';
import { notebookColours, notebookProgram, resultColours } from './notebook-colours.ts';
import type { CellOutcome, CellResult } from './outcome.ts';
import type { RunReport } from './runner.ts';
import { REPORT_STYLE } from './report-style.ts';
import { sqlChangeInWords } from './sql-change.ts';
import { columnFormat, formatValue as formatForPeople, isNumericFormat } from '../ui/format.ts';
import { resultCaptions } from '../ui/result-captions.ts';
import { formatValue } from './values.ts';

export interface ReportContext {
  /** An empty HTML document to build the report in. */
  document: Document;
  sanitize: Sanitize;
  /** The page's segment colours, where the app exports; otherwise the notebook's in definition order. */
  colours?: SegmentColours;
}

const MAX_TABLE_ROWS = 200;

export function reportHtml(report: RunReport, notebook: Notebook, title: string, { document, sanitize, colours: pageColours }: ReportContext): string {
  const el = element(document);
  document.documentElement.setAttribute('lang', 'en');
  const head = document.head;
  head.appendChild(el('meta', { charset: 'utf-8' }));
  head.appendChild(el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }));
  head.appendChild(el('meta', { name: 'generator', content: 'Segbook' }));
  const titleElement = head.appendChild(el('title', {}, title));
  head.appendChild(el('style', {}, REPORT_STYLE));

  const main = el('main', { class: 'segbook-report' });
  const header = el('header');
  header.appendChild(el('h1', {}, title));
  header.appendChild(el('p', { class: 'meta' }, `As of ${report.asof}${summaryLine(report)}`));
  for (const problem of report.problems) header.appendChild(el('p', { class: 'problem' }, problem));
  main.appendChild(header);

  const program = notebookProgram(notebook);
  const colours = pageColours ?? notebookColours(program);
  for (const cell of report.cells) {
    const source = notebook.cells[cell.index];
    if (!source) continue;
    if (cell.kind === 'markdown') {
      const section = el('section', { class: 'cell markdown' });
      section.innerHTML = renderMarkdown(source.source, sanitize);
      main.appendChild(section);
    } else {
      const captions = resultCaptions(program, cell.index, cell.results);
      main.appendChild(codeCell(document, cell, source.source, resultColours(colours, program, cell.index, cell.results), captions));
    }
  }
  document.body.appendChild(main);
  // linkedom (the CLI's DOM) writes a title's text as it is, so '</title><script>' in a notebook's
  // title would end the element and run; browsers escape it. Written here, it is text in both.
  const html = document.documentElement.outerHTML.replace(titleElement.outerHTML, () => `<title>${escapeText(title)}</title>`);
  return `<!doctype html>\n${html}\n`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function codeCell(document: Document, cell: CellOutcome, source: string, colours: SegmentColours[], captions: string[]): HTMLElement {
  const el = element(document);
  const section = el('section', { class: `cell code ${cell.kind}${cell.errors.length > 0 ? ' has-errors' : ''}` });
  const details = el('details');
  const language = cell.kind === 'seg' ? 'SegQL' : `SQL${cell.name ? ` · view ${cell.name}` : ''}`;
  details.appendChild(el('summary', {}, `${language} · cell ${cell.index}`));
  const pre = el('pre');
  pre.appendChild(el('code', {}, source));
  details.appendChild(pre);
  section.appendChild(details);
  if (cell.errors.length > 0) {
    const list = el('ul', { class: 'errors' });
    for (const e of cell.errors) list.appendChild(el('li', {}, `line ${e.line}, column ${e.column}: ${e.message}`));
    section.appendChild(list);
  }
  for (const [i, result] of cell.results.entries()) {
    const change = sqlChangeInWords(source, result);
    section.appendChild(change ? el('p', { class: 'summary' }, change) : resultFigure(document, result, colours[i]!, captions[i] ?? ''));
  }
  if (cell.summary.length > 0) {
    section.appendChild(el('p', { class: 'summary' }, cell.summary.map((s) => `${s.name}: ${s.size.toLocaleString('en-US')}`).join(' · ')));
  }
  return section;
}

/** Headed as in the app, with the statement's words (`profile big_spenders`): a reader sees what each result is of. */
function resultFigure(document: Document, result: CellResult, segmentColours: SegmentColours, caption: string): HTMLElement {
  const el = element(document);
  const figure = el('figure', { class: `result ${result.statement}` });
  const heading = el('figcaption', {}, result.statement);
  if (caption) heading.appendChild(el('span', { class: 'words' }, ` ${caption}`));
  figure.appendChild(heading);
  if (result.statement === 'expect') {
    figure.appendChild(expectations(document, result));
    return figure;
  }
  const chart = chartFor(result, { document, segmentColours });
  if (chart) figure.appendChild(chart);
  figure.appendChild(table(document, result));
  return figure;
}

function expectations(document: Document, result: CellResult): HTMLElement {
  const el = element(document);
  const list = el('ul', { class: 'expectations' });
  const [expectation, passed, detail] = ['expectation', 'passed', 'detail'].map((c) => result.columns.indexOf(c));
  for (const row of result.rows) {
    const ok = row[passed!] === true;
    const item = el('li', { class: ok ? 'pass' : 'fail' });
    item.appendChild(el('span', { class: 'badge' }, ok ? 'passed' : 'failed'));
    item.appendChild(document.createTextNode(` ${formatValue(row[expectation!] ?? null)}`));
    if (row[detail!] !== null && row[detail!] !== undefined) item.appendChild(el('span', { class: 'detail' }, ` — ${formatValue(row[detail!]!)}`));
    list.appendChild(item);
  }
  return list;
}

function table(document: Document, result: CellResult): HTMLElement {
  const el = element(document);
  const wrapper = el('div', { class: 'table' });
  const tableElement = el('table');
  // Formatted as the app's tables are (src/ui/format.ts): shares in percent, lifts as ×, digits grouped.
  const formats = result.columns.map((name, c) => columnFormat(name, result.types[c] ?? '', result.shares));
  const numeric = formats.map(isNumericFormat);
  const headRow = el('tr');
  result.columns.forEach((name, c) => headRow.appendChild(el('th', { title: result.types[c] ?? '', class: numeric[c] ? 'num' : '' }, name)));
  const thead = el('thead');
  thead.appendChild(headRow);
  tableElement.appendChild(thead);
  const tbody = el('tbody');
  for (const row of result.rows.slice(0, MAX_TABLE_ROWS)) {
    const tr = el('tr');
    row.forEach((value, c) => tr.appendChild(el('td', { class: `${numeric[c] ? 'num' : ''}${value === null ? ' null' : ''}`.trim() }, formatForPeople(value, formats[c]!))));
    tbody.appendChild(tr);
  }
  tableElement.appendChild(tbody);
  wrapper.appendChild(tableElement);
  if (result.rows.length > MAX_TABLE_ROWS) {
    wrapper.appendChild(el('p', { class: 'more' }, `${MAX_TABLE_ROWS} of ${result.rows.length.toLocaleString('en-US')} rows shown`));
  }
  if (result.rows.length === 0) wrapper.appendChild(el('p', { class: 'more' }, 'no rows'));
  return wrapper;
}

function summaryLine(report: RunReport): string {
  const errors = report.cells.filter((c) => c.errors.length > 0).length;
  const parts = [];
  if (errors > 0) parts.push(`${errors} cell${errors > 1 ? 's' : ''} with errors`);
  if (report.failedExpectations > 0) parts.push(`${report.failedExpectations} failed expectation${report.failedExpectations > 1 ? 's' : ''}`);
  return parts.length > 0 ? ` · ${parts.join(' · ')}` : '';
}

function element(document: Document) {
  return (tag: string, attributes: Record<string, string> = {}, text?: string): HTMLElement => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) if (value !== '') node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };
}
