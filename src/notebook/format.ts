/**
 * The `*.seg.md` file format (spec §8, §10): YAML front matter, then Markdown in which fences
 * whose info string is `seg` or `sql [NAME]` are code cells and all other text forms Markdown cells.
 *
 * The writer's layout is canonical — one blank line between cells, a newline at the end — and the
 * reader undoes exactly that layout, so a file the project wrote reads and writes back byte for byte.
 */
import { markdownBlocks } from './markdown.ts';
import type { Cell, Notebook } from './model.ts';

interface CodeBlock {
  cell: Cell;
  /** 0-based line where the opening fence is, and the line after the block. */
  startLine: number;
  endLine: number;
}

export function parseNotebook(text: string): Notebook {
  const normalised = text.replace(/\r\n?/g, '\n');
  const { frontMatter, body } = splitFrontMatter(normalised);
  const lines = body.split('\n');
  const blocks = codeBlocks(body);
  const cells: Cell[] = [];
  let line = 0;
  for (const block of blocks) {
    pushMarkdown(cells, lines.slice(line, block.startLine), line > 0 || frontMatter !== undefined);
    cells.push(block.cell);
    line = block.endLine;
  }
  pushMarkdown(cells, lines.slice(line), line > 0 || frontMatter !== undefined);
  return frontMatter === undefined ? { cells } : { frontMatter, cells };
}

/** The front matter's YAML text, without reading the cells (much quicker than parseNotebook). */
export function frontMatterOf(text: string): string | undefined {
  return splitFrontMatter(text.replace(/\r\n?/g, '\n')).frontMatter;
}

export function writeNotebook(notebook: Notebook): string {
  const parts: string[] = [];
  const yaml = notebook.frontMatter;
  if (yaml !== undefined) parts.push(`---\n${yaml}${yaml === '' || yaml.endsWith('\n') ? '' : '\n'}---\n`);
  for (const cell of notebook.cells) parts.push(`${cellText(cell)}\n`);
  return parts.join('\n');
}

/** The info string a code cell is written with; its kind and view name are read back case-insensitively. */
export function infoString(cell: Cell): string {
  return cell.kind === 'sql' && cell.name ? `sql ${cell.name}` : cell.kind;
}

function cellText(cell: Cell): string {
  if (cell.kind === 'markdown') return cell.source;
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(cell.source) + 1));
  return `${fence}${infoString(cell)}\n${cell.source}\n${fence}`;
}

/** Backticks that open a line could close our fence early, so the fence must be longer than any of them. */
function longestBacktickRun(source: string): number {
  let longest = 0;
  for (const line of source.split('\n')) {
    const trimmed = line.replace(/^ {0,3}/, '');
    let run = 0;
    while (trimmed[run] === '`') run++;
    longest = Math.max(longest, run);
  }
  return longest;
}

function splitFrontMatter(text: string): { frontMatter?: string; body: string } {
  if (!text.startsWith('---\n')) return { body: text };
  const lines = text.split('\n');
  const close = lines.findIndex((line, i) => i > 0 && (line === '---' || line === '...'));
  if (close < 0) return { body: text };
  const frontMatter = lines.slice(1, close).map((line) => `${line}\n`).join('');
  return { frontMatter, body: lines.slice(close + 1).join('\n') };
}

function codeBlocks(body: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const token of markdownBlocks(body)) {
    if (token.type !== 'fence' || token.level !== 0 || !token.map) continue;
    const cell = codeCell(token.info, token.content);
    if (cell) blocks.push({ cell, startLine: token.map[0], endLine: token.map[1] });
  }
  return blocks;
}

function codeCell(info: string, content: string): Cell | undefined {
  const [word = '', ...rest] = info.trim().split(/\s+/);
  const source = content.endsWith('\n') ? content.slice(0, -1) : content;
  const kind = word.toLowerCase();
  if (kind === 'seg') return { kind: 'seg', source };
  if (kind !== 'sql') return undefined;
  const name = rest.join(' ');
  return name ? { kind: 'sql', source, name } : { kind: 'sql', source };
}

/**
 * Text between code blocks is a Markdown cell unless it is only white space. The writer separates
 * cells with one blank line; that separator is not part of the cell.
 */
function pushMarkdown(cells: Cell[], lines: string[], afterSomething: boolean): void {
  let text = lines.join('\n');
  if (text.trim() === '') return;
  if (afterSomething && text.startsWith('\n')) text = text.slice(1);
  if (text.endsWith('\n')) text = text.slice(0, -1);
  cells.push({ kind: 'markdown', source: text });
}
