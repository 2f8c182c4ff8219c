/**
 * A cell's state as a small badge: out of date, queued, running (the elapsed time ticks), done
 * (how long it took) or error. Screen readers get the same words.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CellStatus } from '../notebook/outcome.ts';
import { formatDuration } from './duration.ts';

const TICK_MS = 100;

@customElement('seg-cell-status')
export class SegCellStatus extends LitElement {
  /** Undefined before the engine has seen the notebook. */
  @property({ reflect: true }) status?: CellStatus;
  @property({ type: Number }) durationMs?: number;
  /** `performance.now()` when the run started. */
  @property({ type: Number }) since?: number;
  @state() private now = performance.now();
  private timer: ReturnType<typeof setInterval> | undefined;

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('status') && !changed.has('since')) return;
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.status === 'running') this.timer = setInterval(() => (this.now = performance.now()), TICK_MS);
  }

  override disconnectedCallback(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    super.disconnectedCallback();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.status === 'running') this.requestUpdate('status');
  }

  protected override render() {
    const text = this.text();
    if (!text) return nothing;
    return html`<span class="badge">${this.status === 'running' ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${text}</span>`;
  }

  private text(): string {
    switch (this.status) {
      case undefined:
        return 'Waiting for the engine';
      case 'stale':
        return 'Out of date';
      case 'queued':
        return 'Queued';
      case 'running':
        return `Running ${formatDuration(Math.max(0, this.now - (this.since ?? this.now)))}`;
      case 'done':
        return this.durationMs === undefined ? 'Done' : `Done in ${formatDuration(this.durationMs)}`;
      case 'error':
        return 'Error';
    }
  }

  static override styles = css`
    :host {
      display: inline-flex;
      font-size: 12px;
      line-height: 1;
      color: var(--seg-muted);
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 4px 8px;
      border-radius: 999px;
      border: 1px solid transparent;
    }
    :host([status='stale']) .badge,
    :host([status='queued']) .badge {
      border-color: var(--seg-border);
    }
    :host([status='running']) .badge {
      color: var(--seg-accent);
      border-color: currentColor;
    }
    :host([status='error']) .badge {
      color: var(--seg-error-fg);
      background: var(--seg-error-bg);
      border-color: currentColor;
      font-weight: 600;
    }
    .spinner {
      width: 9px;
      height: 9px;
      border-radius: 50%;
      border: 1.5px solid currentColor;
      border-right-color: transparent;
      /* Eight steps, not a smooth turn: each frame of a spinning element is drawn again, and on a
         machine without a GPU those frames take the CPU that DuckDB's start and queries need. */
      animation: spin 0.8s steps(8) infinite;
    }
    @keyframes spin {
      to { transform: rotate(360deg); }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner { animation: none; }
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-cell-status': SegCellStatus;
  }
}
