/**
 * <seg-reader-options .options=${ReaderOptions}>: how to read a delimited text file — encoding,
 * delimiter, header, lines to skip, date and timestamp formats, missing values, column names — the keys the front matter records (spec §8).
 * Empty fields leave the choice to DuckDB's sniffer. Emits `seg-reader-options` {options} on Apply.
 */
import { LitElement, css, html } from 'lit';
import { dataControlStyles } from './seg-data-styles.ts';
import { customElement, property, query } from 'lit/decorators.js';
import type { ReaderOptions } from '../engine/types.ts';

const DELIMITERS: [string, string][] = [
  ['', 'detect'],
  [',', 'comma ,'],
  [';', 'semicolon ;'],
  ['\t', 'tab'],
  ['|', 'pipe |'],
  [' ', 'space'],
];

/** The encodings files come in most, by what an analyst knows them as; others can be named in the front matter. */
const ENCODINGS: [string, string][] = [
  ['', 'UTF-8'],
  ['windows-1252', 'Western (Windows-1252, Latin-1)'],
  ['iso-8859-2', 'Central European (ISO-8859-2)'],
  ['windows-1251', 'Cyrillic (Windows-1251)'],
  ['utf-16', 'UTF-16'],
  ['shift_jis', 'Japanese (Shift_JIS)'],
  ['gbk', 'Chinese (GBK)'],
];

export type ReaderOptionsEvent = CustomEvent<{ options: ReaderOptions }>;

@customElement('seg-reader-options')
export class SegReaderOptions extends LitElement {
  @property({ attribute: false }) options: ReaderOptions = {};
  @query('form') private form!: HTMLFormElement;

  protected override render() {
    const o = this.options;
    const known = DELIMITERS.some(([value]) => value === (o.delimiter ?? ''));
    const encodings = o.encoding === undefined || ENCODINGS.some(([value]) => value === o.encoding) ? ENCODINGS : [...ENCODINGS, [o.encoding, o.encoding]];
    return html`<form @submit=${this.apply} aria-label="Reader options">
      <label>Encoding
        <select name="encoding">
          ${encodings.map(([value, label]) => html`<option value=${value} ?selected=${(o.encoding ?? '') === value}>${label}</option>`)}
        </select>
      </label>
      <label>Delimiter
        <select name="delimiter">
          ${DELIMITERS.map(([value, label]) => html`<option value=${value} ?selected=${(o.delimiter ?? '') === value}>${label}</option>`)}
          <option value="other" ?selected=${!known}>other…</option>
        </select>
        <input name="otherDelimiter" aria-label="Other delimiter" size="3" .value=${known ? '' : (o.delimiter ?? '')} />
      </label>
      <label>Header row
        <select name="header">
          <option value="" ?selected=${o.header === undefined}>detect</option>
          <option value="true" ?selected=${o.header === true}>yes</option>
          <option value="false" ?selected=${o.header === false}>no</option>
        </select>
      </label>
      <label>Skip lines <input name="skip" type="number" min="0" step="1" .value=${o.skip === undefined ? '' : String(o.skip)} /></label>
      <label>Date format <input name="dateformat" placeholder="%d/%m/%Y" .value=${o.dateformat ?? ''} /></label>
      <label>Timestamp format <input name="timestampformat" placeholder="%m/%d/%Y %H:%M" .value=${o.timestampformat ?? ''} /></label>
      <label>Missing values <input name="nullstr" placeholder="NA, N/A" .value=${[o.nullstr ?? []].flat().join(', ')} /></label>
      <label class="wide">Column names <input name="names" placeholder="id, name, signup_date (comma-separated)" .value=${(o.names ?? []).join(', ')} /></label>
      <div class="actions">
        <button type="submit" class="primary">Apply</button>
        <button type="button" @click=${this.reset}>Detect everything</button>
      </div>
    </form>`;
  }

  private apply(event: Event): void {
    event.preventDefault();
    const data = new FormData(this.form);
    const text = (key: string) => String(data.get(key) ?? '').trim();
    const options: ReaderOptions = { ...(this.options.format ? { format: this.options.format } : {}), ...(this.options.types ? { types: this.options.types } : {}) };
    const delimiter = text('delimiter') === 'other' ? String(data.get('otherDelimiter') ?? '') : String(data.get('delimiter') ?? '');
    if (text('encoding') !== '') options.encoding = text('encoding');
    if (delimiter !== '') options.delimiter = delimiter;
    if (text('header') !== '') options.header = text('header') === 'true';
    const skip = Number(text('skip'));
    if (text('skip') !== '' && Number.isInteger(skip) && skip >= 0) options.skip = skip;
    if (text('dateformat') !== '') options.dateformat = text('dateformat');
    if (text('timestampformat') !== '') options.timestampformat = text('timestampformat');
    const missing = text('nullstr').split(',').map((n) => n.trim()).filter(Boolean);
    if (missing.length > 0) options.nullstr = missing.length === 1 ? missing[0] : missing;
    const names = text('names').split(',').map((n) => n.trim()).filter(Boolean);
    if (names.length > 0) options.names = names;
    this.emit(options);
  }

  private reset(): void {
    this.emit({});
  }

  private emit(options: ReaderOptions): void {
    this.dispatchEvent(new CustomEvent('seg-reader-options', { detail: { options }, bubbles: true, composed: true }));
  }

  static override styles = [dataControlStyles, css`
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: end;
      font-size: 13px;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 2px;
      color: var(--seg-muted);
    }
    label.wide {
      flex: 1 1 260px;
    }
    select,
    input {
      font: inherit;
      color: var(--seg-fg);
      background: var(--seg-bg);
      border: 1px solid var(--seg-border);
      border-radius: 4px;
      padding: 3px 6px;
    }
    label:first-child {
      flex-direction: column;
    }
    input[name='otherDelimiter'] {
      width: 3em;
      margin-top: 2px;
    }
    input[name='skip'] {
      width: 5em;
    }
    .actions {
      display: flex;
      gap: 6px;
    }
    button.primary {
      background: var(--seg-accent);
      color: var(--seg-on-accent);
      border-color: var(--seg-accent);
    }
  `];
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-reader-options': SegReaderOptions;
  }
}
