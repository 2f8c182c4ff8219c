/**
 * The start screen's gallery, over the notebook: "open with sample data" (the getting-started
 * notebook), the workshop's tutorials and exercises (title and one line each), and "open a
 * bundle" when the page can import one. It only offers; opening is the page's `open` (through
 * the notebook session, so autosave keeps whatever was open before).
 *
 * The gallery folds away after a notebook is opened from it, and stays folded across visits once
 * the analyst hides it.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { EXERCISES, SAMPLE_NOTEBOOK, TUTORIALS, type GalleryNotebook } from './seg-gallery-notebooks.ts';

const HIDDEN_KEY = 'segbook:gallery-hidden';

export interface GalleryActions {
  open(text: string): Promise<void> | void;
  /** Asks for a bundle file and opens it; absent where the page cannot import bundles. */
  openBundle?: () => Promise<void> | void;
}

@customElement('seg-gallery')
export class SegGallery extends LitElement {
  @property({ attribute: false }) actions?: GalleryActions;
  @state() private expanded = readExpanded();
  @state() private opening?: string;

  protected override render() {
    return html`<section aria-labelledby="gallery-title">
      <div class="head">
        <h2 id="gallery-title">Workshop</h2>
        <p>Learn segmentation step by step: tutorials and exercises over the sample data, all in this browser.</p>
        <button type="button" class="toggle" aria-expanded=${this.expanded} aria-controls="gallery-body" @click=${() => this.toggle()}>
          ${this.expanded ? 'Hide' : 'Show tutorials'}
        </button>
      </div>
      <div id="gallery-body" ?hidden=${!this.expanded}>
        <div class="actions">
          <button type="button" class="primary" ?disabled=${!!this.opening} @click=${() => this.open(SAMPLE_NOTEBOOK)}>Open with sample data</button>
          ${this.actions?.openBundle
            ? html`<button type="button" ?disabled=${!!this.opening} @click=${() => void this.actions?.openBundle?.()}>Open a bundle…</button>`
            : nothing}
          <span class="status" role="status">${this.opening ? `Opening ${this.opening}…` : ''}</span>
        </div>
        ${this.renderGroup('Tutorials', TUTORIALS)} ${this.renderGroup('Exercises', EXERCISES)}
      </div>
    </section>`;
  }

  private renderGroup(heading: string, notebooks: GalleryNotebook[]) {
    return html`<h3>${heading}</h3>
      <ul class="cards" aria-label=${heading}>
        ${notebooks.map(
          (notebook) => html`<li>
            <button type="button" class="card" ?disabled=${!!this.opening} @click=${() => this.open(notebook)}>
              <strong>${notebook.title}</strong><span>${notebook.line}</span>
            </button>
          </li>`,
        )}
      </ul>`;
  }

  private async open(notebook: GalleryNotebook): Promise<void> {
    if (!this.actions || this.opening) return;
    this.opening = notebook.title;
    try {
      await this.actions.open(notebook.text);
      this.expanded = false;
    } finally {
      this.opening = undefined;
    }
  }

  private toggle(): void {
    this.expanded = !this.expanded;
    try {
      if (this.expanded) localStorage.removeItem(HIDDEN_KEY);
      else localStorage.setItem(HIDDEN_KEY, '1');
    } catch {
      // Without storage the choice lasts for this visit only.
    }
  }

  static override styles = css`
    :host {
      display: block;
      max-width: 1040px;
      margin: 0 auto;
      padding: 1rem 1.5rem 0;
    }
    section {
      padding: 12px 16px 14px;
      border: 1px solid var(--seg-border);
      border-radius: 10px;
      background: var(--seg-panel);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 12px;
    }
    h2 {
      margin: 0;
      font-size: 1.05rem;
    }
    .head p {
      flex: 1;
      margin: 0;
      color: var(--seg-muted);
      font-size: 13px;
    }
    h3 {
      margin: 14px 0 6px;
      font-size: 12px;
      font-weight: 600;
      letter-spacing: 0.04em;
      text-transform: uppercase;
      color: var(--seg-muted);
    }
    [hidden] {
      display: none;
    }
    button {
      font: inherit;
      font-size: 13px;
      color: var(--seg-fg);
      background: var(--seg-bg);
      border: 1px solid var(--seg-border);
      border-radius: 6px;
      padding: 5px 12px;
      cursor: pointer;
    }
    button:hover:not(:disabled) {
      border-color: var(--seg-accent);
    }
    button:focus-visible {
      outline: 2px solid var(--seg-accent);
      outline-offset: 1px;
    }
    button:disabled {
      cursor: progress;
      opacity: 0.7;
    }
    button.primary {
      color: var(--seg-on-accent);
      background: var(--seg-accent);
      border-color: var(--seg-accent);
    }
    .toggle {
      padding: 3px 10px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-top: 10px;
    }
    .status {
      color: var(--seg-muted);
      font-size: 13px;
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(290px, 1fr));
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 2px;
      width: 100%;
      height: 100%;
      padding: 8px 10px;
      text-align: left;
    }
    .card strong {
      font-size: 13.5px;
    }
    .card span {
      color: var(--seg-muted);
      font-size: 12.5px;
      line-height: 1.35;
    }
  `;
}

function readExpanded(): boolean {
  try {
    return localStorage.getItem(HIDDEN_KEY) === null;
  } catch {
    return true;
  }
}

/** Puts the gallery over the notebook page. */
export function mountGallery(page: HTMLElement, actions: GalleryActions): SegGallery {
  const gallery = document.createElement('seg-gallery');
  gallery.actions = actions;
  page.before(gallery);
  return gallery;
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-gallery': SegGallery;
  }
}
