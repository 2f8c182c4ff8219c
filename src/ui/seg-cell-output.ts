/**
 * What a code cell produced, under its editor: its errors in the analyst's words (cell, line and
 * column, spec §7), the compiler's warnings (the cell ran, but something in it is surely not what
 * was meant), what a definition-only cell defined with member counts, one result per analysis
 * statement (what a SQL cell's change did, in words), and the SQL it ran. Results from before the latest edit stay visible, dimmed, until
 * the cell runs again.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SegmentColours } from '../charts/segment-colours.ts';
import { sqlChangeInWords } from '../notebook/sql-change.ts';
import type { CellView } from './cell-states.ts';
import './seg-compiled-sql.ts';
import './seg-result.ts';

@customElement('seg-cell-output')
export class SegCellOutput extends LitElement {
  @property({ attribute: false }) view?: CellView;
  /** Per result, the statement's words after its keyword (result-captions.ts). */
  @property({ attribute: false }) captions: string[] = [];
  /** Per result, the notebook's segment colours (src/notebook/notebook-colours.ts). */
  @property({ attribute: false }) colours: SegmentColours[] = [];

  protected override render() {
    const view = this.view;
    if (!view || view.cell.kind === 'markdown') return nothing;
    const errors = view.errors;
    const sql = view.outcome?.sql.length ? view.outcome.sql : [];
    const warnings = view.outcome?.warnings ?? [];
    return html`
      ${errors.length > 0
        ? html`<ul class="errors ${view.current ? '' : 'outdated'}" aria-label="Errors">
            ${errors.map((e) => html`<li><span class="where">Cell ${view.index}, line ${e.line}, column ${e.column}:</span> ${e.message}</li>`)}
          </ul>`
        : nothing}
      ${warnings.length > 0
        ? html`<ul class="warnings ${view.current ? '' : 'outdated'}" aria-label="Warnings">
            ${warnings.map((w) => html`<li><span class="where">Cell ${view.index}, line ${w.line}, column ${w.column}:</span> ${w.message}</li>`)}
          </ul>`
        : nothing}
      <div class="results ${view.current && !view.kept ? '' : 'outdated'}" aria-busy=${view.current ? 'false' : 'true'}>
        ${view.summary.length > 0 ? this.renderSummary(view) : nothing}
        ${view.cell.kind === 'sql' && view.cell.name && view.status === 'done'
          ? html`<p class="summary"><span class="label">Defines the view</span> <span class="defined"><code>${view.cell.name}</code></span></p>`
          : nothing}
        ${repeat(view.results, (_, i) => i, (result, i) => {
          const change = view.cell.kind === 'sql' ? sqlChangeInWords(view.cell.source, result) : undefined;
          return change ? html`<p class="summary change">${change}</p>` : html`<seg-result .result=${result} .segmentColours=${this.colours[i]} caption=${this.captions[i] ?? ''}></seg-result>`;
        })}
      </div>
      ${sql.length > 0 ? html`<seg-compiled-sql .sql=${sql}></seg-compiled-sql>` : nothing}
    `;
  }

  private renderSummary(view: CellView) {
    return html`<p class="summary">
      <span class="label">Defines</span>
      ${view.summary.map((s) => html`<span class="defined"><code>${s.name}</code> ${s.size.toLocaleString('en-US')} ${s.size === 1 ? 'member' : 'members'}</span>`)}
    </p>`;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      gap: 10px;
      min-width: 0;
    }
    .errors,
    .warnings {
      list-style: none;
      margin: 0;
      padding: 8px 12px;
      border: 1px solid currentColor;
      border-radius: 6px;
      font-size: 13px;
    }
    .errors {
      background: var(--seg-error-bg);
      color: var(--seg-error-fg);
    }
    .warnings {
      background: var(--seg-warning-bg);
      color: var(--seg-warning-fg);
    }
    .errors li + li,
    .warnings li + li {
      margin-top: 4px;
    }
    .where {
      font-weight: 600;
    }
    .results {
      display: flex;
      flex-direction: column;
      gap: 16px;
      min-width: 0;
      transition: opacity 0.2s;
    }
    .results:empty {
      display: none;
    }
    .outdated {
      opacity: 0.5;
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px 8px;
      margin: 0;
      font-size: 13px;
    }
    .label {
      color: var(--seg-muted);
    }
    .defined {
      padding: 3px 10px;
      border-radius: 999px;
      background: var(--seg-panel);
      border: 1px solid var(--seg-border);
      font-variant-numeric: tabular-nums;
    }
    code {
      font-family: Menlo, Monaco, Consolas, monospace;
      font-size: 12px;
      font-weight: 600;
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-cell-output': SegCellOutput;
  }
}
