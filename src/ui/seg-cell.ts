/**
 * One notebook cell: a header (kind, a SQL cell's view name, state, actions), the text (Monaco
 * for code once the notebook allows it, a rendered or editable Markdown block), and the output.
 *
 * The cell's frame takes focus (Jupyter's command mode): Enter enters the text, Escape in the
 * text comes back; Shift+Enter runs and moves on, Ctrl/Cmd+Enter runs; ↑/↓ (or k/j) go to the
 * neighbouring cell, Alt+↑/↓ move the cell, a/b insert a cell above/below, Delete (or d d)
 * deletes it, i i interrupts the run.
 * Everything the cell cannot decide alone is a `seg-cell-action` event for the notebook.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { SegmentColours } from '../charts/segment-colours.ts';
import '../editor/index.ts';
import type { NotebookLanguageContext, SegCodeEditor } from '../editor/index.ts';
import type { CellKind } from '../notebook/model.ts';
import { resultColours } from '../notebook/notebook-colours.ts';
import type { CellView } from './cell-states.ts';
import { icons } from './icons.ts';
import { resultCaptions } from './result-captions.ts';
import { cellStyles } from './seg-cell-styles.ts';
import './seg-cell-output.ts';
import './seg-cell-status.ts';
import './seg-markdown-cell.ts';
import type { SegMarkdownCell } from './seg-markdown-cell.ts';

export type CellAction =
  | 'run' | 'run-advance' | 'move-up' | 'move-down' | 'insert-above' | 'insert-below' | 'delete'
  | 'undo-delete' | 'focus-previous' | 'focus-next' | 'want-editors' | 'interrupt';

export interface CellActionDetail {
  id: string;
  action: CellAction;
}

/** Jupyter users press d d and i i briskly; a second press later than this starts a new pair. */
const DOUBLE_PRESS_MS = 800;

const KIND_NAMES: Record<CellKind, string> = { seg: 'SegQL', sql: 'SQL', markdown: 'Text' };

@customElement('seg-cell')
export class SegCell extends LitElement {
  @property({ attribute: false }) view?: CellView;
  @property({ attribute: false }) context?: NotebookLanguageContext;
  /** The notebook's segment colours, the same for every cell's charts. */
  @property({ attribute: false }) colours?: SegmentColours;
  /** Whether code cells use Monaco yet (the notebook waits for its first results). */
  @property({ type: Boolean }) editors = false;
  @property({ type: Boolean }) first = false;
  @property({ type: Boolean }) last = false;
  @property({ reflect: true }) kind: CellKind = 'seg';
  @query('.frame') private frame!: HTMLElement;
  private enterWhenReady = false;
  private captioned?: { results: CellView['results']; captions: string[] };
  private coloured?: { results: CellView['results']; colours: SegmentColours; each: SegmentColours[] };
  /** The last letter pressed in command mode and when: Jupyter's doubled keys (d d, i i). */
  private lastLetter?: { key: string; at: number };

  /** Focuses the cell's frame (command mode). */
  focusFrame(): void {
    this.frame?.focus();
  }

  /** Puts the caret in the cell's text. */
  enter(): void {
    const kind = this.view?.cell.kind;
    if (kind === 'markdown') {
      this.renderRoot.querySelector<SegMarkdownCell>('seg-markdown-cell')?.edit();
      return;
    }
    const editor = this.renderRoot.querySelector<SegCodeEditor>('seg-code-editor');
    if (editor) editor.focus();
    else {
      this.enterWhenReady = true;
      this.act('want-editors');
    }
  }

  protected override willUpdate(): void {
    if (this.view) this.kind = this.view.cell.kind;
  }

  protected override updated(): void {
    if (!this.enterWhenReady) return;
    const editor = this.renderRoot.querySelector<SegCodeEditor>('seg-code-editor');
    if (!editor) return;
    this.enterWhenReady = false;
    editor.focus();
  }

  protected override render() {
    const view = this.view;
    if (!view) return nothing;
    const { cell, index } = view;
    const label = `${KIND_NAMES[cell.kind]} cell ${index}`;
    return html`<div class="frame" tabindex="0" role="group" aria-label=${label} data-cell=${index} @keydown=${this.onKeyDown}>
      <div class="header">
        <span class="index" aria-hidden="true">[${index}]</span>
        <select aria-label="Cell kind" .value=${cell.kind} @change=${this.onKind}>
          <option value="seg" ?selected=${cell.kind === 'seg'}>SegQL</option>
          <option value="sql" ?selected=${cell.kind === 'sql'}>SQL</option>
          <option value="markdown" ?selected=${cell.kind === 'markdown'}>Text</option>
        </select>
        ${cell.kind === 'sql' ? this.renderViewName(cell.name ?? '') : nothing}
        <span class="spacer"></span>
        <div class="actions" role="toolbar" aria-label=${`${label} actions`}>
          ${cell.kind === 'markdown' ? nothing : this.button('run', 'Run cell (Ctrl+Enter)', icons.run, false, 'run')}
          ${this.button('move-up', 'Move cell up (Alt+↑)', icons.up, this.first)}
          ${this.button('move-down', 'Move cell down (Alt+↓)', icons.down, this.last)}
          ${this.button('insert-above', 'Insert a cell above (a)', icons.insertAbove)}
          ${this.button('insert-below', 'Insert a cell below (b)', icons.insertBelow)}
          ${this.button('delete', 'Delete cell (Delete, or d d)', icons.trash, false, 'danger')}
        </div>
        ${cell.kind === 'markdown' || (cell.source.trim() === '' && (view.status === 'stale' || view.status === 'done'))
          ? nothing
          : html`<seg-cell-status .status=${view.status} .durationMs=${view.durationMs} .since=${view.runningSince}></seg-cell-status>`}
      </div>
      <div class="body">${cell.kind === 'markdown' ? this.renderMarkdown(view) : this.renderCode(view, label)}</div>
      ${cell.kind === 'markdown'
        ? nothing
        : html`<seg-cell-output .view=${view} .captions=${this.captions(index, view)} .colours=${this.resultColours(index, view)}></seg-cell-output>`}
    </div>`;
  }

  /**
   * Only with results to caption: the notebook is parsed once the engine has started, not while
   * the page first draws. Taken when the results arrive and kept with them: results shown dimmed
   * after an edit keep the words of the statement that made them, not of the text now.
   */
  private captions(index: number, view: CellView): string[] {
    if (!view.results.length) return [];
    if (this.captioned?.results === view.results) return this.captioned.captions;
    const program = this.context?.program();
    const captions = resultCaptions(program, index, view.results);
    if (program) this.captioned = { results: view.results, captions };
    return captions;
  }

  /** Kept with the results, as the captions are: a keystroke parses nothing for them. */
  private resultColours(index: number, view: CellView): SegmentColours[] {
    const colours = this.colours;
    if (!colours || !view.results.length) return [];
    if (this.coloured?.results === view.results && this.coloured.colours === colours) return this.coloured.each;
    const program = this.context?.program();
    if (!program) return [];
    this.coloured = { results: view.results, colours, each: resultColours(colours, program, index, view.results) };
    return this.coloured.each;
  }

  private renderViewName(name: string) {
    return html`<label class="view-name">
      <span>view</span>
      <input
        type="text"
        spellcheck="false"
        autocomplete="off"
        placeholder="name (optional)"
        aria-label="View name: the cell's query becomes a view of this name; leave empty to show its result"
        .value=${name}
        @change=${(e: Event) => this.emitEdit('seg-view-name', (e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.focusFrame()}
      />
    </label>`;
  }

  private renderMarkdown(view: CellView) {
    return html`<seg-markdown-cell .value=${view.cell.source} label=${`Text cell ${view.index}`} @seg-leave=${() => this.focusFrame()} @seg-run=${() => this.focusFrame()}></seg-markdown-cell>`;
  }

  private renderCode(view: CellView, label: string) {
    const { cell, index } = view;
    if (!this.editors) {
      return html`<pre class="preview" @click=${() => this.enter()}>${cell.source || '\u00a0'}</pre>`;
    }
    return html`<seg-code-editor
      .value=${cell.source}
      .language=${cell.kind === 'sql' ? 'sql' : 'seg'}
      .cell=${index}
      .context=${this.context}
      .diagnostics=${view.diagnostics}
      label=${label}
      placeholder=${cell.kind === 'sql' ? 'select … from …' : 'segment name = condition'}
    ></seg-code-editor>`;
  }

  private button(action: CellAction, title: string, icon: unknown, disabled = false, className = '') {
    return html`<button type="button" class=${className} title=${title} aria-label=${title} ?disabled=${disabled}
      @click=${() => this.act(action)}>${icon}</button>`;
  }

  private onKind(event: Event): void {
    this.emitEdit('seg-cell-kind', (event.target as HTMLSelectElement).value);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.target !== this.frame) return;
    const key = event.key;
    const ctrl = event.ctrlKey || event.metaKey;
    let action: CellAction | 'enter' | undefined;
    if (key === 'Enter' && event.shiftKey) action = 'run-advance';
    else if (key === 'Enter' && ctrl) action = 'run';
    else if (key === 'Enter') action = 'enter';
    else if (key === 'ArrowUp' && event.altKey) action = 'move-up';
    else if (key === 'ArrowDown' && event.altKey) action = 'move-down';
    // A deleted cell comes back with z, as in Jupyter, or with the undo shortcut every editor has.
    else if (key.toLowerCase() === 'z' && ctrl && !event.shiftKey && !event.altKey) action = 'undo-delete';
    else if (ctrl || event.altKey) return;
    else if (key === 'ArrowUp' || key === 'k') action = 'focus-previous';
    else if (key === 'ArrowDown' || key === 'j') action = 'focus-next';
    else if (key === 'a') action = 'insert-above';
    else if (key === 'b') action = 'insert-below';
    else if (key === 'Delete') action = 'delete';
    else if (key === 'z') action = 'undo-delete';
    else if (key === 'd' || key === 'i') action = this.doubled(key, key === 'd' ? 'delete' : 'interrupt');
    if (!action) return;
    event.preventDefault();
    if (action === 'enter') this.enter();
    else {
      // Running a text cell from command mode shows it rendered, as in Jupyter.
      if (action === 'run' || action === 'run-advance') this.renderRoot.querySelector<SegMarkdownCell>('seg-markdown-cell')?.finish();
      this.act(action);
    }
  }

  /** The action when `key` is the second of two presses within a moment. */
  private doubled(key: string, action: CellAction): CellAction | undefined {
    const last = this.lastLetter;
    const now = performance.now();
    this.lastLetter = last?.key === key && now - last.at < DOUBLE_PRESS_MS ? undefined : { key, at: now };
    return this.lastLetter ? undefined : action;
  }

  private act(action: CellAction): void {
    if (!this.view) return;
    this.dispatchEvent(new CustomEvent<CellActionDetail>('seg-cell-action', { detail: { id: this.view.cell.id, action }, bubbles: true, composed: true }));
  }

  private emitEdit(type: string, value: string): void {
    this.dispatchEvent(new CustomEvent(type, { detail: { value }, bubbles: true, composed: true }));
  }

  static override styles = cellStyles;
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-cell': SegCell;
  }
  interface HTMLElementEventMap {
    'seg-cell-action': CustomEvent<CellActionDetail>;
  }
}
