/**
 * The `*.seg.md` file format (spec §8, §10): YAML front matter, then Markdown in which fences
 * whose info string is `seg` or `sql [NAME]` are code cells and all other text forms Markdown cells.
 *
 * The writer's layout is canonical — one blank line between cells, a newline at the end — and the
 * reader undoes exactly that layout, so a file the project wrote reads and writes back byte for byte.
 *
 * A Markdown cell that would not read back as itself when written as plain text — one right after
 * another Markdown cell, one with a fence it never closes (which would swallow the cells after it),
 * or one showing a ```seg example (which would come back as a code cell) — is written between the
 * two comment lines below. Markdown readers show its text as usual and hide the comments.
 */
import { markdownBlocks } from './markdown.ts';
import type { Cell, Notebook } from './model.ts';

const TEXT_CELL_START = '<!-- segbook: text cell -->';
const TEXT_CELL_END = '<!-- segbook: end of text cell -->';

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
  const blocks = cellBlocks(lines);
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

/**
 * When the file opens with what reads as front matter (`---`, then a `key:` line) that no `---`
 * line ever closes, the notebook takes it as text and its settings do not apply: the problem to
 * say so, else undefined.
 */
export function unclosedFrontMatter(notebook: Notebook): string | undefined {
  if (notebook.frontMatter !== undefined) return undefined;
  const first = notebook.cells[0];
  if (first?.kind !== 'markdown' || !/^---\n[A-Za-z_][\w -]*:/.test(first.source)) return undefined;
  return "the front matter has no closing '---' line, so it is shown as text and its settings (title, asof, data) are not used: add a line '---' after it";
}

export function writeNotebook(notebook: Notebook): string {
  const parts: string[] = [];
  const yaml = notebook.frontMatter;
  if (yaml !== undefined) parts.push(`---\n${yaml}${yaml === '' || yaml.endsWith('\n') ? '' : '\n'}---\n`);
  notebook.cells.forEach((cell, i) => parts.push(`${cellText(cell, notebook.cells[i - 1])}\n`));
  return parts.join('\n');
}

/** The info string a code cell is written with; its kind and view name are read back case-insensitively. */
export function infoString(cell: Cell): string {
  return cell.kind === 'sql' && cell.name ? `sql ${cell.name}` : cell.kind;
}

function cellText(cell: Cell, previous: Cell | undefined): string {
  if (cell.kind === 'markdown') {
    const plain = previous?.kind !== 'markdown' && readsBackPlain(cell.source);
    return plain ? cell.source : `${TEXT_CELL_START}\n${cell.source}\n${TEXT_CELL_END}`;
  }
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

/** Whether the text, written as it is between two code cells, reads back as one Markdown cell of that text. */
function readsBackPlain(source: string): boolean {
  const probe = parseNotebook(`\`\`\`seg\n\`\`\`\n\n${source}\n\n\`\`\`seg\n\`\`\`\n`).cells;
  return probe.length === 3 && probe[1]!.kind === 'markdown' && probe[1]!.source === source;
}

/**
 * Code cells and written-out text cells, in file order. A text cell's lines are not Markdown to
 * parse: each one found is blanked and the rest parsed again, since the lines before a block
 * read the same whatever follows them.
 */
function cellBlocks(body: string[]): CodeBlock[] {
  const lines = [...body];
  const textCells: CodeBlock[] = [];
  for (;;) {
    const tokens = markdownBlocks(lines.join('\n'));
    const start = tokens.find((t) => t.level === 0 && t.map && t.type !== 'fence' && lines[t.map[0]] === TEXT_CELL_START)?.map?.[0];
    if (start === undefined) {
      const codeCells = tokens.flatMap((token) => {
        const cell = token.type === 'fence' && token.level === 0 && token.map ? codeCell(token.info, token.content) : undefined;
        return cell ? [{ cell, startLine: token.map![0], endLine: token.map![1] }] : [];
      });
      return [...codeCells, ...textCells].sort((a, b) => a.startLine - b.startLine);
    }
    const close = lines.indexOf(TEXT_CELL_END, start + 1);
    const end = close < 0 ? lines.length : close;
    textCells.push({ cell: { kind: 'markdown', source: lines.slice(start + 1, end).join('\n') }, startLine: start, endLine: Math.min(end + 1, lines.length) });
    lines.fill('', start, end + 1);
  }
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
