/**
 * A Markdown cell: rendered (markdown-it, then DOMPurify) until it is double-clicked or entered,
 * then a plain text area. It speaks the code editor's events, so the notebook treats both alike:
 * seg-change {value}, seg-run (Ctrl/Cmd+Enter), seg-run-advance (Shift+Enter), seg-leave (Escape);
 * each of the last three also ends editing.
 */
import DOMPurify from 'dompurify';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { renderMarkdown, SANITIZE_OPTIONS } from '../notebook/markdown.ts';

const sanitize = (dirty: string): string => DOMPurify.sanitize(dirty, SANITIZE_OPTIONS) as string;

@customElement('seg-markdown-cell')
export class SegMarkdownCell extends LitElement {
  @property() value = '';
  @property() label = 'Markdown cell';
  @property({ type: Boolean, reflect: true }) editing = false;
  @state() private rendered = '';
  @query('textarea') private textarea?: HTMLTextAreaElement;

  /** Switches to the text area and puts the caret at the end. */
  edit(): void {
    this.editing = true;
    void this.updateComplete.then(() => {
      const area = this.textarea;
      if (!area) return;
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
    });
  }

  /** Shows the text rendered again (the cell was run without leaving its text area). */
  finish(): void {
    this.editing = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) this.rendered = renderMarkdown(this.value, sanitize);
  }

  protected override updated(): void {
    this.fit();
  }

  protected override render() {
    if (this.editing) {
      return html`<textarea
        aria-label=${`${this.label} (Markdown; Escape or Shift+Enter shows it rendered)`}
        spellcheck="true"
        .value=${this.value}
        @input=${this.onInput}
        @keydown=${this.onKeyDown}
      ></textarea>`;
    }
    const empty = this.value.trim() === '';
    return html`<div class="rendered ${empty ? 'empty' : ''}" @dblclick=${() => this.edit()}>
      ${empty ? 'Empty text cell — double-click or press Enter to write Markdown.' : unsafeHTML(this.rendered)}
    </div>`;
  }

  private onInput(event: InputEvent): void {
    this.value = (event.target as HTMLTextAreaElement).value;
    this.fit();
    this.emit('seg-change', { value: this.value });
  }

  private onKeyDown(event: KeyboardEvent): void {
    const leave = (type: string) => {
      event.preventDefault();
      event.stopPropagation();
      this.editing = false;
      this.emit(type, { value: this.value });
    };
    if (event.key === 'Escape') leave('seg-leave');
    else if (event.key === 'Enter' && event.shiftKey) leave('seg-run-advance');
    else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) leave('seg-run');
  }

  /** The text area grows with its text, like the code editors. */
  private fit(): void {
    const area = this.textarea;
    if (!area) return;
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + 2}px`;
  }

  private emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  static override styles = css`
    :host {
      display: block;
    }
    .rendered {
      padding: 2px 12px;
      overflow-wrap: anywhere;
    }
    .rendered.empty {
      color: var(--seg-muted);
      font-style: italic;
      padding: 10px 12px;
    }
    .rendered :is(h1, h2, h3) {
      line-height: 1.25;
      margin: 0.6em 0 0.4em;
    }
    .rendered h1 { font-size: 1.5rem; }
    .rendered h2 { font-size: 1.2rem; }
    .rendered h3 { font-size: 1.05rem; }
    .rendered p,
    .rendered ul,
    .rendered ol {
      margin: 0.5em 0;
    }
    .rendered code {
      font-family: Menlo, Monaco, Consolas, monospace;
      font-size: 0.88em;
      background: var(--seg-panel);
      border: 1px solid var(--seg-border);
      border-radius: 4px;
      padding: 0.05em 0.3em;
    }
    .rendered pre {
      background: var(--seg-panel);
      border: 1px solid var(--seg-border);
      border-radius: 6px;
      padding: 8px 12px;
      overflow-x: auto;
    }
    .rendered pre code {
      border: none;
      padding: 0;
    }
    .rendered a {
      color: var(--seg-accent);
    }
    .rendered table {
      border-collapse: collapse;
      margin: 0.5em 0;
      font-size: 0.95em;
    }
    .rendered :is(th, td) {
      border: 1px solid var(--seg-border);
      padding: 4px 10px;
      text-align: left;
      vertical-align: top;
    }
    .rendered th {
      background: var(--seg-panel);
      font-weight: 600;
    }
    .rendered blockquote {
      margin: 0.5em 0;
      padding: 2px 12px;
      border-left: 3px solid var(--seg-border);
      color: var(--seg-muted);
    }
    textarea {
      box-sizing: border-box;
      display: block;
      width: 100%;
      min-height: 4em;
      resize: none;
      overflow: hidden;
      padding: 8px 12px;
      font: 13px/20px Menlo, Monaco, Consolas, monospace;
      color: var(--seg-fg);
      background: var(--seg-panel);
      border: none;
      border-radius: 6px;
    }
    textarea:focus {
      outline: 2px solid var(--seg-accent);
      outline-offset: 1px;
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-markdown-cell': SegMarkdownCell;
  }
}
