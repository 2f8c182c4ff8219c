/** The look of <seg-cell>: a framed code cell, a frameless text cell, actions that appear on hover or focus. */
import { css, unsafeCSS } from 'lit';
import { FONT_FAMILY, FONT_SIZE, GUTTER_WIDTH, LINE_HEIGHT, PADDING } from '../editor/appearance.ts';

export const cellStyles = css`
  :host {
    display: block;
  }
  .frame {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 8px 12px 12px;
    border: 1px solid var(--seg-border);
    border-radius: 8px;
    background: var(--seg-bg);
  }
  :host([kind='markdown']) .frame {
    border-color: transparent;
    padding-top: 4px;
    padding-bottom: 4px;
  }
  :host([kind='markdown']) .frame:hover,
  :host([kind='markdown']) .frame:focus-within {
    border-color: var(--seg-border);
  }
  .frame:focus-visible {
    outline: 2px solid var(--seg-accent);
    outline-offset: 2px;
  }
  .frame:focus-within {
    box-shadow: inset 3px 0 0 var(--seg-accent);
  }
  .header {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 28px;
    font-size: 12px;
    color: var(--seg-muted);
  }
  /* A text cell reads as part of the document: its header floats over the top edge, on demand. */
  :host([kind='markdown']) .header {
    position: absolute;
    top: -15px;
    right: 10px;
    z-index: 2;
    min-height: 0;
    padding: 2px 4px;
    background: var(--seg-bg);
    border: 1px solid var(--seg-border);
    border-radius: 6px;
    visibility: hidden;
  }
  :host([kind='markdown']) .frame:is(:hover, :focus-within) .header {
    visibility: visible;
  }
  :host([kind='markdown']) .header .index,
  :host([kind='markdown']) .header .spacer {
    display: none;
  }
  :host([kind='markdown']) .actions {
    opacity: 1;
  }
  .index {
    font-family: ${unsafeCSS(FONT_FAMILY)};
    font-variant-numeric: tabular-nums;
    min-width: 2.4em;
  }
  .spacer {
    flex: 1;
  }
  select,
  input {
    font: inherit;
    font-size: 12px;
    color: var(--seg-fg);
    background: var(--seg-bg);
    border: 1px solid var(--seg-border);
    border-radius: 4px;
    padding: 3px 6px;
  }
  select:focus-visible,
  input:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--seg-accent);
    outline-offset: 1px;
  }
  .view-name {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .view-name input {
    width: 12em;
    font-family: ${unsafeCSS(FONT_FAMILY)};
  }
  .actions {
    display: flex;
    gap: 2px;
    opacity: 0;
    transition: opacity 0.12s;
    background: var(--seg-bg);
    border-radius: 6px;
  }
  .frame:hover .actions,
  .frame:focus-within .actions {
    opacity: 1;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 28px;
    height: 28px;
    padding: 0;
    color: var(--seg-muted);
    background: transparent;
    border: 1px solid transparent;
    border-radius: 6px;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    color: var(--seg-fg);
    background: var(--seg-panel);
    border-color: var(--seg-border);
  }
  button.run {
    color: var(--seg-accent);
  }
  button.danger:hover:not(:disabled) {
    color: var(--seg-error-fg);
  }
  button:disabled {
    opacity: 0.35;
    cursor: default;
  }
  .body {
    min-width: 0;
  }
  .preview {
    margin: 0;
    padding: ${PADDING}px ${PADDING}px ${PADDING}px ${GUTTER_WIDTH}px;
    min-height: ${LINE_HEIGHT}px;
    font-family: ${unsafeCSS(FONT_FAMILY)};
    font-size: ${FONT_SIZE}px;
    line-height: ${LINE_HEIGHT}px;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    background: var(--seg-panel);
    color: var(--seg-fg);
    cursor: text;
  }
  @media (prefers-reduced-motion: reduce) {
    .actions {
      transition: none;
    }
  }
`;
