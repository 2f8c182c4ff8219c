/**
 * <seg-data-panel .model=${DataPanelModel}>: the notebook's data. Files come in through a picker or
 * by dropping them anywhere on the page; each table shows its row count, and while it is copied
 * into the browser or read, a progress bar (bytes, rows) with Cancel. Opening a table shows its
 * schema, first rows and reader options (seg-data-table.ts). Data the notebook names but this
 * browser does not have is asked for by name, one picker per file; a dropped file of that name
 * fills the gap too.
 */
import { LitElement, css, html, nothing } from 'lit';
import { dataControlStyles } from './seg-data-styles.ts';
import { customElement, property, state } from 'lit/decorators.js';
import type { DataPanelModel, DataTableView } from '../data/data-panel-model.ts';
import { progressFraction, progressText } from '../data/progress-text.ts';
import { plural } from './format.ts';
import { icons } from './icons.ts';
import './seg-data-table.ts';

/** What the picker offers; other files can still be dropped, and are named when Segbook cannot read them. */
const ACCEPT = '.csv,.tsv,.tab,.txt,.parquet,.pq,.json,.jsonl,.ndjson,.gz';

/** `detail` of seg-open-file: a notebook or bundle dropped on the page. */
export interface OpenFileDetail {
  file: File;
}

function isNotebookFile(file: File): boolean {
  return /\.(md|markdown|segbundle)$/i.test(file.name);
}

@customElement('seg-data-panel')
export class SegDataPanel extends LitElement {
  @property({ attribute: false }) model?: DataPanelModel;
  @state() private open = new Set<string>();
  @state() private dragging = false;
  private dragDepth = 0;
  private subscribed?: DataPanelModel;
  private readonly onChange = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('dragenter', this.onDragEnter);
    document.addEventListener('dragleave', this.onDragLeave);
    document.addEventListener('dragover', this.onDragOver);
    document.addEventListener('drop', this.onDrop);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('dragenter', this.onDragEnter);
    document.removeEventListener('dragleave', this.onDragLeave);
    document.removeEventListener('dragover', this.onDragOver);
    document.removeEventListener('drop', this.onDrop);
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed = undefined;
    super.disconnectedCallback();
  }

  protected override willUpdate(): void {
    if (this.subscribed === this.model) return;
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed = this.model;
    this.subscribed?.addEventListener('change', this.onChange);
  }

  protected override render() {
    const model = this.model;
    if (!model) return nothing;
    const tables = model.tables;
    const missing = tables.filter((t) => t.missing);
    return html`
      <section aria-label="Data">
        <div class="bar">
          <button type="button" class="add" @click=${() => this.pick()}>${icons.plus}<span>Add data</span></button>
          <input id="picker" type="file" multiple accept=${ACCEPT} hidden aria-label="Data files to add" @change=${this.onPicked} />
          <span class="hint">CSV, TSV, TXT, Parquet, JSON or JSON Lines — or drop files on the page</span>
        </div>
        ${model.messages.length ? html`<ul class="messages" role="alert">${model.messages.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
        ${missing.length ? this.renderMissing(missing) : nothing}
        ${tables.length ? html`<ul class="data" aria-label="Tables">${tables.map((t) => this.renderTable(t))}</ul>` : nothing}
      </section>
      ${this.dragging ? html`<div class="drop" aria-hidden="true"><p>Drop data files to add them as tables, or a notebook to open it</p></div>` : nothing}
    `;
  }

  private renderMissing(missing: DataTableView[]) {
    return html`<div class="missing" role="alert">
      <strong>This notebook needs ${missing.length === 1 ? 'a file' : `${missing.length} files`} this browser does not have:</strong>
      <ul>
        ${missing.map(
          (t) => html`<li>
            <code>${fileName(t.path)}</code> for table <code>${t.name}</code>
            <button type="button" @click=${() => this.pick(t.path)}>Choose ${fileName(t.path)}…</button>
            <input type="file" hidden data-path=${t.path} aria-label="The file ${fileName(t.path)}" @change=${this.onProvided} />
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderTable(view: DataTableView) {
    const open = this.open.has(view.name.toLowerCase());
    const busy = view.status === 'copying' || view.status === 'loading';
    const expandable = view.status === 'loaded' || view.status === 'error';
    return html`<li class=${view.status} data-table=${view.name} data-path=${view.path}>
      <div class="row">
        ${expandable
          ? html`<button type="button" class="toggle" aria-expanded=${open ? 'true' : 'false'} @click=${() => this.toggle(view.name)}>
              <span class="chevron" aria-hidden="true">${open ? '▾' : '▸'}</span><code>${view.name}</code>
            </button>`
          : html`<code>${view.name}</code>`}
        <span class="detail">${detail(view)}</span>
        ${busy ? this.renderProgress(view) : nothing}
      </div>
      ${view.status === 'error' && view.message && !view.missing ? html`<p class="problem">${view.message}</p>` : nothing}
      ${open && expandable ? html`<seg-data-table .view=${view} .model=${this.model}></seg-data-table>` : nothing}
    </li>`;
  }

  private renderProgress(view: DataTableView) {
    const fraction = view.progress ? progressFraction(view.progress) : undefined;
    const what = view.status === 'copying' ? 'Copying into this browser' : 'Reading';
    return html`<span class="progress" role="status">
      <progress aria-label="${what} ${view.name}" max="1" .value=${fraction ?? null}></progress>
      <span>${what}${view.progress ? `: ${progressText(view.progress)}` : '…'}</span>
      <button type="button" class="cancel" @click=${() => this.model?.cancel(view.name)}>${icons.close}<span>Cancel</span></button>
    </span>`;
  }

  private toggle(name: string): void {
    const key = name.toLowerCase();
    const next = new Set(this.open);
    if (!next.delete(key)) next.add(key);
    this.open = next;
  }

  /** Opens the picker for new data, or for the missing file at `path`. */
  private pick(path?: string): void {
    const selector = path === undefined ? '#picker' : `input[data-path="${CSS.escape(path)}"]`;
    this.renderRoot.querySelector<HTMLInputElement>(selector)?.click();
  }

  private onPicked = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.take(files);
  };

  private onProvided = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file && input.dataset.path) void this.model?.provide(input.dataset.path, file);
  };

  /** Files whose names match missing data fill the gap; the others become tables. */
  private async take(files: File[]): Promise<void> {
    const model = this.model;
    if (!model || files.length === 0) return;
    const missing = model.missing;
    const fresh: File[] = [];
    for (const file of files) {
      const wanted = missing.find((t) => fileName(t.path) === file.name);
      if (wanted) await model.provide(wanted.path, file);
      else fresh.push(file);
    }
    if (fresh.length) await model.addFiles(fresh);
  }

  private onDragEnter = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    this.dragDepth++;
    this.dragging = true;
  };

  private onDragLeave = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (this.dragDepth === 0) this.dragging = false;
  };

  private onDragOver = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };

  private onDrop = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    this.dragDepth = 0;
    this.dragging = false;
    const files = [...(event.dataTransfer?.files ?? [])];
    const notebook = files.find(isNotebookFile);
    // A notebook or a bundle dropped on the page opens, as through Open…; the file menu does that.
    if (notebook) this.dispatchEvent(new CustomEvent<OpenFileDetail>('seg-open-file', { detail: { file: notebook }, bubbles: true, composed: true }));
    const data = files.filter((file) => !isNotebookFile(file));
    if (data.length > 0) void this.take(data);
  };

  static override styles = [dataControlStyles, css`
    :host {
      display: block;
      margin: 0 0 0.5rem;
      font-size: 13px;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .hint {
      color: var(--seg-muted);
      font-size: 12px;
    }
    button {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    button:focus-visible {
      outline: 2px solid var(--seg-accent);
      outline-offset: 1px;
    }
    code {
      font-family: Menlo, Monaco, Consolas, monospace;
      color: var(--seg-fg);
    }
    .data {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
      display: grid;
      /* A wide table's preview scrolls inside its row: a grid column would grow to its content. */
      grid-template-columns: minmax(0, 1fr);
      gap: 4px;
    }
    .data > li {
      border: 1px solid var(--seg-border);
      border-radius: 8px;
      padding: 4px 10px;
    }
    .data > li.error {
      border-color: var(--seg-error-fg);
      background: var(--seg-error-bg);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 10px;
      min-height: 26px;
    }
    .toggle {
      border: none;
      background: none;
      padding: 2px 4px 2px 0;
    }
    .chevron {
      display: inline-block;
      width: 1em;
      color: var(--seg-muted);
    }
    .detail {
      color: var(--seg-muted);
      font-variant-numeric: tabular-nums;
    }
    li.error .detail,
    .problem {
      color: var(--seg-error-fg);
    }
    .problem {
      margin: 2px 0 4px;
    }
    .progress {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      color: var(--seg-muted);
      font-variant-numeric: tabular-nums;
    }
    progress {
      width: 160px;
      accent-color: var(--seg-accent);
    }
    .cancel {
      padding: 1px 8px;
    }
    .messages,
    .missing {
      margin: 8px 0 0;
      padding: 8px 12px;
      border-radius: 8px;
      color: var(--seg-error-fg);
      background: var(--seg-error-bg);
      border: 1px solid currentColor;
    }
    .messages {
      list-style: none;
    }
    .missing ul {
      margin: 6px 0 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 4px;
    }
    .missing code {
      color: inherit;
    }
    .missing button {
      margin-left: 8px;
    }
    .drop {
      position: fixed;
      inset: 0;
      z-index: 50;
      display: grid;
      place-items: center;
      background: color-mix(in srgb, var(--seg-bg) 75%, transparent);
      border: 3px dashed var(--seg-accent);
      pointer-events: none;
    }
    .drop p {
      font-size: 18px;
      padding: 12px 20px;
      border-radius: 8px;
      background: var(--seg-panel);
      color: var(--seg-fg);
    }
  `];
}

/** Puts the data panel into the notebook page (its `data` slot, in place of the data chips). */
export function mountDataPanel(page: HTMLElement, model: DataPanelModel): SegDataPanel {
  const panel = document.createElement('seg-data-panel');
  panel.slot = 'data';
  panel.model = model;
  page.append(panel);
  return panel;
}

function detail(view: DataTableView): string {
  switch (view.status) {
    case 'copying':
    case 'loading':
      return '';
    case 'waiting':
      return 'waiting to load';
    case 'error':
      return view.missing ? 'file missing' : 'could not be read';
    case 'loaded': {
      const rows = view.rowCount === undefined ? '' : plural(view.rowCount, 'row');
      const columns = view.columns ? plural(view.columns.length, 'column') : '';
      return [rows, columns].filter(Boolean).join(' · ');
    }
  }
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-data-panel': SegDataPanel;
  }
}
