/**
 * The file menu over the notebook's title: New, Open…, Save (Ctrl/Cmd+S), Save as…
 * (Ctrl/Cmd+Shift+S), Recent, Share (link, bundle) and Export (HTML report, a segment's
 * members). It renders the NotebookSession (which
 * notebook is open, whether it is kept in this browser and in a file) and hands the work to
 * FileActions; what came of it is shown in one line under the bar.
 *
 * Panels are native popovers: Tab moves from a menu button into its panel, Escape closes it.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { FileActions, type Outcome } from '../share/file-actions.ts';
import type { OpenFileDetail } from './seg-data-panel.ts';
import { openSharedLink } from '../share/opening.ts';
import { memberLists, type MemberList } from '../share/members.ts';
import type { NotebookSession } from '../storage/notebook-session.ts';
import type { RecentNotebook } from '../storage/notebook-store.ts';
import { describeRecent } from '../storage/recent-labels.ts';
import { copyText } from './seg-result-export.ts';
import type { NotebookController } from './notebook-controller.ts';
import { fileMenuStyles } from './seg-file-menu-styles.ts';

type Message = { text: string; error: boolean };

@customElement('seg-file-menu')
export class SegFileMenu extends LitElement {
  @property({ attribute: false }) session?: NotebookSession;
  @property({ attribute: false }) controller?: NotebookController;
  /** The notebook "Getting started" opens (the sample). */
  @property({ attribute: false }) sample = '';
  @state() private recent: RecentNotebook[] = [];
  @state() private message?: Message;
  @state() private busy?: string;
  @state() private link?: string;
  @state() private lists: MemberList[] = [];
  @query('#members-of') private membersOf?: HTMLSelectElement;
  @query('#members-hashed') private membersHashed?: HTMLInputElement;
  private actions?: FileActions;
  private readonly onSessionChange = () => this.requestUpdate();
  private readonly onSessionNotice = (event: Event) => this.tell({ ok: true, message: (event as CustomEvent<string>).detail });
  private readonly onKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void this.run(() => (event.shiftKey ? this.actions?.saveAs() : this.actions?.save()));
    }
  };

  private readonly onOpenFile = (event: Event) => void this.run(() => this.actions?.openFile((event as CustomEvent<OpenFileDetail>).detail.file));

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('keydown', this.onKey, { capture: true });
    document.addEventListener('seg-open-file', this.onOpenFile);
  }

  override disconnectedCallback(): void {
    removeEventListener('keydown', this.onKey, { capture: true });
    document.removeEventListener('seg-open-file', this.onOpenFile);
    this.session?.removeEventListener('change', this.onSessionChange);
    this.session?.removeEventListener('notice', this.onSessionNotice);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('session')) {
      const previous = changed.get('session') as NotebookSession | undefined;
      previous?.removeEventListener('change', this.onSessionChange);
      previous?.removeEventListener('notice', this.onSessionNotice);
      this.session?.addEventListener('change', this.onSessionChange);
      this.session?.addEventListener('notice', this.onSessionNotice);
    }
    if ((changed.has('session') || changed.has('controller')) && this.session && this.controller) {
      this.actions = new FileActions({
        session: this.session,
        controller: this.controller,
        pageUrl: () => location.href,
        progress: (message) => (this.busy = message),
      });
    }
  }

  /** Asks for a bundle and opens it, with the menu's progress and outcome (the gallery's button). */
  openBundle(): Promise<void> {
    return this.run(() => this.actions?.importBundle());
  }

  /** Shows what came of something done outside the menu (opening a shared link). */
  tell(outcome: Outcome): void {
    this.message = outcome && { text: outcome.message, error: !outcome.ok };
  }

  protected override render() {
    const session = this.session;
    if (!session) return nothing;
    const idle = !this.busy;
    return html`
      <div class="bar" role="toolbar" aria-label="File">
        <button type="button" ?disabled=${!idle} @click=${() => this.run(() => this.actions?.newNotebook())}>New</button>
        <button type="button" ?disabled=${!idle} @click=${() => this.run(() => this.actions?.open())}>Open…</button>
        <button type="button" ?disabled=${!idle} title="Save to a file (Ctrl+S)" aria-keyshortcuts="Control+S Meta+S"
          @click=${() => this.run(() => this.actions?.save())}>Save</button>
        <button type="button" ?disabled=${!idle} title="Save to another file (Ctrl+Shift+S)" aria-keyshortcuts="Control+Shift+S Meta+Shift+S"
          @click=${() => this.run(() => this.actions?.saveAs())}>Save as…</button>
        ${this.menuButton('recent', 'Recent')} ${this.menuButton('share', 'Share')} ${this.menuButton('export', 'Export')}
        <span class="state ${session.autosaveProblem ? 'warn' : ''}">${this.stateText(session)}</span>
        ${this.renderMessage()}
      </div>
      ${this.renderRecent(session)} ${this.renderShare()} ${this.renderExport()}
    `;
  }

  private menuButton(id: string, label: string) {
    return html`<button type="button" popovertarget=${id} aria-haspopup="true" ?disabled=${Boolean(this.busy)}>
      ${label}<span class="caret" aria-hidden="true">▾</span></button>`;
  }

  private stateText(session: NotebookSession): string {
    if (session.autosaveProblem) return session.autosaveProblem;
    const kept = session.saving ? 'Saving…' : 'Saved in this browser';
    if (session.unsavedToFile) return `${kept} · changes not in a file`;
    return session.fileName ? `${kept} · saved to ${session.fileName}` : kept;
  }

  private renderMessage() {
    if (this.busy) return html`<p class="message" role="status">${this.busy}</p>`;
    const message = this.message;
    if (!message) return nothing;
    return html`<p class="message ${message.error ? 'error' : ''}" role=${message.error ? 'alert' : 'status'}>
      ${message.text}<button type="button" aria-label="Dismiss" title="Dismiss" @click=${() => (this.message = undefined)}>×</button></p>`;
  }

  private renderRecent(session: NotebookSession) {
    return html`<div id="recent" popover aria-label="Recent notebooks" @beforetoggle=${this.onBeforeToggle} @focusout=${this.onPanelFocusOut}>
      <h2>Recent notebooks</h2>
      ${this.recent.length === 0 ? html`<p class="hint">Notebooks you edit are kept in this browser and listed here.</p>` : nothing}
      <ul>
        ${describeRecent(this.recent).map((r) => {
          const current = r.id === session.currentId;
          return html`<li>
            <button type="button" class="item ${current ? 'current' : ''}" ?disabled=${current} aria-current=${current ? 'true' : 'false'}
              @click=${() => this.fromPanel('recent', () => this.openRecent(r.id))}>
              <span>${r.title}</span><small>${current ? `${r.detail} · open now` : r.detail}</small>
            </button>
            ${current ? nothing : html`<button type="button" aria-label=${`Remove ${r.title} (${r.detail}) from this list`} title="Remove from this list"
              @click=${() => this.forget(r.id)}>×</button>`}
          </li>`;
        })}
      </ul>
      <hr />
      <button type="button" class="item" @click=${() => this.fromPanel('recent', () => this.actions?.newNotebook())}>New notebook</button>
      <button type="button" class="item" @click=${() => this.fromPanel('recent', () => this.actions?.openText(this.sample))}>Getting started<small>the sample notebook, as it comes</small></button>
    </div>`;
  }

  private renderShare() {
    return html`<div id="share" popover aria-label="Share" @beforetoggle=${this.onBeforeToggle} @focusout=${this.onPanelFocusOut}>
      <h2>Share</h2>
      <button type="button" class="item" @click=${() => this.copyLink()}>Copy link<small>the notebook in the link itself; no data goes with it</small></button>
      ${this.link ? html`<input class="link" readonly aria-label="Link to this notebook" .value=${this.link} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />` : nothing}
      <hr />
      <button type="button" class="item" @click=${() => this.fromPanel('share', () => this.actions?.exportBundle())}>Download bundle<small>the notebook and its data files in one .segbundle, for workshops</small></button>
      <button type="button" class="item" @click=${() => this.fromPanel('share', () => this.actions?.importBundle())}>Open a bundle…<small>a .segbundle: its notebook opens, its data is kept in this browser</small></button>
    </div>`;
  }

  private renderExport() {
    return html`<div id="export" popover aria-label="Export" @beforetoggle=${this.onBeforeToggle} @focusout=${this.onPanelFocusOut}>
      <h2>Export</h2>
      <button type="button" class="item" @click=${() => this.fromPanel('export', () => this.actions?.exportReport())}>HTML report<small>one file with the text, results and charts (as <code>segbook run --format html</code>)</small></button>
      <hr />
      <h2 id="members-title">Segment members (CSV)</h2>
      ${this.lists.length === 0
        ? html`<p class="hint">No segment to list: define one in a SegQL cell.</p>`
        : html`<div class="field"><label for="members-of">Segment</label>
              <select id="members-of">${this.lists.map((l, i) => html`<option value=${i}>${l.name}</option>`)}</select></div>
            <div class="field"><input id="members-hashed" type="checkbox" /><label for="members-hashed">Hash the keys (SHA-256)</label></div>
            <div class="actions"><button type="button" class="primary" @click=${() => this.exportMembers()}>Download members</button></div>`}
      <p class="hint">Each chart and table has its own SVG, PNG and CSV buttons.</p>
    </div>`;
  }

  /**
   * Panels are placed under their menu button and filled as they open. A panel closing with the
   * focus inside (Escape, a choice made) gives it back to its button, not to the page's body.
   */
  private onBeforeToggle(event: ToggleEvent): void {
    const panel = event.target as HTMLElement;
    const button = this.renderRoot.querySelector<HTMLElement>(`[popovertarget="${panel.id}"]`);
    if (event.newState !== 'open') {
      if (panel.matches(':focus-within')) queueMicrotask(() => button?.focus());
      return;
    }
    const box = button?.getBoundingClientRect();
    if (box) {
      panel.style.top = `${box.bottom + 4}px`;
      panel.style.left = `${Math.max(8, Math.min(box.left, innerWidth - 356))}px`;
    }
    if (panel.id === 'recent') void this.session?.recent().then((recent) => (this.recent = recent));
    if (panel.id === 'share') this.link = undefined;
    if (panel.id === 'export' && this.controller) this.lists = memberLists(this.controller.language.program());
  }

  /** Tab past a panel's last item closes it: it would cover what the focus went on to. */
  private onPanelFocusOut(event: FocusEvent): void {
    const panel = event.currentTarget as HTMLElement;
    const to = event.relatedTarget as Node | null;
    if (to && !panel.contains(to)) panel.hidePopover();
  }

  private async openRecent(id: string): Promise<Outcome> {
    return (await this.session?.openRecent(id)) ? undefined : { ok: false, message: 'That notebook is no longer kept in this browser.' };
  }

  private async forget(id: string): Promise<void> {
    await this.session?.forget(id);
    this.recent = (await this.session?.recent()) ?? [];
  }

  private async copyLink(): Promise<void> {
    const link = this.actions?.shareLink();
    if (!link) return;
    if (!link.ok) {
      this.message = { text: link.message, error: true };
      return;
    }
    this.link = link.url;
    try {
      await copyText(link.url);
      this.message = { text: `Link copied. ${link.message}`, error: false };
    } catch {
      this.message = { text: `${link.message} Copy it from the box in the Share menu.`, error: false };
    }
  }

  private exportMembers(): void {
    const list = this.lists[Number(this.membersOf?.value ?? 0)];
    const hashed = this.membersHashed?.checked ?? false;
    if (list) void this.fromPanel('export', () => this.actions?.exportMembers(list, hashed));
  }

  private fromPanel(id: string, action: () => Promise<Outcome> | undefined): Promise<void> {
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.hidePopover();
    return this.run(action);
  }

  private async run(action: () => Promise<Outcome> | undefined): Promise<void> {
    if (this.busy) return;
    this.message = undefined;
    const outcome = await action();
    if (outcome) this.message = { text: outcome.message, error: !outcome.ok };
  }

  static override styles = fileMenuStyles;
}

declare global {
  interface HTMLElementTagNameMap {
    'seg-file-menu': SegFileMenu;
  }
}

export interface FileMenuMount {
  session: NotebookSession;
  controller: NotebookController;
  sample: string;
  /** What came of opening the page (a shared link), shown at once. */
  opened?: Outcome;
}

/** Puts the menu in the page's header and opens links pasted into the address bar of this tab. */
export function mountFileMenu(page: HTMLElement, { session, controller, sample, opened }: FileMenuMount): SegFileMenu {
  const menu = document.createElement('seg-file-menu');
  menu.slot = 'menu';
  menu.session = session;
  menu.controller = controller;
  menu.sample = sample;
  menu.tell(opened);
  page.append(menu);
  addEventListener('hashchange', () => void openSharedLink(session).then((outcome) => outcome && menu.tell(outcome)));
  return menu;
}
