// The app shell: starts the engine, loads the sample data, lists the tables and draws a first
// chart. Every step is visible while it runs; any failure becomes a message, never a blank page.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { startBrowserEngine } from '../engine/browser.ts';
import type { Engine, LoadedTable } from '../engine/types.ts';
import { REVENUE_BY_MONTH_SQL, queryRevenueByMonth, revenueChart, type RevenuePoint } from './revenue-chart.ts';
import { loadSampleTables } from './sample-data.ts';

/** Horizontal padding and border of the chart panel, in pixels (see .chart below). */
const CHART_PANEL_INSET = 34;

type Phase =
  | { step: 'starting' | 'loading' | 'charting'; message: string }
  | { step: 'ready' }
  | { step: 'failed'; message: string };

interface Timings {
  engineMs: number;
  dataMs: number;
  queryMs: number;
}

@customElement('seg-app')
export class SegApp extends LitElement {
  @state() private phase: Phase = { step: 'starting', message: 'Starting DuckDB-WASM…' };
  @state() private tables: LoadedTable[] = [];
  @state() private points?: RevenuePoint[];
  @state() private chartWidth = 0;
  @state() private timings?: Timings;
  private chart?: Element;
  private engine?: Engine;
  private abort?: AbortController;
  // The chart fills the panel: its width follows the element's.
  private readonly resize = new ResizeObserver(([entry]) => {
    this.chartWidth = Math.max(320, Math.floor(entry.contentRect.width) - CHART_PANEL_INSET);
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
    this.abort = new AbortController();
    void this.start(this.abort.signal);
  }

  override disconnectedCallback(): void {
    this.resize.disconnect();
    this.abort?.abort();
    void this.engine?.close();
    this.engine = undefined;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('points') || changed.has('chartWidth')) && this.points) {
      this.chart = revenueChart(this.points, this.chartWidth || 720);
    }
  }

  protected override updated(changed: PropertyValues): void {
    // A plain attribute the end-to-end tests (and curious users) can wait on.
    if (changed.has('phase')) this.dataset.state = this.phase.step;
  }

  private async start(signal: AbortSignal): Promise<void> {
    let step = 'starting the database engine';
    try {
      const t0 = performance.now();
      const engine = await startBrowserEngine();
      if (signal.aborted) return void engine.close();
      this.engine = engine;
      const t1 = performance.now();
      performance.mark('segbook:engine-ready');

      step = 'loading the sample data';
      this.tables = await loadSampleTables(engine, (table) => {
        step = `loading the sample table ${table}`;
        this.phase = { step: 'loading', message: `Loading sample data: ${table}…` };
      });
      const t2 = performance.now();

      step = 'running the revenue query';
      this.phase = { step: 'charting', message: 'Querying revenue by month…' };
      const points = await queryRevenueByMonth(engine, signal);
      const t3 = performance.now();
      if (signal.aborted) return;
      if (points.length === 0) throw new Error('the orders table has no dated orders to chart');
      this.points = points;
      this.timings = { engineMs: t1 - t0, dataMs: t2 - t1, queryMs: t3 - t2 };
      this.phase = { step: 'ready' };
      await this.updateComplete;
      performance.mark('segbook:first-chart');
    } catch (error) {
      if (signal.aborted) return;
      this.phase = { step: 'failed', message: `Something went wrong while ${step}: ${messageOf(error)}` };
    }
  }

  protected override render() {
    return html`
      <header>
        <h1>Segbook</h1>
        <p>Customer segments over your own data, computed in this browser tab with DuckDB-WASM.</p>
      </header>
      ${this.renderStatus()}
      <main>
        ${this.tables.length ? this.renderTables() : nothing}
        ${this.chart ? this.renderChart(this.chart) : nothing}
      </main>
    `;
  }

  private renderStatus() {
    const phase = this.phase;
    if (phase.step === 'failed') {
      return html`<div class="error" role="alert"><strong>Segbook could not finish starting.</strong>
        <p>${phase.message}</p><p>Reload the page to try again.</p></div>`;
    }
    if (phase.step === 'ready') {
      const t = this.timings;
      return t
        ? html`<p class="status" role="status">Ready. Engine started in ${seconds(t.engineMs)}, sample data
            loaded in ${seconds(t.dataMs)}, chart query ran in ${seconds(t.queryMs)}.</p>`
        : nothing;
    }
    return html`<p class="status loading" role="status" aria-live="polite"><span class="spinner"></span>${phase.message}</p>`;
  }

  private renderTables() {
    return html`<section aria-labelledby="tables-title">
      <h2 id="tables-title">Sample tables</h2>
      <table>
        <thead><tr><th scope="col">Table</th><th scope="col" class="num">Rows</th><th scope="col">Columns</th></tr></thead>
        <tbody>
          ${this.tables.map((t) => html`<tr>
            <td><code>${t.name}</code></td>
            <td class="num">${t.rowCount.toLocaleString('en')}</td>
            <td class="columns">${t.columns.map((c) => c.name).join(', ')}</td>
          </tr>`)}
        </tbody>
      </table>
    </section>`;
  }

  private renderChart(chart: Element) {
    return html`<section aria-labelledby="chart-title">
      <h2 id="chart-title">Revenue by month and channel</h2>
      <div class="chart">${chart}</div>
      <details><summary>SQL</summary><pre><code>${REVENUE_BY_MONTH_SQL}</code></pre></details>
    </section>`;
  }

  static override styles = css`
    :host {
      display: block;
      max-width: 1040px;
      margin: 0 auto;
      padding: 1.5rem 1.5rem 3rem;
    }
    header h1 { margin: 0; font-size: 1.6rem; }
    header p { margin: 0.25rem 0 1rem; color: var(--seg-muted); }
    h2 { font-size: 1.1rem; margin: 1.75rem 0 0.75rem; }
    .status { color: var(--seg-muted); margin: 0.5rem 0; }
    .loading { display: flex; align-items: center; gap: 0.6rem; font-size: 1.05rem; color: var(--seg-fg); }
    .spinner {
      width: 1rem; height: 1rem; border-radius: 50%;
      border: 2px solid var(--seg-border); border-top-color: var(--seg-accent);
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin { to { transform: rotate(360deg); } }
    @media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }
    .error {
      background: var(--seg-error-bg); color: var(--seg-error-fg);
      border: 1px solid currentColor; border-radius: 6px; padding: 0.75rem 1rem;
    }
    .error p { margin: 0.4rem 0 0; }
    table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
    th, td { text-align: left; padding: 0.4rem 0.75rem; border-bottom: 1px solid var(--seg-border); vertical-align: top; }
    th { color: var(--seg-muted); font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .columns { color: var(--seg-muted); }
    .chart {
      background: var(--seg-panel); border: 1px solid var(--seg-border); border-radius: 6px;
      padding: 16px; overflow-x: auto; --plot-background: var(--seg-panel);
    }
    /* Plot's legend defaults to 10px type; match the axes. */
    .chart [class*='-swatches'] { font-size: 12px; }
    details { margin-top: 0.5rem; color: var(--seg-muted); }
    pre { background: var(--seg-panel); border: 1px solid var(--seg-border); border-radius: 6px; padding: 0.75rem; overflow-x: auto; }
  `;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-app': SegApp;
  }
}
