/**
 * <seg-table>: a result table for people. Only the rows in view exist in the page (100k rows
 * scroll as smoothly as ten); a header button sorts by its column (ascending, descending, the
 * result's order); numbers are formatted and right-aligned, nulls muted; the header sticks.
 * Ctrl/Cmd+C on the table with nothing selected copies it all as TSV, in the order shown, and
 * the footer says so for a few seconds in the Copy button's words.
 */
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Value } from '../engine/types.ts';
import { columnFormat, formatValue, isNumericFormat, plural, type ColumnFormat } from './format.ts';
import { STATUS_MS, copiedMessage, copyText } from './seg-result-export.ts';
import { nextSortKey, sortedOrder, type SortKey } from './seg-result-sort.ts';
import { toTsv } from './seg-result-text.ts';

/**
 * Tables up to this many rows are drawn whole. The virtualiser guesses the height of rows it has
 * not drawn yet, and a short table off screen would change height when scrolled to; a long one
 * fills the scroller's fixed height either way.
 */
const PLAIN_ROWS = 150;
/** Rows read to size the columns: the first ones, the last ones and a stride through the rest. */
const SIZE_SAMPLE = 400;
const MIN_COLUMN_CHARS = 4;
const MAX_COLUMN_CHARS = 40;

interface Column {
  name: string;
  type: string;
  format: ColumnFormat;
  numeric: boolean;
  chars: number;
}

@customElement('seg-table')
export class SegTable extends LitElement {
  static override styles = css`
    :host {
      display: block;
      --seg-table-row: 26px;
      font-size: 13px;
    }
    :host([hidden]) {
      display: none;
    }
    .scroller {
      max-height: var(--seg-table-max-height, 420px);
      overflow: auto;
      border: 1px solid var(--seg-border, #d1d9e0);
      border-radius: 6px;
      font-variant-numeric: tabular-nums;
      outline-offset: 2px;
    }
    .scroller:focus-visible {
      outline: 2px solid var(--seg-accent, #3b5bdb);
    }
    .head {
      position: sticky;
      top: 0;
      z-index: 1;
      background: var(--seg-panel, #f6f8fa);
      border-bottom: 1px solid var(--seg-border, #d1d9e0);
      width: max-content;
      min-width: 100%;
    }
    .row {
      display: grid;
      grid-template-columns: var(--columns);
      width: max-content;
      min-width: 100%;
      height: var(--seg-table-row);
      align-items: center;
      contain: layout style;
    }
    .body .row:nth-child(even) {
      background: color-mix(in srgb, var(--seg-panel, #f6f8fa) 60%, transparent);
    }
    .cell {
      padding: 0 8px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .num {
      text-align: right;
    }
    .null {
      color: var(--seg-muted, #59636e);
      font-style: italic;
      opacity: 0.8;
    }
    [role='columnheader'] {
      padding: 0;
    }
    [role='columnheader'] button {
      all: unset;
      box-sizing: border-box;
      display: flex;
      gap: 4px;
      width: 100%;
      height: var(--seg-table-row);
      align-items: center;
      padding: 0 8px;
      font-weight: 600;
      cursor: pointer;
    }
    [role='columnheader'].num button {
      flex-direction: row-reverse;
    }
    [role='columnheader'] button:hover {
      background: color-mix(in srgb, currentColor 8%, transparent);
    }
    [role='columnheader'] button:focus-visible {
      outline: 2px solid var(--seg-accent, #3b5bdb);
      outline-offset: -2px;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .arrow {
      font-size: 9px;
      color: var(--seg-accent, #3b5bdb);
    }
    .footer {
      display: flex;
      gap: 6px;
      margin-top: 4px;
      font-size: 12px;
      color: var(--seg-muted, #59636e);
    }
    .status {
      margin-left: auto;
    }
  `;

  @property({ attribute: false }) columns: string[] = [];
  /** DuckDB type names, one per column: they decide how values read. */
  @property({ attribute: false }) types: string[] = [];
  @property({ attribute: false }) rows: Value[][] = [];
  /** Columns that hold a share from 0 to 1 though their names do not say so (CellResult.shares). */
  @property({ attribute: false }) shares: string[] = [];
  /** The table's accessible name. */
  @property() label = 'result table';
  /** How many rows there are in all, when the table shows the first of them (a data file's preview). */
  @property({ attribute: false }) total?: number;
  @state() private sort?: SortKey;
  @state() private status = '';
  private statusTimer?: ReturnType<typeof setTimeout>;
  private order: number[] = [];
  private described: Column[] = [];

  override disconnectedCallback(): void {
    clearTimeout(this.statusTimer);
    super.disconnectedCallback();
  }

  /** Row indices in the order shown (sorted or the result's own). */
  get displayOrder(): readonly number[] {
    return this.order;
  }

  get sortKey(): SortKey | undefined {
    return this.sort;
  }

  sortBy(column: number, direction?: SortKey['direction']): void {
    this.sort = direction ? { column, direction } : nextSortKey(this.sort, column);
  }

  /** The whole table as TSV, in the order shown. */
  toTsv(): string {
    return toTsv({ columns: this.columns, rows: this.rows }, this.order);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('columns') || changed.has('types') || changed.has('rows') || changed.has('shares')) {
      if (this.sort && this.sort.column >= this.columns.length) this.sort = undefined;
      this.described = describeColumns(this.columns, this.types, this.rows, this.shares);
    }
    if (changed.has('rows') || changed.has('sort' as keyof SegTable)) this.order = sortedOrder(this.rows, this.sort);
  }

  /** `first 20 of 2,240 rows` where the table holds the first of them. */
  private countText(): string {
    if (this.rows.length === 0) return 'no rows';
    if (this.total !== undefined && this.total > this.rows.length) return `first ${this.rows.length.toLocaleString('en-US')} of ${plural(this.total, 'row')}`;
    return plural(this.rows.length, 'row');
  }

  protected override render() {
    const columns = this.described;
    const template = columns.map((c) => `${c.chars + 2}ch`).join(' ');
    const sorted = this.sort ? columns[this.sort.column] : undefined;
    return html`
      <div
        class="scroller"
        role="table"
        tabindex="0"
        aria-label=${this.label}
        aria-rowcount=${this.rows.length + 1}
        aria-colcount=${columns.length}
        style=${`--columns: ${template}`}
        @keydown=${this.onKeyDown}
      >
        <div class="head" role="rowgroup">
          <div class="row" role="row" aria-rowindex="1">${columns.map((c, i) => this.headerCell(c, i))}</div>
        </div>
        <div class="body" role="rowgroup">
          ${this.order.length <= PLAIN_ROWS
            ? this.order.map((row, i) => this.renderRow(row, i))
            : virtualize({ items: this.order, renderItem: (row: number, i: number) => this.renderRow(row, i) })}
        </div>
      </div>
      <div class="footer">
        <span class="count">${this.countText()}</span>
        ${sorted ? html`<span>· sorted by ${sorted.name}, ${this.sort!.direction}</span>` : nothing}
        <span class="status" role="status" aria-live="polite">${this.status}</span>
      </div>
    `;
  }

  private headerCell(column: Column, index: number) {
    const direction = this.sort?.column === index ? this.sort.direction : undefined;
    const arrow = direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '';
    return html`<div role="columnheader" class=${`cell ${column.numeric ? 'num' : ''}`} aria-sort=${direction ?? 'none'}>
      <button type="button" title=${`${column.name} (${column.type || 'unknown type'}) — sort`} @click=${() => this.sortBy(index)}>
        <span class="name">${column.name}</span><span class="arrow" aria-hidden="true">${arrow}</span>
      </button>
    </div>`;
  }

  private renderRow(row: number, position: number) {
    const values = this.rows[row] ?? [];
    return html`<div class="row" role="row" aria-rowindex=${position + 2}>
      ${this.described.map((column, c) => {
        const value = values[c] ?? null;
        if (value === null) return html`<div role="cell" class=${`cell null ${column.numeric ? 'num' : ''}`}>null</div>`;
        const text = formatValue(value, column.format);
        return html`<div role="cell" class=${`cell ${column.numeric ? 'num' : ''}`} title=${text.length > column.chars ? text : nothing}>${text}</div>`;
      })}
    </div>`;
  }

  private async onKeyDown(event: KeyboardEvent): Promise<void> {
    if (event.key.toLowerCase() !== 'c' || !(event.ctrlKey || event.metaKey)) return;
    const selection = (this.shadowRoot as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection();
    if (selection && !selection.isCollapsed && selection.toString() !== '') return;
    event.preventDefault();
    try {
      await copyText(this.toTsv());
      this.say(copiedMessage(this.rows.length));
    } catch (error) {
      this.say(error instanceof Error ? error.message : String(error));
    }
  }

  /** A keyboard user hears (the footer's polite live region) what the Copy button's users read, for as long. */
  private say(message: string): void {
    this.status = message;
    clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(() => (this.status = ''), STATUS_MS);
  }
}

/** How each column reads, and how wide (in characters) its widest sampled value is. */
function describeColumns(names: readonly string[], types: readonly string[], rows: readonly Value[][], shares: readonly string[]): Column[] {
  const sample = sampleRows(rows);
  return names.map((name, c) => {
    const type = types[c] ?? '';
    const format = columnFormat(name, type, shares);
    let chars = name.length + 2;
    for (const row of sample) chars = Math.max(chars, formatValue(row[c] ?? null, format).length);
    return { name, type, format, numeric: isNumericFormat(format), chars: Math.min(MAX_COLUMN_CHARS, Math.max(MIN_COLUMN_CHARS, chars)) };
  });
}

function sampleRows(rows: readonly Value[][]): readonly Value[][] {
  if (rows.length <= SIZE_SAMPLE) return rows;
  const head = rows.slice(0, SIZE_SAMPLE / 2);
  const stride = Math.floor(rows.length / (SIZE_SAMPLE / 2));
  const spread = Array.from({ length: SIZE_SAMPLE / 2 }, (_, i) => rows[i * stride]!);
  return [...head, ...spread, rows[rows.length - 1]!];
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-table': SegTable;
  }
}
