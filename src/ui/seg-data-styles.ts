import { css } from 'lit';

/** The buttons the data panel's elements share (panel, table, reader options). */
export const dataControlStyles = css`
  button {
    font: inherit;
    padding: 3px 10px;
    border-radius: 6px;
    border: 1px solid var(--seg-border);
    background: var(--seg-panel);
    color: var(--seg-fg);
    cursor: pointer;
  }
`;
