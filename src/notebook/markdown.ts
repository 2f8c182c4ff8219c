/**
 * Markdown cells as HTML, the same in the browser and the report. Raw HTML in a cell is shown as
 * text (markdown-it `html: false`), and the output still goes through DOMPurify, which the host
 * supplies bound to its DOM (the page's window, or linkedom in Node).
 */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** DOMPurify options for rendered Markdown: no styles, forms or embedded content. */
export const SANITIZE_OPTIONS = {
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
  FORBID_ATTR: ['style'],
};

export type Sanitize = (html: string) => string;

export function renderMarkdown(source: string, sanitize: Sanitize): string {
  return sanitize(markdown.render(source));
}
