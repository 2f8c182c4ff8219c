/** The look of <seg-notebook>: a centred column, a sticky toolbar, the data chips, the undo bar. */
import { css } from 'lit';

export const notebookStyles = css`
  :host {
    display: block;
    max-width: 1040px;
    margin: 0 auto;
    padding: 1.25rem 1.5rem 3rem;
  }
  header h1 {
    margin: 0 0 0.35rem;
    font-size: 1.6rem;
    line-height: 1.2;
  }
  .data {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 8px;
    list-style: none;
    margin: 0 0 0.5rem;
    padding: 0;
    font-size: 12px;
    color: var(--seg-muted);
  }
  .data li {
    padding: 2px 10px;
    border: 1px solid var(--seg-border);
    border-radius: 999px;
    font-variant-numeric: tabular-nums;
  }
  .data li.error {
    color: var(--seg-error-fg);
    background: var(--seg-error-bg);
    border-color: currentColor;
  }
  .data code {
    font-family: Menlo, Monaco, Consolas, monospace;
    color: var(--seg-fg);
  }
  .data li.error code {
    color: inherit;
  }
  .toolbar {
    position: sticky;
    top: 0;
    z-index: 5;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    margin: 0 -0.5rem 12px;
    padding: 8px 0.5rem;
    background: var(--seg-bg);
    border-bottom: 1px solid var(--seg-border);
  }
  .separator {
    width: 1px;
    height: 20px;
    margin: 0 4px;
    background: var(--seg-border);
  }
  .spacer {
    flex: 1;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font: inherit;
    font-size: 13px;
    padding: 5px 10px;
    color: var(--seg-fg);
    background: var(--seg-bg);
    border: 1px solid var(--seg-border);
    border-radius: 6px;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--seg-panel);
  }
  button:focus-visible {
    outline: 2px solid var(--seg-accent);
    outline-offset: 1px;
  }
  button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  button.primary {
    color: var(--seg-on-accent);
    background: var(--seg-accent);
    border-color: var(--seg-accent);
  }
  button.primary:hover:not(:disabled) {
    background: var(--seg-accent);
    filter: brightness(1.1);
  }
  button.icon {
    padding: 5px;
  }
  .add {
    color: var(--seg-muted);
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    margin: 0;
    font-size: 13px;
    color: var(--seg-muted);
    font-variant-numeric: tabular-nums;
  }
  .spinner {
    width: 12px;
    height: 12px;
    border-radius: 50%;
    border: 2px solid var(--seg-border);
    border-top-color: var(--seg-accent);
    /* Eight steps, not a smooth turn: each frame of a spinning element is drawn again, and on a
       machine without a GPU those frames take the CPU that DuckDB's start and queries need. */
    animation: spin 0.8s steps(8) infinite;
  }
  @keyframes spin {
    to { transform: rotate(360deg); }
  }
  .problems {
    margin: 0 0 12px;
    padding: 10px 14px;
    color: var(--seg-error-fg);
    background: var(--seg-error-bg);
    border: 1px solid currentColor;
    border-radius: 8px;
    font-size: 14px;
  }
  .problems ul {
    margin: 4px 0 0;
    padding-left: 1.2rem;
  }
  main {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .add-row {
    display: flex;
    justify-content: center;
    gap: 8px;
    padding: 10px;
    border: 1px dashed var(--seg-border);
    border-radius: 8px;
  }
  .undo {
    position: fixed;
    left: 50%;
    bottom: 20px;
    transform: translateX(-50%);
    z-index: 10;
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 8px 10px 8px 16px;
    font-size: 14px;
    color: var(--seg-bg);
    background: var(--seg-fg);
    border-radius: 8px;
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
  }
  .undo button {
    color: var(--seg-fg);
  }
  footer {
    margin-top: 2rem;
    font-size: 12px;
    color: var(--seg-muted);
  }
  kbd {
    font-family: Menlo, Monaco, Consolas, monospace;
    font-size: 11px;
    padding: 1px 4px;
    border: 1px solid var(--seg-border);
    border-bottom-width: 2px;
    border-radius: 4px;
    background: var(--seg-panel);
  }
  .boot {
    color: var(--seg-muted);
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner { animation: none; }
  }
`;
