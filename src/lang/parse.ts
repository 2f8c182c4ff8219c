import type { IToken, TokenType } from 'chevrotain';
import type { Name, Statement } from './ast/nodes.ts';
import { error, type Diagnostic, type Span } from './diagnostics.ts';
import { lex } from './lexer.ts';
import { firstTooDeep, MAX_NESTING } from './nesting.ts';
import { EXPECTED, parseStatements, type ParsedStatement, type SyntaxProblem } from './parser.ts';
import { spanOfRange, spanOfToken } from './span.ts';
import { isAggregateFn } from './check/functions.ts';
import { By, Colon, Comma, Compare, DateLiteral, Dot, Equals, Everyone, Identifier, In, LBrace, LParen, NumberLiteral, On, Otherwise, Overlap, Partition, Profile, QuotedIdentifier, RParen, StringLiteral, Trend, Where, Within } from './tokens.ts';

/**
 * The checker and the SQL generator recurse over expressions: a chain of operators (`a and b and
 * …`) deeper than this is refused (measured: 1,000 pass, 3,000 run out of stack).
 */
const MAX_EXPRESSION_DEPTH = 500;

export interface ParsedCell {
  source: string;
  statements: Statement[];
  tokens: IToken[];
  diagnostics: Diagnostic[];
  /** Names that statements with a syntax error set out to define (`segment b = age == 3`): uses of them blame the definition. */
  unparsedNames: Name[];
}

/** source → tokens → AST for one SegQL cell. Never throws: problems are diagnostics. */
export function parseCell(source: string): ParsedCell {
  const lexed = lex(source);
  const statements: Statement[] = [];
  const unparsedNames: Name[] = [];
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  const tooDeep = firstTooDeep(lexed.tokens);
  if (tooDeep) {
    diagnostics.push(error('nesting', `this nests more than ${MAX_NESTING} deep (parentheses, braces, case, not or signs): write it in steps, with lets`, spanOfToken(tooDeep)));
    return { source, statements, tokens: lexed.tokens, diagnostics, unparsedNames };
  }
  const afterBadCharacters = tokensAfterBadCharacters(lexed.tokens, lexed.diagnostics);
  const parsedStatements = parseStatements(lexed.tokens, source);
  let keywordTaken = false;
  for (const [k, parsed] of parsedStatements.entries()) {
    // The statement a keyword began when it was meant as the name before it: said once, at the keyword.
    if (keywordTaken) {
      keywordTaken = false;
      continue;
    }
    const taken = keywordTakenForName(parsed, parsedStatements[k + 1]);
    keywordTaken = taken !== undefined;
    const problems = taken ? [taken] : withoutStumbleAfterHabit(parsed.errors.map((e) => syntaxDiagnostic(e, source, parsed.tokens)));
    diagnostics.push(...problems.filter((p) => !afterBadCharacters.has(p.span.start) && !insideBadCharacters(p, lexed.diagnostics)));
    if (problems.length || holdsBadCharacter(parsed.tokens, lexed.diagnostics)) {
      const named = definedName(parsed.tokens);
      if (named) unparsedNames.push(named);
      continue;
    }
    const statement = parsed.statement;
    // An expression cannot be deeper than its statement has tokens: most cells skip the walk.
    const deep = statement && parsed.tokens.length > MAX_EXPRESSION_DEPTH && nodeTooDeep(statement);
    if (deep) diagnostics.push(error('nesting', `this expression is more than ${MAX_EXPRESSION_DEPTH} operators deep: write it in steps, with lets, or as a list with in (…)`, deep));
    else if (statement) statements.push(statement);
  }
  diagnostics.sort((a, b) => a.span.start - b.span.start);
  return { source, statements, tokens: lexed.tokens, diagnostics: withoutQuoteLeftByBackslash(diagnostics), unparsedNames };
}

/**
 * A character the lexer could not read, among a statement's tokens: the statement is not what was
 * written (`café > 3` reads as `caf > 3`), so it is not checked, as one with a syntax error is not.
 */
function holdsBadCharacter(tokens: IToken[], lexDiagnostics: Diagnostic[]): boolean {
  const [first, last] = [tokens[0], tokens[tokens.length - 1]];
  if (!first || !last) return false;
  const end = last.endOffset ?? last.startOffset;
  return lexDiagnostics.some((d) => d.code === 'unexpected-character' && first.startOffset <= d.span.start && d.span.start <= end);
}

/** A stumble on a token inside a span the lexer already reported whole (`[Annual Income (k$)]`). */
function insideBadCharacters(problem: Diagnostic, lexDiagnostics: Diagnostic[]): boolean {
  return lexDiagnostics.some((d) => d.code === 'unexpected-character' && d.span.start < problem.span.start && problem.span.start < d.span.end);
}

/** The source text from the start of token `from` to the end of token `to`. */
function textOfTokens(source: string, from: IToken, to: IToken): string {
  return source.slice(from.startOffset, (to.endOffset ?? to.startOffset) + 1);
}

/** `'it\'s'` at a cell's end also leaves its last quote open: the backslash, already named, is the one mistake. */
function withoutQuoteLeftByBackslash(diagnostics: Diagnostic[]): Diagnostic[] {
  const backslashes = diagnostics.filter((d) => d.code === 'habit' && d.message.startsWith(BACKSLASH_QUOTE));
  if (backslashes.length === 0) return diagnostics;
  return diagnostics.filter((d) => d.code !== 'unclosed-quote' || !backslashes.some((b) => b.span.line === d.span.line && b.span.start < d.span.start));
}

/**
 * Where the tokens right after each unexpected character start, on its line. The parser never sees
 * the character, so it stumbles on the next token (`age ≥ 30`: "unexpected '30'"); the character's
 * own message says what is wrong, and the stumble would only repeat it.
 */
function tokensAfterBadCharacters(tokens: IToken[], lexDiagnostics: Diagnostic[]): Set<number> {
  const starts = new Set<number>();
  for (const d of lexDiagnostics) {
    if (d.code !== 'unexpected-character') continue;
    const next = tokens.find((t) => t.startOffset >= d.span.end);
    if (next && next.startLine === d.span.endLine) starts.add(next.startOffset);
  }
  return starts;
}

const DEFINING = new Set(['Let', 'Segment', 'Partition', 'Split']);

/** The name a statement's first two tokens define, as `segment NAME …` would. */
function definedName(tokens: IToken[]): Name | undefined {
  const [keyword, name] = tokens;
  if (!keyword || !name || !DEFINING.has(keyword.tokenType.name)) return undefined;
  if (name.tokenType !== Identifier && name.tokenType !== QuotedIdentifier) return undefined;
  const text = name.tokenType === QuotedIdentifier ? name.image.slice(1, -1).split('``').join('`') : name.image;
  return { text, span: spanOfToken(name) };
}

/** The span of the first expression node deeper than the limit; walked with a stack, since recursion is the problem. */
function nodeTooDeep(statement: Statement): Span | undefined {
  const stack: { value: object; depth: number }[] = [{ value: statement, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const node = 'type' in item.value && 'span' in item.value;
    const depth = node ? item.depth + 1 : item.depth;
    if (depth > MAX_EXPRESSION_DEPTH) return (item.value as { span: Span }).span;
    for (const child of Object.values(item.value)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth });
    }
  }
  return undefined;
}

/** Chevrotain's messages name token types; analysts read the text they typed instead. */
/**
 * After a habit is named (`count(*)`, `young = age < 30`), the parser's stumbles later on its line
 * come from reading past it (the `<` after `young = age`): they say nothing new.
 */
function withoutStumbleAfterHabit(problems: Diagnostic[]): Diagnostic[] {
  const habits = problems.filter((p) => p.code === 'habit');
  return problems.filter((p) => !habits.some((h) => h !== p && h.span.start < p.span.start && h.span.line === p.span.line));
}

/** `tokens`: the statement's. */
function syntaxDiagnostic(problem: SyntaxProblem, source: string, tokens: IToken[]): Diagnostic {
  const found = problem.token;
  const atEnd = found.tokenType.name === 'EOF' || Number.isNaN(found.startOffset);
  const span = atEnd ? endSpan(problem.previousToken, source) : spanOfToken(found);
  const what = atEnd ? 'the statement ended too early' : `unexpected '${found.image}'`;
  const previous = problem.previousToken;
  if (!atEnd && found.image === '=' && previous?.image === '=' && previous.endOffset !== undefined && previous.endOffset + 1 === found.startOffset) {
    return error('syntax', "'==' is not SegQL: compare with one '=' (as in SQL)", spanOfRange(source, previous.startOffset, found.startOffset + 1));
  }
  const percent = previous?.image === '%' ? /(\d[\d_]*(?:\.\d+)?)\s*$/.exec(source.slice(0, previous.startOffset)) : null;
  if (previous && percent) {
    // `share(x) > 50%`: % is the remainder operator, and the percent sign belongs to split's arms only.
    const fraction = Number(percent[1]!.replace(/_/g, '')) / 100;
    const start = previous.startOffset - percent[0].length;
    return error('syntax', `write ${percent[1]}% as a fraction here: ${fraction} (a percent sign only follows a split's arms)`, spanOfRange(source, start, previous.startOffset + 1));
  }
  if (!atEnd) {
    const before = tokens[tokens.indexOf(found) - 1];
    // A trailing comma, as other languages allow: the comma is what to remove.
    if (found.tokenType === RParen && before?.tokenType === Comma) return error('habit', 'remove the comma before )', spanOfToken(before));
    const startsLine = found === tokens[0] || /(^|\n)[ \t]*$/.test(source.slice(0, found.startOffset));
    const habit = habitOf(problem, source, startsLine, before) ?? clauseAfterAggregate(found, tokens, source) ?? shapeHabit(found, tokens, source);
    if (habit) return error('habit', habit, span);
    const slip = slipOf(found, tokens, source);
    if (slip) return error('syntax', slip, span);
  }
  const expected = metricExpected(problem, tokens) ? 'a metric, as in count or avg(spend)' : describeExpectation(problem);
  if (!atEnd && expected?.startsWith('a name') && isKeyword(found)) {
    return error('syntax', keywordAsNameMessage(found), span);
  }
  return error('syntax', expected ? `${what}: expected ${expected}` : what, span);
}

const BACKSLASH_QUOTE = 'inside quotes a quote is written twice';

const SQL_STARTS = new Set(['select', 'with', 'from', 'insert', 'create']);

/** What a token the parser stumbled on says about a habit from SQL or another language, in words that show the SegQL way. */
/** `before`: the token before the one the parser stumbled on. */
function habitOf(problem: SyntaxProblem, source: string, startsLine: boolean, before: IToken | undefined): string | undefined {
  const found = problem.token;
  const previous = problem.previousToken?.image;
  const word = found.image.toLowerCase();
  if (found.image === '*' && (previous === '(' || previous === '.')) {
    return "'*' is SQL's every row: count a linked table's rows with count(LINK), as in count(orders)";
  }
  if (before?.tokenType.name === 'StringLiteral' && /\\['"]$/.test(before.image) && (before.endOffset ?? -2) + 1 === found.startOffset) {
    const q = before.image[0]!;
    return `${BACKSLASH_QUOTE}, as in ${q}it${q}${q}s${q}, not with a backslash`;
  }
  const fraction = found.image === '.' && previous !== ')' ? /^\.(\d+)/.exec(source.slice(found.startOffset)) : null;
  if (fraction) return `write .${fraction[1]} as 0.${fraction[1]}`;
  const date = found.tokenType.name === 'StringLiteral' ? /^'(\d{4}-\d{2}-\d{2})'$/.exec(found.image) : null;
  if (date) return `a date is written without quotes: ${date[1]}`;
  if (word === 'group') return "write by alone, without group: compare … by country";
  if (startsLine && SQL_STARTS.has(word)) {
    return 'this is SQL, not SegQL: write it in a SQL cell (SegQL statements start with population, link, let, segment, partition, split, compare, overlap, profile, trend, show or expect)';
  }
  return undefined;
}

/** Shapes from other languages the parser meets inside a statement: a part named with `=`, a list without parentheses. */
function shapeHabit(found: IToken, tokens: IToken[], source: string): string | undefined {
  const i = tokens.indexOf(found);
  if (tokens[0]!.tokenType === Partition && found.tokenType === Equals && isSegmentWord(tokens[i - 1]) && tokens.slice(0, i).some((t) => t.tokenType === LBrace)) {
    return `a part is written NAME: CONDITION, as in ${tokens[i - 1]!.image}: …`;
  }
  if (tokens[i - 1]?.tokenType === In && LIST_VALUES.has(found.tokenType)) {
    let last = i;
    while (LIST_VALUES.has(tokens[last + 1]?.tokenType as TokenType)) last++;
    if (tokens[last]!.tokenType === Comma) last--;
    return `a list goes in parentheses: in (${textOfTokens(source, found, tokens[last]!)})`;
  }
  return undefined;
}

/**
 * `count(orders) within 30 days`, `count(orders) > 0 within 30 days`: a clause of an aggregate
 * written after it. The advice shows the analyst's own aggregate with the clause inside.
 */
function clauseAfterAggregate(found: IToken, tokens: IToken[], source: string): string | undefined {
  const word = found.image.toLowerCase();
  if (found.tokenType !== Within && found.tokenType !== Where) return undefined;
  const at = tokens.indexOf(found);
  const call = lastAggregateBefore(tokens, at);
  if (!call) return undefined;
  const [name, close] = call;
  const clause = clauseText(tokens, at, source) ?? (word === 'within' ? 'within 30 days' : "where channel = 'web'");
  const inside = textOfTokens(source, name, tokens[tokens.indexOf(close) - 1]!);
  return `${word} goes inside the aggregate's parentheses, as in ${inside} ${clause})`;
}

/** The index of the name of the call whose `)` is at `close`. */
function callStartingBefore(tokens: IToken[], close: number): number | undefined {
  let depth = 0;
  for (let j = close; j > 0; j--) {
    if (tokens[j]!.tokenType === RParen) depth++;
    else if (tokens[j]!.tokenType === LParen && --depth === 0) return isSegmentWord(tokens[j - 1]) ? j - 1 : undefined;
  }
  return undefined;
}

/** The index of the `)` that closes the `(` at `open`. */
function closingParenthesis(tokens: IToken[], open: number): number | undefined {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    if (tokens[j]!.tokenType === LParen) depth++;
    else if (tokens[j]!.tokenType === RParen && --depth === 0) return j;
  }
  return undefined;
}

/** The name and closing parenthesis of the last aggregate call that ends before token `at`. */
function lastAggregateBefore(tokens: IToken[], at: number): [IToken, IToken] | undefined {
  for (let i = at - 1; i > 0; i--) {
    if (tokens[i]!.tokenType !== RParen) continue;
    const name = tokens[callStartingBefore(tokens, i) ?? -1];
    if (name?.tokenType === Identifier && isAggregateFn(name.image.toLowerCase())) return [name, tokens[i]!];
  }
  return undefined;
}

/** `within 90 days` as typed, when a number and a word follow it; a where's condition is too long to repeat. */
function clauseText(tokens: IToken[], at: number, source: string): string | undefined {
  const [number, unit] = [tokens[at + 1], tokens[at + 2]];
  if (tokens[at]!.tokenType !== Within || number?.tokenType.name !== 'NumberLiteral' || unit?.tokenType !== Identifier) return undefined;
  return textOfTokens(source, tokens[at]!, unit);
}

const SEGMENT_LISTS = new Set([Compare, Overlap, Trend]);
const LIST_VALUES = new Set<TokenType>([NumberLiteral, StringLiteral, DateLiteral, Comma]);

function isSegmentWord(token: IToken | undefined): boolean {
  return token?.tokenType === Identifier || token?.tokenType === QuotedIdentifier || token?.tokenType === Everyone;
}

/** A slip in a statement's parts that the parser can only call unexpected: a missing comma, clauses out of order. */
function slipOf(found: IToken, tokens: IToken[], source: string): string | undefined {
  const i = tokens.indexOf(found);
  const first = tokens[0]!.tokenType;
  const inList = tokens.slice(1, i).every((t) => isSegmentWord(t) || t.tokenType === Dot || t.tokenType === Comma);
  // `compare big avg(spend)`: a call where a segment could follow is a metric missing its `on`.
  if (first === Compare && inList && isSegmentWord(found) && tokens[i + 1]?.tokenType === LParen) return 'write on before the metrics: compare … on avg(…)';
  if (SEGMENT_LISTS.has(first) && inList && isSegmentWord(found) && isSegmentWord(tokens[i - 1])) {
    // The segments on either side, each with its partition or split (`tiers.gold tiers.silver`).
    let start = i - 1;
    while (start > 2 && tokens[start - 1]!.tokenType === Dot) start -= 2;
    const end = tokens[i + 1]?.tokenType === Dot && isSegmentWord(tokens[i + 2]) ? tokens[i + 2]! : found;
    return `separate segments with commas: ${textOfTokens(source, tokens[start]!, tokens[i - 1]!)}, ${textOfTokens(source, found, end)}`;
  }
  if (first === Profile && found.tokenType === Comma && isSegmentWord(tokens[i - 1]) && isSegmentWord(tokens[i + 1])) {
    return `profile takes one segment, and vs the one to measure it against: profile ${tokens[i - 1]!.image} vs ${tokens[i + 1]!.image}`;
  }
  // `on avg(spend) avg(age)`: two metrics without the comma between them.
  if (first === Compare && tokens[i - 1]?.tokenType === RParen && isSegmentWord(found) && tokens[i + 1]?.tokenType === LParen && tokens.slice(1, i).some((t) => t.tokenType === On)) {
    const previous = callStartingBefore(tokens, i - 1);
    const next = closingParenthesis(tokens, i + 1);
    if (previous !== undefined && next !== undefined) {
      return `separate metrics with commas: ${textOfTokens(source, tokens[previous]!, tokens[i - 1]!)}, ${textOfTokens(source, found, tokens[next]!)}`;
    }
  }
  if (first === Partition && found.tokenType === Otherwise && tokens[i - 1]?.tokenType !== Colon) return 'otherwise is a part of its own: give it a name, as in other: otherwise';
  const before = tokens.slice(1, i);
  if (first === Compare && found.tokenType === On && before.some((t) => t.tokenType === By)) {
    return before.some((t) => t.tokenType === On) ? 'list every metric after the one on, separated by commas, before by …' : 'write on … before by …';
  }
  return undefined;
}

/**
 * `compare a by country as segment`: a name is due at the end of the line, and a statement
 * keyword follows on it, which the parser took for the start of the next statement.
 */
function keywordTakenForName(parsed: ParsedStatement, next: ParsedStatement | undefined): Diagnostic | undefined {
  const problem = parsed.errors[0];
  const keyword = next?.tokens[0];
  const last = parsed.tokens[parsed.tokens.length - 1];
  if (!problem || !keyword || !last || keyword.startLine !== last.endLine) return undefined;
  const atEnd = problem.token.tokenType.name === 'EOF' || Number.isNaN(problem.token.startOffset);
  if (!atEnd || !describeExpectation(problem)?.startsWith('a name')) return undefined;
  return error('syntax', keywordAsNameMessage(keyword), spanOfToken(keyword));
}

function keywordAsNameMessage(keyword: IToken): string {
  return `'${keyword.image}' is a SegQL keyword: as a name, write it in backticks, \`${keyword.image}\``;
}

/** Where compare wants a metric (after `on`, or a comma among the metrics), "an expression" is the grammar's word, not the analyst's. */
function metricExpected(problem: SyntaxProblem, tokens: IToken[]): boolean {
  const previous = problem.previousToken;
  if (tokens[0]?.tokenType !== Compare || !previous || describeExpectation(problem) !== 'an expression') return false;
  const at = tokens.indexOf(previous);
  const metrics = tokens.slice(0, at + 1).some((t) => t.tokenType === On) && !tokens.slice(0, at + 1).some((t) => t.tokenType === By);
  return metrics && (previous.tokenType === On || previous.tokenType === Comma);
}

/** A word the lexer read as one of SegQL's own (`time`, `everyone`, `segment`), not as a name. */
function isKeyword(token: IToken): boolean {
  return token.tokenType !== Identifier && token.tokenType !== QuotedIdentifier && /^[A-Za-z_]\w*$/.test(token.image);
}

function endSpan(previous: IToken | undefined, source: string) {
  const offset = previous ? (previous.endOffset ?? previous.startOffset) + 1 : source.length;
  return spanOfRange(source, Math.max(0, offset - 1), offset);
}

const TOKEN_WORDS: Record<string, string> = {
  Identifier: 'a name',
  QuotedIdentifier: 'a name',
  NumberLiteral: 'a number',
  StringLiteral: 'a text in quotes',
  DateLiteral: 'a date like 2024-06-30',
  Equals: "'='",
  LParen: "'('",
  RParen: "')'",
  LBrace: "'{'",
  RBrace: "'}'",
  Comma: "','",
  Colon: "':'",
  Percent: "'%'",
  Dot: "'.'",
};

/** Tokens that can only start an expression: where one is possible, "an expression" says it all. */
const EXPRESSION_STARTS = new Set(['NumberLiteral', 'StringLiteral', 'LParen', 'Minus', 'Not', 'Case']);

function describeExpectation(problem: SyntaxProblem): string | undefined {
  if (problem.name === 'NotAllInputParsedException') return 'the end of the statement (or a new statement)';
  if (problem.message.startsWith(`${EXPECTED} `)) return problem.message.slice(EXPECTED.length + 1);
  const m = /Expecting (?:token of type )?--> (\w+) <--/.exec(problem.message);
  if (m) return tokenWords(m[1]);
  // Alternatives: "one of these possible Token sequences: 1. [Identifier] 2. [QuotedIdentifier]".
  const starts = [...new Set(Array.from(problem.message.matchAll(/\[(\w+)/g), (s) => s[1]!))];
  if (starts.some((s) => EXPRESSION_STARTS.has(s))) return 'an expression';
  // Kinds of token ('a name') before keywords ('everyone').
  const words = [...new Set(starts.map(tokenWords))].sort((a, b) => Number(a.startsWith("'")) - Number(b.startsWith("'")));
  if (words.length > 0 && words.length <= 3) return words.join(' or ');
  if (problem.name === 'NoViableAltException') return 'an expression or a keyword';
  return undefined;
}

function tokenWords(token: string): string {
  return TOKEN_WORDS[token] ?? `'${token.toLowerCase()}'`;
}
