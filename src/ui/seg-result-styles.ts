/** <seg-result>'s look: the page's colours (CSS variables of page.css, with fallbacks), light and dark. */
import { css } from 'lit';

export const resultStyles = css`
  :host {
    display: block;
    margin: 10px 0 18px;
    color: var(--seg-fg, currentColor);
    --good: var(--seg-good, light-dark(#1a7f37, #3fb950));
    --bad: var(--seg-bad, light-dark(#cf222e, #f85149));
  }
  [hidden] {
    display: none !important;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 12px;
    margin-bottom: 6px;
  }
  h3 {
    margin: 0;
    font-size: 13px;
    font-weight: 600;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .statement {
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--seg-muted, #59636e);
  }
  .caption {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-weight: 400;
  }
  .status {
    font-size: 12px;
    color: var(--seg-muted, #59636e);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-left: auto;
  }
  .views {
    display: inline-flex;
  }
  button {
    font: inherit;
    font-size: 12px;
    padding: 2px 10px;
    color: inherit;
    background: var(--seg-panel, #f6f8fa);
    border: 1px solid var(--seg-border, #d1d9e0);
    border-radius: 6px;
    cursor: pointer;
  }
  .views button {
    border-radius: 0;
    margin-left: -1px;
  }
  .views button:first-child {
    border-radius: 6px 0 0 6px;
  }
  .views button:last-child {
    border-radius: 0 6px 6px 0;
  }
  button[aria-pressed='true'] {
    background: var(--seg-accent, #3b5bdb);
    border-color: var(--seg-accent, #3b5bdb);
    color: var(--seg-bg, #fff);
  }
  button:hover {
    border-color: var(--seg-accent, #3b5bdb);
  }
  button:focus-visible {
    outline: 2px solid var(--seg-accent, #3b5bdb);
    outline-offset: 2px;
    position: relative;
  }
  .chart {
    margin: 4px 0 12px;
    overflow-x: auto;
    overflow-y: hidden;
  }
  .chart svg {
    max-width: 100%;
    height: auto;
  }
  .problem {
    color: var(--seg-error-fg, var(--bad));
  }
  .expectations {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .expectations li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 10px;
    margin: 4px 0;
  }
  .badge {
    display: inline-block;
    padding: 1px 9px;
    border-radius: 999px;
    font-size: 12px;
    font-weight: 600;
    color: var(--seg-bg, #fff);
  }
  .pass .badge {
    background: var(--good);
  }
  .fail .badge {
    background: var(--bad);
  }
  .fail .expectation {
    color: var(--bad);
  }
  .detail {
    color: var(--seg-muted, #59636e);
    font-size: 13px;
  }
`;
