/**
 * Type and spacing shared by Monaco and the plain-text preview shown while Monaco loads, so
 * swapping one for the other moves nothing on the page.
 */
export const FONT_FAMILY = "Menlo, Monaco, Consolas, 'Droid Sans Mono', monospace";
export const FONT_SIZE = 13;
export const LINE_HEIGHT = 20;
/** Above the first line and below the last. */
export const PADDING = 8;
/** Where Monaco's text starts: the line-number gutter (3 digits) and its decoration margin. */
export const GUTTER_WIDTH = 30;
