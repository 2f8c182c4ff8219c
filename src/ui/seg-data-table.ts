/**
 * <seg-data-table .view .model>: one table of the data panel, opened — its columns with their
 * types, the first 20 rows (a <seg-table>, read when opened), the reader options it is read with
 * (delimited text), renaming, and taking it out of the notebook.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { dataControlStyles } from './seg-data-styles.ts';
import { customElement, property, state } from 'lit/decorators.js';
import type { DataPanelModel, DataTableView } from '../data/data-panel-model.ts';
import { isDelimited } from '../engine/load/source.ts';
import type { QueryResult } from '../engine/types.ts';
import './seg-reader-options.ts';
import type { ReaderOptionsEvent } from './seg-reader-options.ts';
import './seg-table.ts';

@customElement('seg-data-table')
export class SegDataTable extends LitElement {
  @property({ attribute: false }) view?: DataTableView;
  @property({ attribute: false }) model?: DataPanelModel;
  @state() private preview?: QueryResult;
  @state() private previewError?: string;
  @state() private renameProblem?: string;
  /** What the rows shown were read from: another table, file, options or load needs its own rows. */
  private previewKey?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('view')) return;
    const view = this.view;
    const key = view?.status === 'loaded' ? JSON.stringify([view.name, view.path, view.options, view.rowCount]) : undefined;
    if (key === this.previewKey) return;
    // Rows of what was shown before (another notebook's table of the same name) never stay on screen.
    this.previewKey = key;
    this.preview = undefined;
    this.previewError = undefined;
    if (key !== undefined) void this.readPreview(view!.name, key);
  }

  private async readPreview(name: string, key: string): Promise<void> {
    if (!this.model) return;
    try {
      const preview = await this.model.preview(name);
      if (this.previewKey === key) this.preview = preview;
    } catch (error) {
      if (this.previewKey === key) this.previewError = error instanceof Error ? error.message : String(error);
    }
  }

  protected override render() {
    const view = this.view;
    if (!view) return nothing;
    const delimited = isDelimited(view.path, view.options);
    return html`
      ${view.columns ? this.renderColumns(view) : nothing}
      ${view.status === 'loaded' ? this.renderPreview() : nothing}
      ${delimited
        ? html`<details ?open=${view.status === 'error'}>
            <summary>Reader options${Object.keys(view.options).length ? ' (set)' : ''}</summary>
            <seg-reader-options .options=${view.options} @seg-reader-options=${(e: ReaderOptionsEvent) => this.model?.setOptions(view.name, e.detail.options)}></seg-reader-options>
          </details>`
        : nothing}
      <form class="manage" @submit=${this.rename} aria-label="Table name">
        <label>Table name <input name="name" .value=${view.name} spellcheck="false" autocomplete="off" /></label>
        <button type="submit">Rename</button>
        <button type="button" class="danger" @click=${() => this.model?.remove(view.name)}>Remove from notebook</button>
        <span class="file" title="The file this table is read from">from <code>${view.path}</code></span>
        ${this.renameProblem ? html`<p class="problem" role="alert">${this.renameProblem}</p>` : nothing}
      </form>
    `;
  }

  private renderColumns(view: DataTableView) {
    return html`<ul class="columns" aria-label="Columns of ${view.name}">
      ${view.columns!.map((c) => html`<li><code>${c.name}</code> <span class="type">${c.type}</span></li>`)}
    </ul>`;
  }

  private renderPreview() {
    if (this.previewError) return html`<p class="problem">The first rows could not be read: ${this.previewError}</p>`;
    if (!this.preview) return html`<p class="muted">Reading the first rows…</p>`;
    return html`<seg-table .columns=${this.preview.columns} .types=${this.preview.types} .rows=${this.preview.rows} .total=${this.view!.rowCount} label="First ${this.preview.rows.length} rows of ${this.view!.name}"></seg-table>`;
  }

  private rename(event: Event): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
    this.renameProblem = this.model?.rename(this.view!.name, input.value.trim());
  }

  static override styles = [dataControlStyles, css`
    :host {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 10px;
      padding: 10px 0 4px;
      font-size: 13px;
    }
    code {
      font-family: Menlo, Monaco, Consolas, monospace;
    }
    .columns {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 14px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .type {
      color: var(--seg-muted);
      font-size: 11px;
    }
    seg-table {
      --seg-table-max-height: 260px;
    }
    details summary {
      cursor: pointer;
      color: var(--seg-muted);
      margin-bottom: 6px;
    }
    .manage {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 10px;
      align-items: center;
    }
    .manage label {
      color: var(--seg-muted);
    }
    input {
      font: inherit;
      color: var(--seg-fg);
      background: var(--seg-bg);
      border: 1px solid var(--seg-border);
      border-radius: 4px;
      padding: 3px 6px;
      font-family: Menlo, Monaco, Consolas, monospace;
    }
    button.danger {
      color: var(--seg-error-fg);
    }
    .file {
      color: var(--seg-muted);
    }
    .problem {
      margin: 0;
      color: var(--seg-error-fg);
      flex-basis: 100%;
    }
    .muted {
      margin: 0;
      color: var(--seg-muted);
    }
  `];
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-data-table': SegDataTable;
  }
}
