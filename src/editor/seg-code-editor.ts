import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Diagnostic } from '../lang/index.ts';
import { FONT_FAMILY, FONT_SIZE, GUTTER_WIDTH, LINE_HEIGHT, PADDING } from './appearance.ts';
import type { CodeEditor, EditorLanguage } from './code-editor.ts';
import type { NotebookLanguageContext } from './context.ts';
import { loadEditorRuntime } from './load.ts';

/** `detail` of seg-change, seg-run and seg-run-advance: the text when it happened. */
export interface EditorValueDetail {
  value: string;
}

/**
 * A code cell's editor: Monaco with SegQL (or SQL) language services, usable inside any shadow
 * root. Shows the text at once and swaps in Monaco when its lazily loaded chunk arrives.
 *
 * Events (all bubble and cross shadow roots):
 * - `seg-change` {value}: the user edited the text (not fired for `value` set from outside).
 * - `seg-run` {value}: Ctrl/Cmd+Enter — run in place.
 * - `seg-run-advance` {value}: Shift+Enter — run and move to the next cell.
 * - `seg-leave`: Escape. Cancelable; by default focus moves to the nearest ancestor with a
 *   tabindex (the cell), so keyboard users can leave the editor.
 * - `seg-editor-ready`: Monaco is showing this editor.
 */
@customElement('seg-code-editor')
export class SegCodeEditor extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      min-width: 0;
    }
    :host(:focus-within) {
      outline: 2px solid var(--seg-accent, #3b5bdb);
      outline-offset: 1px;
    }
    .editor {
      width: 100%;
    }
    .preview {
      margin: 0;
      padding: ${PADDING}px ${PADDING}px ${PADDING}px ${GUTTER_WIDTH}px;
      min-height: ${LINE_HEIGHT}px;
      font-family: ${unsafeCSS(FONT_FAMILY)};
      font-size: ${FONT_SIZE}px;
      line-height: ${LINE_HEIGHT}px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      background: var(--seg-panel, #f6f8fa);
      color: var(--seg-fg, #1f2328);
    }
    textarea.preview {
      display: block;
      box-sizing: border-box;
      width: 100%;
      border: 0;
      outline: none;
      resize: none;
      overflow: hidden;
      field-sizing: content;
    }
    .problem {
      margin: 0;
      padding: 4px 8px;
      font-size: 12px;
      color: var(--seg-error-fg, #a40e26);
    }
  `;

  /** The text. Setting it replaces the editor's text as one undoable edit. */
  @property() value = '';
  @property() language: EditorLanguage = 'seg';
  /** The notebook cell number (0-based, Markdown cells counted), as in the context's program. */
  @property({ type: Number }) cell = 0;
  @property({ attribute: false }) context?: NotebookLanguageContext;
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** The accessible name, e.g. "SegQL cell 3". */
  @property() label = '';
  @property() placeholder = '';
  /** Problems from elsewhere (e.g. the engine, when the cell ran), shown as markers too. */
  @property({ attribute: false }) diagnostics: Diagnostic[] = [];

  @state() private mounted = false;
  /**
   * Asked for the focus before Monaco came: the text is a plain textarea meanwhile, so what is
   * typed is kept (and Space does not land on the button that added the cell); Monaco takes the
   * text and the caret when it comes.
   */
  @state() private drafting = false;
  @query('textarea.preview') private draft?: HTMLTextAreaElement;
  /** Asked for the focus, and the textarea has not been left since: Monaco takes the focus when it comes. */
  private wantsFocus = false;
  @state() private loadProblem = '';
  @query('.editor') private container!: HTMLDivElement;
  private editor?: CodeEditor;
  private mounting = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.editor) void this.mount();
    else this.editor?.layout();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Moving a cell disconnects and reconnects it at once; keep the editor (and its undo) then.
    queueMicrotask(() => {
      if (this.isConnected || !this.editor) return;
      this.editor.dispose();
      this.editor = undefined;
      this.mounted = false;
    });
  }

  protected override render() {
    return html`
      <div class="editor"></div>
      ${this.mounted ? nothing : this.renderPreview()}
      ${this.loadProblem ? html`<p class="problem" role="alert">${this.loadProblem}</p>` : nothing}
    `;
  }

  private renderPreview() {
    if (!this.drafting) return html`<pre class="preview">${this.value}</pre>`;
    return html`<textarea
      class="preview"
      tabindex="-1"
      spellcheck="false"
      aria-label=${this.ariaLabelText()}
      placeholder=${this.placeholder}
      rows=${this.value.split('\n').length}
      .value=${live(this.value)}
      ?readonly=${this.readonly}
      @input=${this.onDraftInput}
      @keydown=${this.onDraftKeyDown}
      @blur=${() => (this.wantsFocus = false)}
    ></textarea>`;
  }

  private onDraftInput(event: Event): void {
    this.value = (event.target as HTMLTextAreaElement).value;
    this.emit('seg-change', { value: this.value });
  }

  /** The keys Monaco would have handled: run, run and advance, leave. */
  private onDraftKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && event.shiftKey) this.emit('seg-run-advance', { value: this.value });
    else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) this.emit('seg-run', { value: this.value });
    else if (event.key === 'Escape') this.leave();
    else return;
    event.preventDefault();
  }

  protected override firstUpdated(): void {
    void this.mount();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const editor = this.editor;
    if (!editor) return;
    if (changed.has('value')) editor.setValue(this.value);
    if (changed.has('language')) editor.setLanguage(this.language);
    if (changed.has('cell')) editor.setCell(this.cell);
    if (changed.has('context')) editor.setContext(this.context);
    if (changed.has('readonly')) editor.setReadOnly(this.readonly);
    if (changed.has('label')) editor.setAriaLabel(this.ariaLabelText());
    if (changed.has('placeholder')) editor.setPlaceholder(this.placeholder);
    if (changed.has('diagnostics')) editor.setDiagnostics(this.diagnostics);
  }

  /** Focuses the text (as soon as Monaco is there, if it is still loading). */
  override focus(): void {
    if (this.editor) {
      this.editor.focus();
      return;
    }
    this.wantsFocus = true;
    this.drafting = true;
    void this.updateComplete.then(() => {
      if (!this.editor) this.draft?.focus();
    });
  }

  /** Re-fits the editor to its width, e.g. after its cell was hidden and shown again. */
  layout(): void {
    this.editor?.layout();
  }

  /** Re-checks the cell now; the context's onDidChange does this on its own. */
  revalidate(): void {
    this.editor?.revalidate();
  }

  private async mount(): Promise<void> {
    if (this.mounting || this.editor) return;
    this.mounting = true;
    try {
      const runtime = await loadEditorRuntime();
      if (!this.isConnected || this.editor) return;
      runtime.adoptMonacoStyles(this.renderRoot as ShadowRoot);
      this.editor = new runtime.CodeEditor(
        this.container,
        {
          value: this.value,
          language: this.language,
          cell: this.cell,
          context: this.context,
          readOnly: this.readonly,
          ariaLabel: this.ariaLabelText(),
          placeholder: this.placeholder,
          diagnostics: this.diagnostics,
        },
        {
          change: (value) => {
            this.value = value;
            this.emit('seg-change', { value });
          },
          run: () => this.emit('seg-run', { value: this.value }),
          runAndAdvance: () => this.emit('seg-run-advance', { value: this.value }),
          leave: () => this.leave(),
        },
      );
      const draft = this.draft;
      if (draft && this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement === draft) {
        this.editor.focusAt(draft.selectionStart, draft.selectionEnd);
      } else if (this.wantsFocus) {
        this.editor.focus();
      }
      this.wantsFocus = false;
      this.mounted = true;
      this.drafting = false;
      this.loadProblem = '';
      this.emit('seg-editor-ready', undefined);
    } catch (error) {
      this.loadProblem = `The code editor could not be loaded (${error instanceof Error ? error.message : String(error)}); the text is shown as it is.`;
    } finally {
      this.mounting = false;
    }
  }

  private ariaLabelText(): string {
    return this.label || (this.language === 'sql' ? 'SQL cell' : 'SegQL cell');
  }

  private emit<T>(type: string, detail: T): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }));
  }

  private leave(): void {
    if (!this.emit('seg-leave', undefined)) return;
    const target = focusableAncestor(this);
    if (target) target.focus();
    else {
      this.tabIndex = -1;
      super.focus();
    }
  }
}

/** The nearest ancestor, across shadow roots, that can take focus because it has a tabindex. */
function focusableAncestor(start: Element): HTMLElement | undefined {
  let node: Node | null = start;
  while (node) {
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent;
    if (node instanceof HTMLElement && node.hasAttribute('tabindex')) return node;
  }
  return undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-code-editor': SegCodeEditor;
  }
  interface HTMLElementEventMap {
    'seg-change': CustomEvent<EditorValueDetail>;
    'seg-run': CustomEvent<EditorValueDetail>;
    'seg-run-advance': CustomEvent<EditorValueDetail>;
    'seg-leave': CustomEvent<undefined>;
    'seg-editor-ready': CustomEvent<undefined>;
  }
}
