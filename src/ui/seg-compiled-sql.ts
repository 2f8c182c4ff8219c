/**
 * The SQL a cell ran, folded away until asked for, then laid out by sql-formatter (loaded on the
 * first opening) and shown read-only with a copy button. Analysts learn SegQL from it.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatSql } from './compiled-sql.ts';

@customElement('seg-compiled-sql')
export class SegCompiledSql extends LitElement {
  @property({ attribute: false }) sql: readonly string[] = [];
  @state() private open = false;
  @state() private formatted?: string[];
  @state() private copied = false;
  private version = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sql')) this.formatted = undefined;
  }

  protected override updated(): void {
    if (this.open && !this.formatted) void this.format();
  }

  private async format(): Promise<void> {
    const version = ++this.version;
    const formatted = await formatSql(this.sql);
    if (version === this.version) this.formatted = formatted;
  }

  protected override render() {
    if (this.sql.length === 0) return nothing;
    const statements = this.sql.length === 1 ? '1 statement' : `${this.sql.length} statements`;
    return html`<details @toggle=${(e: Event) => (this.open = (e.target as HTMLDetailsElement).open)}>
      <summary>Compiled SQL <span class="count">(${statements})</span></summary>
      ${this.open ? this.renderBody() : nothing}
    </details>`;
  }

  private renderBody() {
    const text = (this.formatted ?? this.sql).join(';\n\n');
    return html`<div class="body" aria-busy=${this.formatted ? 'false' : 'true'}>
      <button type="button" class="copy" @click=${() => this.copy(text)}>${this.copied ? 'Copied' : 'Copy'}</button>
      <pre tabindex="0" aria-label="Compiled SQL, read-only"><code>${text}</code></pre>
    </div>`;
  }

  private async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(`${text};\n`);
      this.copied = true;
      setTimeout(() => (this.copied = false), 1500);
    } catch {
      this.copied = false;
    }
  }

  static override styles = css`
    :host {
      display: block;
      font-size: 13px;
    }
    summary {
      cursor: pointer;
      color: var(--seg-muted);
      padding: 2px 0;
      width: max-content;
      border-radius: 4px;
    }
    summary:focus-visible {
      outline: 2px solid var(--seg-accent);
      outline-offset: 2px;
    }
    .count {
      font-variant-numeric: tabular-nums;
    }
    .body {
      position: relative;
      margin-top: 6px;
    }
    pre {
      margin: 0;
      max-height: 420px;
      overflow: auto;
      padding: 10px 12px;
      background: var(--seg-panel);
      border: 1px solid var(--seg-border);
      border-radius: 6px;
      font: 12px/18px Menlo, Monaco, Consolas, monospace;
      color: var(--seg-fg);
    }
    pre:focus-visible {
      outline: 2px solid var(--seg-accent);
      outline-offset: 1px;
    }
    .copy {
      position: absolute;
      top: 6px;
      right: 18px;
      font: inherit;
      font-size: 12px;
      padding: 2px 10px;
      color: var(--seg-fg);
      background: var(--seg-bg);
      border: 1px solid var(--seg-border);
      border-radius: 4px;
      cursor: pointer;
    }
    .copy:focus-visible {
      outline: 2px solid var(--seg-accent);
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-compiled-sql': SegCompiledSql;
  }
}
