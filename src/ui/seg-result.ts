/**
 * <seg-result .result=${CellResult}>: one analysis result (spec §5) as people read it — a header
 * naming the statement, the chart (compare, overlap, profile, trend, split) over a sortable
 * virtualised table, and for `expect` a pass/fail badge per expectation. A toolbar switches
 * between chart and table and gets the result out: copy as TSV, CSV, the chart as SVG or PNG.
 * The chart is redrawn to the element's width and takes the page's colours (currentColor).
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { chartFor } from '../charts/index.ts';
import type { SegmentColours } from '../charts/segment-colours.ts';
import type { CellResult } from '../notebook/outcome.ts';
import { plural } from './format.ts';
import { expectationsView } from './seg-result-expect.ts';
import { STATUS_MS, chartImage, copiedMessage, copyText, download, pngOf } from './seg-result-export.ts';
import { resultStyles } from './seg-result-styles.ts';
import { exportFileName, toCsv, toTsv } from './seg-result-text.ts';
import './seg-table.ts';
import type { SegTable } from './seg-table.ts';

export type ResultView = 'both' | 'chart' | 'table';

const CHARTED = new Set(['compare', 'overlap', 'profile', 'trend', 'split']);
const VIEWS: { view: ResultView; label: string }[] = [
  { view: 'both', label: 'Both' },
  { view: 'chart', label: 'Chart' },
  { view: 'table', label: 'Table' },
];
/** Width changes smaller than this do not redraw the chart (scrollbars coming and going). */
const REDRAW_STEP = 8;

@customElement('seg-result')
export class SegResult extends LitElement {
  static override styles = resultStyles;

  @property({ attribute: false }) result?: CellResult;
  /** The notebook's colour for each segment, so this chart colours them as the others do; by position without. */
  @property({ attribute: false }) segmentColours?: SegmentColours;
  /** Optional words after the statement's name in the header, e.g. the statement's source. */
  @property() caption = '';
  /** What is shown when the result has a chart; results without one always show their table. */
  @property({ reflect: true }) view: ResultView = 'both';
  @state() private width = 0;
  @state() private status = '';
  @query('seg-table') private table?: SegTable;
  @query('.chart') private chartBox?: HTMLElement;
  private chart?: Element;
  private chartProblem = '';
  private statusTimer?: ReturnType<typeof setTimeout>;
  private readonly resize = new ResizeObserver(([entry]) => {
    const width = Math.floor(entry!.contentRect.width);
    if (Math.abs(width - this.width) >= REDRAW_STEP) this.width = width;
  });

  /** Whether this result has a chart (its statement draws one and it has rows). */
  get hasChart(): boolean {
    return !!this.result && CHARTED.has(this.result.statement) && this.result.rows.length > 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    this.resize.disconnect();
    clearTimeout(this.statusTimer);
    super.disconnectedCallback();
  }

  /** Copies the table, in the order shown, as TSV (pastes into spreadsheets as cells). */
  async copyTable(): Promise<void> {
    const result = this.result;
    if (!result) return;
    await this.act(async () => {
      await copyText(toTsv(result, this.table?.displayOrder));
      return copiedMessage(result.rows.length);
    });
  }

  downloadCsv(): void {
    const result = this.result;
    if (!result) return;
    const csv = toCsv(result, this.table?.displayOrder);
    download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), exportFileName(result.statement, 'csv'));
    this.say(`saved ${plural(result.rows.length, 'row')} as CSV`);
  }

  async downloadSvg(): Promise<void> {
    const box = await this.visibleChart();
    const result = this.result;
    if (!box || !result) return;
    download(new Blob([chartImage(box).svg], { type: 'image/svg+xml' }), exportFileName(result.statement, 'svg'));
    this.say('saved the chart as SVG');
  }

  async downloadPng(): Promise<void> {
    const box = await this.visibleChart();
    const result = this.result;
    if (!box || !result) return;
    await this.act(async () => {
      download(await pngOf(chartImage(box)), exportFileName(result.statement, 'png'));
      return 'saved the chart as PNG';
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const redraw = changed.has('result') || changed.has('segmentColours') || changed.has('width' as keyof SegResult);
    if (redraw && this.width > 0) this.drawChart();
  }

  protected override render() {
    const result = this.result;
    if (!result) return nothing;
    if (result.statement === 'expect') return html`${this.header(result, false)}${expectationsView(result)}`;
    const charted = this.hasChart;
    const showChart = charted && this.view !== 'table';
    const showTable = !charted || this.view !== 'chart';
    // Both stay in the page when hidden, so the table keeps its sort and scroll position.
    return html`
      ${this.header(result, charted)}
      ${charted ? html`<div class="chart" ?hidden=${!showChart} role="img" aria-label=${`${result.statement} chart`}>${this.chart ?? html`<p class="problem">${this.chartProblem}</p>`}</div>` : nothing}
      <seg-table ?hidden=${!showTable} .columns=${result.columns} .types=${result.types} .rows=${result.rows} .shares=${result.shares ?? []} label=${`${result.statement} result`}></seg-table>
    `;
  }

  private header(result: CellResult, charted: boolean) {
    const tabular = result.statement !== 'expect';
    return html`<header>
      <h3><span class="statement">${result.statement}</span>${this.caption ? html` <span class="caption">${this.caption}</span>` : nothing}</h3>
      <span class="status" role="status" aria-live="polite">${this.status}</span>
      <div class="toolbar" role="toolbar" aria-label=${`${result.statement} result actions`}>
        ${charted
          ? html`<div class="views" role="group" aria-label="show">
              ${VIEWS.map((v) => html`<button type="button" aria-pressed=${String(this.view === v.view)} @click=${() => (this.view = v.view)}>${v.label}</button>`)}
            </div>`
          : nothing}
        ${tabular
          ? html`<button type="button" title="Copy the table as tab-separated text" @click=${() => this.copyTable()}>Copy</button>
              <button type="button" title="Download the table as a CSV file" @click=${() => this.downloadCsv()}>CSV</button>`
          : nothing}
        ${charted
          ? html`<button type="button" title="Download the chart as an SVG file" @click=${() => this.downloadSvg()}>SVG</button>
              <button type="button" title="Download the chart as a PNG picture" @click=${() => this.downloadPng()}>PNG</button>`
          : nothing}
      </div>
    </header>`;
  }

  private drawChart(): void {
    this.chart = undefined;
    this.chartProblem = '';
    if (!this.result || !this.hasChart) return;
    try {
      this.chart = chartFor(this.result, { document, width: this.width, segmentColours: this.segmentColours });
    } catch (error) {
      this.chartProblem = `the chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** The chart's box, brought into view first if only the table was shown (a hidden chart has no size). */
  private async visibleChart(): Promise<HTMLElement | undefined> {
    if (!this.hasChart) return undefined;
    if (this.view === 'table') {
      this.view = 'both';
      await this.updateComplete;
    }
    return this.chartBox ?? undefined;
  }

  private async act(work: () => Promise<string>): Promise<void> {
    try {
      this.say(await work());
    } catch (error) {
      this.say(error instanceof Error ? error.message : String(error));
    }
  }

  private say(message: string): void {
    this.status = message;
    clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(() => (this.status = ''), STATUS_MS);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-result': SegResult;
  }
}
