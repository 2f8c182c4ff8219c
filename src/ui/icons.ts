/** The toolbar's and cells' icons: 16 px line drawings in currentColor, hidden from screen readers (buttons carry labels). */
import { svg, type SVGTemplateResult } from 'lit';

function icon(paths: SVGTemplateResult): SVGTemplateResult {
  return svg`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;
}

export const icons = {
  run: icon(svg`<path d="M4.5 3v10l8-5z" fill="currentColor" stroke-width="1.2" />`),
  runAll: icon(svg`<path d="M2.5 3v10l6-5zM8.5 3v10l6-5z" fill="currentColor" stroke-width="1" />`),
  stop: icon(svg`<rect x="3.5" y="3.5" width="9" height="9" rx="1" fill="currentColor" />`),
  up: icon(svg`<path d="M8 13V3M3.5 7.5 8 3l4.5 4.5" />`),
  down: icon(svg`<path d="M8 3v10M3.5 8.5 8 13l4.5-4.5" />`),
  insertAbove: icon(svg`<path d="M2.5 13.5h11M8 2.5v7M4.5 6h7" />`),
  insertBelow: icon(svg`<path d="M2.5 2.5h11M8 6.5v7M4.5 10h7" />`),
  trash: icon(svg`<path d="M2.5 4.5h11M6 4.5V3h4v1.5M4 4.5l.7 9h6.6l.7-9M6.8 7v4.5M9.2 7v4.5" />`),
  plus: icon(svg`<path d="M8 3v10M3 8h10" />`),
  undo: icon(svg`<path d="M5.5 3 2.5 6l3 3" /><path d="M2.5 6h7a4 4 0 0 1 0 8H6" />`),
  close: icon(svg`<path d="M4 4l8 8M12 4l-8 8" />`),
};
