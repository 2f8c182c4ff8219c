/**
 * The notebook page: title and data, a toolbar (run all, interrupt, add cells), the cells, and an
 * undo bar after a deletion. It renders what its NotebookController holds and turns the cells'
 * events into the controller's edits and runs; focus moves the way Jupyter's does.
 *
 * `data-state` mirrors the controller's phase (starting, loading, running, ready, failed) for
 * tests and tools; the performance mark `segbook:first-chart` is set when the first chart is drawn.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SegmentColours } from '../charts/segment-colours.ts';
import { preloadEditor } from '../editor/index.ts';
import type { CellKind } from '../notebook/model.ts';
import type { CellResult } from '../notebook/outcome.ts';
import { formatDuration } from './duration.ts';
import { plural } from './format.ts';
import { icons } from './icons.ts';
import type { CellView, NotebookController } from './notebook-controller.ts';
import { keepClearOf } from './scroll-clearance.ts';
import { notebookStyles } from './seg-notebook-styles.ts';
import './seg-cell.ts';
import type { CellActionDetail, SegCell } from './seg-cell.ts';

type ValueEvent = CustomEvent<{ value: string }>;

/** How long the undo bar stays after a delete. */
const UNDO_BAR_MS = 12_000;

@customElement('seg-notebook')
export class SegNotebook extends LitElement {
  @property({ attribute: false }) controller?: NotebookController;
  /** Monaco comes in once the first results are on screen (or as soon as someone enters a cell). */
  @state() private editors = false;
  @state() private undoVisible = false;
  private undoTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onChange = () => this.requestUpdate();
  private subscribed?: NotebookController;
  private charted = false;
  /** The cell that last held the focus: the toolbar adds cells below it. */
  private current?: string;
  private stopClearance?: () => void;
  private coloured?: { results: CellResult[][]; colours: SegmentColours };

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscribe();
  }

  override disconnectedCallback(): void {
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed?.removeEventListener('replaced', this.onReplaced);
    this.subscribed = undefined;
    this.stopClearance?.();
    this.stopClearance = undefined;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('controller')) this.subscribe();
  }

  protected override updated(): void {
    const controller = this.controller;
    if (!controller) return;
    const toolbar = this.renderRoot.querySelector<HTMLElement>('.toolbar');
    if (toolbar && !this.stopClearance) this.stopClearance = keepClearOf(toolbar);
    this.dataset.state = controller.phase.step;
    document.title = controller.title ? `${controller.title} · Segbook` : 'Segbook';
    const hasResults = controller.cells.some((v) => v.results.length > 0 || v.summary.length > 0);
    if (!this.editors && (controller.lastRun || hasResults) && !controller.busy) {
      // Let the results paint first; Monaco's chunks and the editors come after.
      requestAnimationFrame(() => this.enableEditors());
    }
    if (!this.charted && hasResults) void this.markFirstChart();
  }

  private subscribe(): void {
    if (this.subscribed === this.controller) return;
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed?.removeEventListener('replaced', this.onReplaced);
    this.subscribed = this.controller;
    this.subscribed?.addEventListener('change', this.onChange);
    this.subscribed?.addEventListener('replaced', this.onReplaced);
  }

  /** Another notebook opened: the focus goes to its first cell (into a new notebook's empty one). */
  private readonly onReplaced = (): void => {
    queueMicrotask(() => {
      const cells = this.controller?.cells ?? [];
      const first = cells[0];
      if (!first) return;
      const blank = cells.length === 1 && first.cell.kind !== 'markdown' && first.cell.source.trim() === '';
      void this.focusCell(first.cell.id, blank ? 'text' : 'frame');
    });
  };

  /** The Interrupt button turns disabled under the focus: the focus goes to Run all beside it. */
  private readonly onInterrupt = (event: Event): void => {
    const button = event.currentTarget as HTMLElement;
    const focused = button.matches(':focus');
    this.controller?.stop();
    if (focused) this.renderRoot.querySelector<HTMLElement>('.toolbar button.primary')?.focus();
  };

  private enableEditors(): void {
    if (this.editors) return;
    preloadEditor();
    this.editors = true;
  }

  /** Polls a few frames for the first drawn chart, so the mark times what the analyst sees. */
  private async markFirstChart(): Promise<void> {
    this.charted = true;
    for (let frame = 0; frame < 120; frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      if (deepQuery(this.renderRoot, '.seg-chart')) {
        performance.mark('segbook:first-chart');
        return;
      }
    }
  }

  protected override render() {
    const controller = this.controller;
    if (!controller) return html`<p class="boot">Loading Segbook…</p>`;
    const views = controller.cells;
    const colours = this.segmentColours(controller, views);
    return html`
      <header>
        <slot name="menu"></slot>
        <h1>${controller.title ?? 'Untitled notebook'}</h1>
        <slot name="data">${this.renderData()}</slot>
      </header>
      ${this.renderToolbar()}
      ${this.renderProblems()}
      <main aria-label="Cells" @focusin=${this.onFocusIn}>
        ${repeat(
          views,
          (view) => view.cell.id,
          // A keystroke re-renders the notebook: only the typed-in cell's view is a new one, and the
          // other cells' bindings (a dozen each) are not evaluated again.
          (view, i) => {
            const first = i === 0;
            const last = i === views.length - 1;
            return guard([view, controller, this.editors, colours, first, last], () => this.renderCell(controller, view, colours, first, last));
          },
        )}
        <div class="add-row" role="group" aria-label="Add a cell at the end">
          ${this.addButton('seg', 'SegQL', 'end')} ${this.addButton('sql', 'SQL', 'end')} ${this.addButton('markdown', 'Text', 'end')}
        </div>
      </main>
      ${this.renderUndo()}
      <footer>
        <p><kbd>Enter</kbd> edit a cell · <kbd>Esc</kbd> leave it · <kbd>Shift</kbd>+<kbd>Enter</kbd> run and go to the next ·
          <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> run · <kbd>↑</kbd>/<kbd>↓</kbd> previous/next cell ·
          <kbd>a</kbd>/<kbd>b</kbd> insert above/below · <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> move ·
          <kbd>Del</kbd> or <kbd>d</kbd> <kbd>d</kbd> delete · <kbd>z</kbd> undo a delete · <kbd>i</kbd> <kbd>i</kbd> interrupt the run</p>
      </footer>
    `;
  }

  private renderCell(controller: NotebookController, view: CellView, colours: SegmentColours | undefined, first: boolean, last: boolean) {
    const id = view.cell.id;
    return html`<seg-cell
      data-id=${id}
      .view=${view}
      .context=${controller.language}
      .colours=${colours}
      .editors=${this.editors}
      ?first=${first}
      ?last=${last}
      @seg-change=${(e: ValueEvent) => controller.editSource(id, e.detail.value)}
      @seg-run=${() => void controller.runCell(id)}
      @seg-run-advance=${() => this.runAndAdvance(id)}
      @seg-view-name=${(e: ValueEvent) => controller.setName(id, e.detail.value)}
      @seg-cell-kind=${(e: ValueEvent) => controller.setKind(id, e.detail.value as CellKind)}
      @seg-cell-action=${(e: CustomEvent<CellActionDetail>) => this.onAction(e.detail)}
    ></seg-cell>`;
  }

  /**
   * The notebook's segment colours, read again only when some cell's results change: charts then
   * follow the definitions that made them, a keystroke parses nothing, and the same colours (the
   * same object) redraw no chart.
   */
  private segmentColours(controller: NotebookController, views: CellView[]): SegmentColours | undefined {
    const results = views.map((view) => view.results);
    if (results.every((r) => r.length === 0)) return undefined;
    const last = this.coloured;
    if (last && sameResults(last.results, results)) return last.colours;
    const colours = controller.segmentColours();
    this.coloured = { results, colours: last?.colours.equals(colours) ? last.colours : colours };
    return this.coloured.colours;
  }

  /** Data chips, unless a data panel fills the `data` slot (src/ui/seg-data-panel.ts). */
  private renderData() {
    // The children, not a selector: this runs on every keystroke and the query took some 0.6 ms.
    if ([...this.children].some((child) => child.slot === 'data')) return nothing;
    const controller = this.controller!;
    const catalog = controller.language.catalog();
    const tables = controller.tables;
    if (tables.length === 0) return nothing;
    return html`<ul class="data" aria-label="Data">
      ${tables.map((t) => {
        const rows = catalog.tables.find((c) => c.name.toLowerCase() === t.name.toLowerCase())?.rowCount;
        const detail = t.status === 'loading' ? 'loading…' : t.status === 'error' ? 'could not be read' : rows !== undefined ? `${rows.toLocaleString('en-US')} rows` : '';
        return html`<li class=${t.status}><code>${t.name}</code> <span>${detail}</span></li>`;
      })}
    </ul>`;
  }

  private renderToolbar() {
    const controller = this.controller!;
    const phase = controller.phase;
    const ready = phase.step !== 'starting' && phase.step !== 'failed';
    return html`<div class="toolbar" role="toolbar" aria-label="Notebook">
      <button type="button" class="primary" ?disabled=${!ready} @click=${() => void controller.runAll()}>${icons.runAll}<span>Run all</span></button>
      <button type="button" title="Interrupt (i i on a cell)" ?disabled=${!controller.busy} @click=${this.onInterrupt}>${icons.stop}<span>Interrupt</span></button>
      <span class="separator" aria-hidden="true"></span>
      ${this.addButton('seg', 'SegQL', 'below')} ${this.addButton('sql', 'SQL', 'below')} ${this.addButton('markdown', 'Text', 'below')}
      <span class="spacer"></span>
      <p class="status" role="status" aria-live="polite">${this.statusText()}</p>
    </div>`;
  }

  private statusText() {
    const controller = this.controller!;
    const phase = controller.phase;
    if (phase.step === 'failed') return nothing;
    if (phase.step !== 'ready') return html`<span class="spinner" aria-hidden="true"></span>${phase.message}`;
    const run = controller.lastRun;
    if (!run) return '';
    if (controller.lastNotice && !run.cancelled) return controller.lastNotice;
    // Once the interrupted cells are deleted or brought up to date, the stopped run's counts mean nothing.
    if (run.cancelled) return controller.interrupted ? 'Interrupted: cells that did not finish are out of date.' : '';
    // Counted in what the notebook holds now, as each cell's badge says: a cell deleted or turned
    // into text since the run is neither out of date nor in error, nor is one not written yet.
    const written = controller.cells.filter((v) => v.cell.kind !== 'markdown' && v.cell.source.trim() !== '');
    // A new or text-only notebook holds nothing of the analyst's to run: any word on runs would be news of nothing.
    if (written.length === 0) return '';
    const count = (status: string) => written.filter((v) => v.status === status).length;
    const [errors, stale, failed] = [count('error'), count('stale'), run.failedExpectations];
    const execution = controller.lastExecution;
    return [
      execution?.cells ? `Ran ${plural(execution.cells, 'cell')} in ${formatDuration(execution.ms)}` : 'Nothing needed to run',
      errors ? `${plural(errors, 'cell')} with errors` : '',
      stale ? `${plural(stale, 'cell')} out of date` : '',
      failed ? plural(failed, 'failed expectation') : '',
    ]
      .filter(Boolean)
      .join(' · ');
  }

  private renderProblems() {
    const controller = this.controller!;
    const phase = controller.phase;
    const problems = phase.step === 'failed' ? [phase.message] : controller.problems;
    if (problems.length === 0) return nothing;
    return html`<div class="problems" role="alert">
      ${phase.step === 'failed' ? html`<strong>Segbook cannot run this notebook.</strong>` : html`<strong>Some of the notebook's data or settings could not be read.</strong>`}
      <ul>${problems.map((p) => html`<li>${p}</li>`)}</ul>
    </div>`;
  }

  private renderUndo() {
    const deleted = this.controller!.lastDeleted;
    if (!this.undoVisible || !deleted) return nothing;
    const what = deleted.kind === 'markdown' ? 'text' : deleted.kind === 'sql' ? 'SQL' : 'SegQL';
    return html`<div class="undo" role="status">
      <span>Deleted a ${what} cell (z on a cell undoes too).</span>
      <button type="button" @click=${() => this.undo()}>${icons.undo}<span>Undo</span></button>
      <button type="button" class="icon" aria-label="Dismiss" title="Dismiss" @click=${() => (this.undoVisible = false)}>${icons.close}</button>
    </div>`;
  }

  /** `below`: after the cell that last had the focus (at the end when none did); `end`: at the end. */
  private addButton(kind: CellKind, label: string, where: 'below' | 'end') {
    const title = where === 'end' ? `Add a ${label} cell at the end` : `Add a ${label} cell below the current one`;
    return html`<button type="button" class="add" aria-label=${title} title=${title}
      @click=${() => this.insertAndEnter(this.insertionPoint(where), kind)}>${icons.plus}<span>${label}</span></button>`;
  }

  private insertionPoint(where: 'below' | 'end'): number {
    const cells = this.controller!.cells;
    const current = where === 'below' ? cells.findIndex((v) => v.cell.id === this.current) : -1;
    return current < 0 ? cells.length : current + 1;
  }

  private onFocusIn(event: FocusEvent): void {
    const cell = event.composedPath().find((node): node is SegCell => node instanceof HTMLElement && node.tagName === 'SEG-CELL');
    if (cell?.dataset.id) this.current = cell.dataset.id;
  }

  private onAction({ id, action }: CellActionDetail): void {
    const controller = this.controller!;
    const index = controller.cells.findIndex((v) => v.cell.id === id);
    if (index < 0) return;
    switch (action) {
      case 'run':
        void controller.runCell(id);
        return;
      case 'run-advance':
        return this.runAndAdvance(id);
      case 'move-up':
      case 'move-down':
        controller.move(id, action === 'move-up' ? -1 : 1);
        return void this.focusCell(id, 'frame');
      case 'insert-above':
      case 'insert-below':
        return this.insertAndEnter(action === 'insert-above' ? index : index + 1, 'seg');
      case 'delete': {
        const neighbour = controller.cells[index + 1] ?? controller.cells[index - 1];
        controller.remove(id);
        this.showUndo();
        if (neighbour) void this.focusCell(neighbour.cell.id, 'frame');
        return;
      }
      case 'undo-delete':
        return this.undo();
      case 'focus-previous':
      case 'focus-next': {
        const next = controller.cells[index + (action === 'focus-previous' ? -1 : 1)];
        if (next) void this.focusCell(next.cell.id, 'frame');
        return;
      }
      case 'want-editors':
        this.enableEditors();
        return;
      case 'interrupt':
        controller.stop();
        return;
    }
  }

  /** Shift+Enter: run the cell, then go to the next one, making a SegQL cell when this was the last. */
  private runAndAdvance(id: string): void {
    const controller = this.controller!;
    void controller.runCell(id);
    const index = controller.cells.findIndex((v) => v.cell.id === id);
    const next = controller.cells[index + 1];
    if (!next) return this.insertAndEnter(index + 1, 'seg');
    void this.focusCell(next.cell.id, next.cell.kind === 'markdown' ? 'frame' : 'text');
  }

  private insertAndEnter(index: number, kind: CellKind): void {
    const id = this.controller!.insert(index, kind);
    void this.focusCell(id, 'text');
  }

  /**
   * The bar over the page's foot goes after a while (z on a cell still undoes), though not from
   * under the pointer or the focus.
   */
  private showUndo(): void {
    this.undoVisible = true;
    clearTimeout(this.undoTimer);
    const hide = () => {
      const bar = this.renderRoot.querySelector('.undo');
      if (bar?.matches(':hover, :focus-within')) this.undoTimer = setTimeout(hide, UNDO_BAR_MS);
      else this.undoVisible = false;
    };
    this.undoTimer = setTimeout(hide, UNDO_BAR_MS);
  }

  private undo(): void {
    const id = this.controller!.undoRemove();
    this.undoVisible = this.controller!.lastDeleted !== undefined;
    if (id) void this.focusCell(id, 'frame');
  }

  private async focusCell(id: string, where: 'frame' | 'text'): Promise<void> {
    await this.updateComplete;
    const cell = this.renderRoot.querySelector<SegCell>(`seg-cell[data-id="${id}"]`);
    if (!cell) return;
    await cell.updateComplete;
    if (where === 'text') cell.enter();
    else cell.focusFrame();
  }

  static override styles = notebookStyles;
}

/** Whether each cell shows the same results (a cell without any makes a new empty list each time). */
function sameResults(a: CellResult[][], b: CellResult[][]): boolean {
  return a.length === b.length && a.every((results, i) => results === b[i] || (results.length === 0 && b[i]!.length === 0));
}

/** querySelector through open shadow roots. */
function deepQuery(root: ParentNode, selector: string): Element | undefined {
  const found = root.querySelector(selector);
  if (found) return found;
  for (const element of root.querySelectorAll('*')) {
    const inner = element.shadowRoot && deepQuery(element.shadowRoot, selector);
    if (inner) return inner;
  }
  return undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-notebook': SegNotebook;
  }
}
