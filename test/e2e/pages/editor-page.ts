// The editor's end-to-end test page: three <seg-code-editor>s inside a Lit element's shadow root
// (as the notebook UI will mount them), over a fake catalog, with a small notebook context.
// Every editor event is recorded in window.editorTest.events for the tests to read.
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../../../src/editor/index.ts';
import type { NotebookLanguageContext } from '../../../src/editor/index.ts';
import { loadEditorRuntime } from '../../../src/editor/load.ts';
import { buildProgram, type Catalog, type Program } from '../../../src/lang/index.ts';

interface TestCell {
  kind: 'seg' | 'sql';
  source: string;
}

export interface RecordedEvent {
  type: string;
  cell: number;
  value?: string;
}

const catalog: Catalog = {
  tables: [
    {
      name: 'customers',
      rowCount: 1200,
      columns: [
        { name: 'customer_id', type: 'INTEGER' },
        { name: 'country', type: 'VARCHAR' },
        { name: 'age', type: 'INTEGER' },
        { name: 'signup_date', type: 'DATE' },
        { name: 'plan', type: 'VARCHAR' },
      ],
    },
    {
      name: 'orders',
      rowCount: 9800,
      columns: [
        { name: 'order_id', type: 'INTEGER' },
        { name: 'customer_id', type: 'INTEGER' },
        { name: 'amount', type: 'DOUBLE' },
        { name: 'ordered_at', type: 'DATE' },
      ],
    },
  ],
};

const SEGMENT_SIZES: Record<string, number> = { adults: 1042, big_spenders: 87 };

const events: RecordedEvent[] = [];

@customElement('editor-test-notebook')
export class EditorTestNotebook extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 860px;
      margin: 24px auto;
      padding: 0 16px;
    }
    .cell {
      margin: 12px 0;
      border: 1px solid var(--seg-border);
      border-radius: 6px;
      padding: 6px;
    }
    .cell:focus-visible {
      outline: 2px solid var(--seg-accent);
    }
    .kind {
      font: 12px system-ui, sans-serif;
      color: var(--seg-muted);
      margin: 0 0 4px;
    }
  `;

  @state() private cells: TestCell[] = [
    { kind: 'seg', source: 'population customers key customer_id\nlink orders on customer_id time ordered_at\n\nsegment adults = age >= 18\n/* big spenders:\n   more than 1k in a year */\nsegment big_spenders = sum(orders.amount within 365 days) > 1_000' },
    { kind: 'seg', source: '' },
    { kind: 'sql', source: 'select country, count(*) as n\nfrom customers c\ngroup by 1' },
  ];

  private listeners = new Set<() => void>();
  private program?: Program;

  /** One context for the whole notebook, as the UI provides it. */
  private readonly context: NotebookLanguageContext = {
    program: () => {
      this.program ??= buildProgram(this.cells.flatMap((cell, index) => (cell.kind === 'seg' ? [{ index, source: cell.source }] : [])));
      return this.program;
    },
    catalog: () => catalog,
    asof: () => '2024-06-30',
    segmentSize: async (name) => SEGMENT_SIZES[name.toLowerCase()],
    onDidChange: (listener) => {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    },
  };

  protected override render() {
    return this.cells.map(
      (cell, index) => html`
        <div class="cell" tabindex="-1" data-cell=${index}>
          <p class="kind">${cell.kind === 'seg' ? 'SegQL' : 'SQL'} · cell ${index}</p>
          <seg-code-editor
            .value=${cell.source}
            .language=${cell.kind}
            .cell=${index}
            .context=${this.context}
            label=${`${cell.kind === 'seg' ? 'SegQL' : 'SQL'} cell ${index}`}
            placeholder=${cell.kind === 'seg' ? 'segment name = condition' : ''}
            @seg-change=${(e: CustomEvent<{ value: string }>) => this.changed(index, e.detail.value)}
            @seg-run=${(e: CustomEvent<{ value: string }>) => events.push({ type: 'run', cell: index, value: e.detail.value })}
            @seg-run-advance=${(e: CustomEvent<{ value: string }>) => this.runAndAdvance(index, e.detail.value)}
            @seg-leave=${() => events.push({ type: 'leave', cell: index })}
            @seg-editor-ready=${() => events.push({ type: 'ready', cell: index })}
          ></seg-code-editor>
        </div>
      `,
    );
  }

  private changed(index: number, source: string): void {
    this.cells = this.cells.map((cell, i) => (i === index ? { ...cell, source } : cell));
    this.program = undefined;
    events.push({ type: 'change', cell: index, value: source });
    this.listeners.forEach((listener) => listener());
  }

  private runAndAdvance(index: number, value: string): void {
    events.push({ type: 'run-advance', cell: index, value });
    this.renderRoot.querySelectorAll('seg-code-editor')[index + 1]?.focus();
  }
}

/** What the end-to-end tests read. */
const editorTest = {
  events,
  /** The markers of every editor, by Monaco's model order. */
  async markers(): Promise<{ message: string; severity: number; startLineNumber: number; startColumn: number; endColumn: number }[]> {
    const { monaco } = await loadEditorRuntime();
    return monaco.editor.getModelMarkers({}).map(({ message, severity, startLineNumber, startColumn, endColumn }) => ({ message, severity, startLineNumber, startColumn, endColumn }));
  },
};

declare global {
  interface Window {
    editorTest: typeof editorTest;
  }
}
window.editorTest = editorTest;
