/**
 * Markdown cells as HTML, the same in the browser and the report. Raw HTML in a cell is shown as
 * text (markdown-it `html: false`), and the output still goes through DOMPurify, which the host
 * supplies bound to its DOM (the page's window, or linkedom in Node). The notebook format reads
 * its cells with the same parser (markdownBlocks): one to set up as the page starts, not two.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

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

/**
 * The block structure of Markdown text (fences, headings, paragraphs, with their lines) without
 * reading the text inside them, which finding code cells does not need.
 */
export function markdownBlocks(text: string): Token[] {
  const tokens: Token[] = [];
  // What markdown-it does before its block parser (its core rule `normalize`).
  markdown.block.parse(text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD'), markdown, {}, tokens);
  return tokens;
}
