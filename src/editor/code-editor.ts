import * as monaco from 'monaco-editor/editor';
import { checkCell, type Diagnostic } from '../lang/index.ts';
import { FONT_FAMILY, FONT_SIZE, LINE_HEIGHT, PADDING } from './appearance.ts';
import { bindModel, languageStateOf, unbindModel, type EditorBinding } from './bindings.ts';
import type { NotebookLanguageContext } from './context.ts';
import { SEGQL_LANGUAGE_ID } from './segql-language.ts';

export type EditorLanguage = 'seg' | 'sql';

export interface CodeEditorOptions {
  value: string;
  language: EditorLanguage;
  cell: number;
  context?: NotebookLanguageContext;
  readOnly: boolean;
  ariaLabel: string;
  placeholder: string;
  /** Problems found elsewhere (e.g. when the cell ran), shown beside the compiler's. */
  diagnostics: Diagnostic[];
}

/** What the editor reports to its owner; the owner decides what a run means. */
export interface CodeEditorEvents {
  change(value: string): void;
  /** Ctrl/Cmd+Enter. */
  run(): void;
  /** Shift+Enter. */
  runAndAdvance(): void;
  /** Escape, when no widget of the editor wanted it. */
  leave(): void;
}

/** Markers follow edits elsewhere in the notebook after this pause. */
const DIAGNOSTICS_DEBOUNCE_MS = 150;
/**
 * Typing in the editor itself is checked at once while a check takes less than this: a pause
 * would be most of what the analyst waits for (measured: 150 of 179 ms on a 300-line notebook).
 */
const QUICK_CHECK_MS = 8;
const COMPILER_OWNER = 'segql';
const EXTERNAL_OWNER = 'segbook';
/** Escape belongs to these widgets while they are open. */
const NO_WIDGET_OPEN =
  '!suggestWidgetVisible && !editorHoverVisible && !parameterHintsVisible && !markersNavigationVisible && !findWidgetVisible && !renameInputVisible && !inSnippetMode && !editorHasMultipleSelections';

let nextModelId = 0;

/**
 * Re-checks waiting for a pause, each with its own due time, on one timer: an edit anywhere
 * reschedules every open editor's, and a timer each cost the keystroke some 2 ms of its frame on
 * a notebook of 49 cells.
 */
class Debouncer {
  /** In order of due time: every delay is the same, and rescheduling moves a check to the end. */
  private readonly due = new Map<() => void, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly delayMs: number) {}

  schedule(check: () => void): void {
    this.due.delete(check);
    this.due.set(check, performance.now() + this.delayMs);
    if (this.timer === undefined) this.arm();
  }

  cancel(check: () => void): void {
    this.due.delete(check);
  }

  private arm(): void {
    const next = this.due.values().next();
    if (!next.done) this.timer = setTimeout(() => this.fire(), Math.ceil(next.value - performance.now()));
  }

  /** A check that throws leaves the others due: they run on the next turn, as their own timers would have. */
  private fire(): void {
    this.timer = undefined;
    const now = performance.now();
    try {
      for (const [check, at] of this.due) {
        if (at > now) break;
        this.due.delete(check);
        check();
      }
    } finally {
      this.arm();
    }
  }
}

const diagnosticsDebouncer = new Debouncer(DIAGNOSTICS_DEBOUNCE_MS);

/** SegQL completion knows every name; in SQL, words of the cell help where the catalog cannot. */
function suggestionOptions(language: EditorLanguage): monaco.editor.IEditorOptions & monaco.editor.IGlobalEditorOptions {
  const sql = language === 'sql';
  return { wordBasedSuggestions: sql ? 'currentDocument' : 'off', suggest: { showWords: sql } };
}

function stopPropagation(event: Event): void {
  event.stopPropagation();
}

/**
 * One Monaco editor for one notebook cell: its own model, bound to the notebook context for the
 * language services; as tall as its text (no inner scrollbars); compiler diagnostics as markers
 * while typing; run keys and Escape reported as events.
 */
export class CodeEditor {
  private readonly editor: monaco.editor.IStandaloneCodeEditor;
  private readonly model: monaco.editor.ITextModel;
  private readonly binding: EditorBinding;
  private readonly disposables: monaco.IDisposable[] = [];
  private readonly resize: ResizeObserver;
  private language: EditorLanguage;
  private external: Diagnostic[];
  private applyingValue = false;
  private readonly check = (): void => this.updateDiagnostics();
  private lastCheckMs = 0;
  private checkQueued = false;
  private disposed = false;
  private unsubscribe: (() => void) | undefined;
  private height = 0;

  constructor(private readonly container: HTMLElement, options: CodeEditorOptions, private readonly events: CodeEditorEvents) {
    this.language = options.language;
    this.external = options.diagnostics;
    this.model = monaco.editor.createModel(options.value, options.language, monaco.Uri.parse(`inmemory://segbook/cell-${nextModelId++}.${options.language}`));
    this.model.updateOptions({ tabSize: 2, insertSpaces: true });
    this.binding = { cell: options.cell, context: options.context };
    bindModel(this.model, this.binding);
    this.editor = monaco.editor.create(container, {
      model: this.model,
      readOnly: options.readOnly,
      domReadOnly: options.readOnly,
      readOnlyMessage: { value: 'This cell is read-only.' },
      ariaLabel: options.ariaLabel,
      // Out of the Tab order, as in Jupyter's command mode: Tab moves from cell to cell and to
      // each cell's buttons; Enter on a cell (or a click) enters its text, where Tab indents.
      tabIndex: -1,
      placeholder: options.placeholder || undefined,
      automaticLayout: false,
      fixedOverflowWidgets: true,
      fontFamily: FONT_FAMILY,
      fontSize: FONT_SIZE,
      lineHeight: LINE_HEIGHT,
      padding: { top: PADDING, bottom: PADDING },
      lineNumbersMinChars: 3,
      lineDecorationsWidth: 8,
      glyphMargin: false,
      folding: false,
      minimap: { enabled: false },
      wordWrap: 'on',
      scrollBeyondLastLine: false,
      scrollbar: { vertical: 'hidden', horizontal: 'hidden', alwaysConsumeMouseWheel: false, useShadows: false },
      overviewRulerLanes: 0,
      overviewRulerBorder: false,
      hideCursorInOverviewRuler: true,
      renderLineHighlightOnlyWhenFocus: true,
      occurrencesHighlight: 'off',
      quickSuggestions: { other: 'on', comments: 'off', strings: 'off' },
      // Enter takes a suggestion only when it changes the text: after a word typed in full (its
      // own suggestion still open) Enter starts the next line, as typing a query line by line expects.
      acceptSuggestionOnEnter: 'smart',
      ...suggestionOptions(options.language),
    });
    this.disposables.push(
      this.model.onDidChangeContent(() => {
        if (!this.applyingValue) this.events.change(this.model.getValue());
        if (this.lastCheckMs < QUICK_CHECK_MS) this.checkBeforeNextFrame();
        else this.scheduleDiagnostics();
      }),
      this.editor.onDidContentSizeChange(() => this.fitHeight()),
    );
    this.addKeys();
    // Monaco notices the mouse leaving an editor with a document-level mousemove listener that
    // asks whether the event's target is inside the editor. From a shadow root the target is
    // retargeted to the outermost host, so every move looked like leaving and hovers never
    // stayed open. Moves inside the editor are the editor's own; they need not reach the document.
    container.addEventListener('mousemove', stopPropagation);
    addEventListener('wheel', this.onPageWheel, { capture: true, passive: true });
    this.resize = new ResizeObserver(() => this.layout());
    this.resize.observe(container);
    this.subscribe(options.context);
    this.fitHeight();
    this.updateDiagnostics();
  }

  /** Replaces the text as one undoable edit, without reporting it as a change. */
  setValue(value: string): void {
    if (value === this.model.getValue()) return;
    this.applyingValue = true;
    try {
      this.model.pushEditOperations([], [{ range: this.model.getFullModelRange(), text: value }], () => null);
      this.model.pushStackElement();
    } finally {
      this.applyingValue = false;
    }
  }

  setLanguage(language: EditorLanguage): void {
    if (language === this.language) return;
    this.language = language;
    monaco.editor.setModelLanguage(this.model, language);
    this.editor.updateOptions(suggestionOptions(language));
    this.updateDiagnostics();
  }

  setCell(cell: number): void {
    if (cell === this.binding.cell) return;
    this.binding.cell = cell;
    this.scheduleDiagnostics();
  }

  setContext(context: NotebookLanguageContext | undefined): void {
    if (context === this.binding.context) return;
    this.binding.context = context;
    this.subscribe(context);
    this.scheduleDiagnostics();
  }

  setReadOnly(readOnly: boolean): void {
    this.editor.updateOptions({ readOnly, domReadOnly: readOnly });
  }

  setAriaLabel(ariaLabel: string): void {
    this.editor.updateOptions({ ariaLabel });
  }

  setPlaceholder(placeholder: string): void {
    this.editor.updateOptions({ placeholder: placeholder || undefined });
  }

  setDiagnostics(diagnostics: Diagnostic[]): void {
    this.external = diagnostics;
    monaco.editor.setModelMarkers(this.model, EXTERNAL_OWNER, this.markers(diagnostics));
  }

  focus(): void {
    this.editor.focus();
  }

  /** Focuses the text with the caret at a character offset (or selecting from `start` to `end`). */
  focusAt(start: number, end = start): void {
    const from = this.model.getPositionAt(start);
    const to = this.model.getPositionAt(end);
    this.editor.setSelection(new monaco.Selection(from.lineNumber, from.column, to.lineNumber, to.column));
    this.editor.focus();
  }

  /** Fits the editor to its container's width; call after the container moved or was shown. */
  layout(): void {
    this.editor.layout({ width: this.container.clientWidth, height: this.height });
  }

  /** Re-checks the cell now (the notebook or the catalog changed). */
  revalidate(): void {
    this.updateDiagnostics();
  }

  dispose(): void {
    this.disposed = true;
    diagnosticsDebouncer.cancel(this.check);
    this.unsubscribe?.();
    this.resize.disconnect();
    this.container.removeEventListener('mousemove', stopPropagation);
    removeEventListener('wheel', this.onPageWheel, { capture: true });
    this.disposables.forEach((d) => d.dispose());
    unbindModel(this.model);
    this.editor.dispose();
    this.model.dispose();
    this.container.style.height = '';
  }

  /**
   * The suggestions are drawn fixed on the screen (fixedOverflowWidgets, so a cell's edge does
   * not cut them off) and would stay put while the page scrolls the line away: the wheel closes
   * them, unless it scrolls the list of suggestions itself.
   */
  private readonly onPageWheel = (event: WheelEvent): void => {
    if (!this.editor.hasTextFocus()) return;
    const inWidget = event.composedPath().some((node) => node instanceof HTMLElement && node.classList.contains('suggest-widget'));
    if (!inWidget) this.editor.trigger('page-scroll', 'hideSuggestWidget', null);
  };

  private addKeys(): void {
    const { KeyMod, KeyCode } = monaco;
    // Running closes the suggestions: left open over the results, they took the next Esc, and the
    // `i i` meant to interrupt the run was typed into the cell instead.
    const closeSuggestions = () => this.editor.trigger('run', 'hideSuggestWidget', null);
    this.editor.addAction({ id: 'segbook.runAndAdvance', label: 'Run cell and go to the next', keybindings: [KeyMod.Shift | KeyCode.Enter], run: () => (closeSuggestions(), this.events.runAndAdvance()) });
    this.editor.addAction({ id: 'segbook.run', label: 'Run cell', keybindings: [KeyMod.CtrlCmd | KeyCode.Enter], run: () => (closeSuggestions(), this.events.run()) });
    this.editor.addAction({ id: 'segbook.leave', label: 'Leave the editor', keybindings: [KeyCode.Escape], precondition: NO_WIDGET_OPEN, run: () => this.events.leave() });
  }

  /** The container is as tall as the text; its width is the page's business. */
  private fitHeight(): void {
    const height = Math.ceil(this.editor.getContentHeight());
    if (height !== this.height) {
      this.height = height;
      this.container.style.height = `${height}px`;
    }
    this.layout();
  }

  private subscribe(context: NotebookLanguageContext | undefined): void {
    this.unsubscribe?.();
    this.unsubscribe = context?.onDidChange?.(() => this.scheduleDiagnostics());
  }

  private scheduleDiagnostics(): void {
    diagnosticsDebouncer.schedule(this.check);
  }

  /**
   * A microtask gathers the changes of one keystroke (an edit and its auto-closed bracket) into one
   * check and still sets the markers before Monaco renders the typed text in the next animation
   * frame (Monaco turns markers into decorations in a microtask too): text and squiggle show together.
   * A timer would run after that frame, and the squiggle would wait for the one after.
   */
  private checkBeforeNextFrame(): void {
    diagnosticsDebouncer.cancel(this.check);
    if (this.checkQueued) return;
    this.checkQueued = true;
    queueMicrotask(() => {
      this.checkQueued = false;
      if (!this.disposed) this.updateDiagnostics();
    });
  }

  private updateDiagnostics(): void {
    diagnosticsDebouncer.cancel(this.check);
    const state = this.language === SEGQL_LANGUAGE_ID ? languageStateOf(this.model) : undefined;
    const started = performance.now();
    const found = state ? checkCell(state.program, state.cell, state.context.catalog()) : [];
    this.lastCheckMs = performance.now() - started;
    monaco.editor.setModelMarkers(this.model, COMPILER_OWNER, this.markers(found));
    monaco.editor.setModelMarkers(this.model, EXTERNAL_OWNER, this.markers(this.external));
  }

  private markers(diagnostics: Diagnostic[]): monaco.editor.IMarkerData[] {
    const length = this.model.getValueLength();
    return diagnostics.map((d) => {
      const start = this.model.getPositionAt(Math.min(d.span.start, length));
      const end = this.model.getPositionAt(Math.min(d.span.end, length));
      return {
        severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: d.message,
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: end.column,
      };
    });
  }
}
