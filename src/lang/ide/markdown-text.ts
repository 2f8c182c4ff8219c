/** A name as Markdown shows it literally: `a*b*c` is no emphasis, `a_b_` no italics. */
export function literalMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}
