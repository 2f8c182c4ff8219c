/** The look of <seg-file-menu>: a row of quiet buttons over the title, and its drop-down panels. */
import { css } from 'lit';

export const fileMenuStyles = css`
  :host {
    display: block;
    margin: 0 0 0.6rem;
    font-size: 13px;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font: inherit;
    padding: 4px 9px;
    color: var(--seg-fg);
    background: transparent;
    border: 1px solid transparent;
    border-radius: 6px;
    cursor: pointer;
  }
  button:hover:not(:disabled),
  button:popover-open,
  button[aria-expanded='true'] {
    background: var(--seg-panel);
    border-color: var(--seg-border);
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--seg-accent);
    outline-offset: 1px;
  }
  button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  .caret {
    font-size: 10px;
    color: var(--seg-muted);
  }
  .state {
    margin-left: 8px;
    color: var(--seg-muted);
  }
  .state.warn {
    color: var(--seg-error-fg);
  }
  .message {
    flex-basis: 100%;
    margin: 4px 0 0;
    padding: 6px 10px;
    border-radius: 6px;
    background: var(--seg-panel);
    border: 1px solid var(--seg-border);
  }
  .message.error {
    color: var(--seg-error-fg);
    background: var(--seg-error-bg);
    border-color: currentColor;
  }
  .message button {
    margin-left: 8px;
    padding: 0 6px;
  }
  [popover] {
    position: fixed;
    inset: auto;
    margin: 0;
    width: 340px;
    max-height: min(480px, 80vh);
    overflow: auto;
    padding: 10px;
    color: var(--seg-fg);
    background: var(--seg-bg);
    border: 1px solid var(--seg-border);
    border-radius: 8px;
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
    font-size: 13px;
  }
  h2 {
    margin: 2px 4px 8px;
    font-size: 12px;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--seg-muted);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: flex;
    align-items: stretch;
  }
  .item {
    flex: 1;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 1px;
    width: 100%;
    text-align: left;
  }
  .item small,
  .hint {
    color: var(--seg-muted);
    font-size: 12px;
  }
  .hint {
    margin: 2px 4px 8px;
  }
  .current {
    font-weight: 600;
  }
  hr {
    border: none;
    border-top: 1px solid var(--seg-border);
    margin: 8px 0;
  }
  .link {
    display: block;
    width: 100%;
    box-sizing: border-box;
    margin: 4px 0;
    padding: 4px 6px;
    font: 12px Menlo, Monaco, Consolas, monospace;
    color: var(--seg-fg);
    background: var(--seg-panel);
    border: 1px solid var(--seg-border);
    border-radius: 4px;
  }
  .field {
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 6px 4px;
  }
  select {
    flex: 1;
    font: inherit;
    padding: 3px 4px;
    color: var(--seg-fg);
    background: var(--seg-bg);
    border: 1px solid var(--seg-border);
    border-radius: 4px;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    margin: 6px 4px 2px;
  }
  .actions button,
  .primary {
    border-color: var(--seg-border);
  }
  kbd {
    font-family: Menlo, Monaco, Consolas, monospace;
    font-size: 11px;
    color: var(--seg-muted);
  }
`;
