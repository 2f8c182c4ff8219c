/**
 * A result table and its chart, drawn simply: the notebook's stand-in until <seg-result>
 * (sortable, virtualised tables, chart export) is there to take its place.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { chartFor } from '../charts/index.ts';
import type { Value } from '../engine/types.ts';
import type { CellResult } from '../notebook/outcome.ts';

const ROWS_SHOWN = 100;

@customElement('seg-result-preview')
export class SegResultPreview extends LitElement {
  @property({ attribute: false }) result?: CellResult;
  @state() private width = 0;
  private chart?: Element;
  private readonly resize = new ResizeObserver(([entry]) => {
    const width = Math.floor(entry!.contentRect.width);
    if (Math.abs(width - this.width) > 8) this.width = width;
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    this.resize.disconnect();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('result') || changed.has('width')) && this.result && this.width > 0) {
      this.chart = chartFor(this.result, { document, width: Math.min(this.width, 880) });
    }
  }

  protected override render() {
    const result = this.result;
    if (!result) return nothing;
    const rows = result.rows.slice(0, ROWS_SHOWN);
    return html`
      ${this.chart ? html`<div class="chart">${this.chart}</div>` : nothing}
      <div class="table" tabindex="0" role="region" aria-label=${`${result.statement} result`}>
        <table>
          <thead><tr>${result.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
          <tbody>${rows.map((row) => html`<tr>${row.map((v) => html`<td class=${typeof v === 'number' ? 'num' : ''}>${text(v)}</td>`)}</tr>`)}</tbody>
        </table>
      </div>
      <p class="count">${result.rows.length.toLocaleString('en-US')} row${result.rows.length === 1 ? '' : 's'}${result.rows.length > ROWS_SHOWN ? `, first ${ROWS_SHOWN} shown` : ''}</p>
    `;
  }

  static override styles = css`
    :host {
      display: block;
      font-size: 13px;
    }
    .chart {
      margin-bottom: 8px;
      overflow-x: auto;
      --plot-background: var(--seg-bg);
    }
    .table {
      max-height: 320px;
      overflow: auto;
      border: 1px solid var(--seg-border);
      border-radius: 6px;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 4px 10px;
      border-bottom: 1px solid var(--seg-border);
      white-space: nowrap;
    }
    th {
      position: sticky;
      top: 0;
      background: var(--seg-panel);
      color: var(--seg-muted);
      font-weight: 600;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .count {
      margin: 4px 0 0;
      color: var(--seg-muted);
      font-size: 12px;
    }
  `;
}

function text(value: Value): string {
  if (value === null) return '∅';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 4 });
  return String(value);
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-result-preview': SegResultPreview;
  }
}
