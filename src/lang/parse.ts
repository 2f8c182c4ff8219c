import type { IToken } from 'chevrotain';
import { buildStatement } from './ast/build.ts';
import type { Statement } from './ast/nodes.ts';
import { error, type Diagnostic } from './diagnostics.ts';
import { lex } from './lexer.ts';
import { parseStatements, type SyntaxProblem } from './parser.ts';
import { spanOfRange, spanOfToken } from './span.ts';
import { Case, End, LBrace, LParen, RBrace, RParen } from './tokens.ts';

/**
 * Deeper nesting than this is refused before parsing: the recursive-descent parser would run out
 * of stack near 850 levels (2 kB of parentheses), and no analyst nests anywhere near this deep.
 */
const MAX_NESTING = 100;

export interface ParsedCell {
  source: string;
  statements: Statement[];
  tokens: IToken[];
  diagnostics: Diagnostic[];
}

/** source → tokens → CST → AST for one SegQL cell. Never throws: problems are diagnostics. */
export function parseCell(source: string): ParsedCell {
  const lexed = lex(source);
  const statements: Statement[] = [];
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  const tooDeep = firstTooDeep(lexed.tokens);
  if (tooDeep) {
    diagnostics.push(error('nesting', `more than ${MAX_NESTING} parentheses, braces or case expressions are open here: write it in steps, with lets`, spanOfToken(tooDeep)));
    return { source, statements, tokens: lexed.tokens, diagnostics };
  }
  for (const parsed of parseStatements(lexed.tokens)) {
    const problems = parsed.errors.map((e) => syntaxDiagnostic(e, source));
    diagnostics.push(...problems);
    if (problems.length) continue;
    const statement = buildStatement(parsed.cst, source);
    if (statement) statements.push(statement);
  }
  diagnostics.sort((a, b) => a.span.start - b.span.start);
  return { source, statements, tokens: lexed.tokens, diagnostics };
}

function firstTooDeep(tokens: IToken[]): IToken | undefined {
  let depth = 0;
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === LParen || type === LBrace || type === Case) depth++;
    else if (type === RParen || type === RBrace || type === End) depth = Math.max(0, depth - 1);
    if (depth > MAX_NESTING) return token;
  }
  return undefined;
}

/** Chevrotain's messages name token types; analysts read the text they typed instead. */
function syntaxDiagnostic(problem: SyntaxProblem, source: string): Diagnostic {
  const found = problem.token;
  const atEnd = found.tokenType.name === 'EOF' || Number.isNaN(found.startOffset);
  const span = atEnd ? endSpan(problem.previousToken, source) : spanOfToken(found);
  const what = atEnd ? 'the statement ended too early' : `unexpected '${found.image}'`;
  const expected = describeExpectation(problem);
  return error('syntax', expected ? `${what}: expected ${expected}` : what, span);
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

function describeExpectation(problem: SyntaxProblem): string | undefined {
  if (problem.name === 'NotAllInputParsedException') return 'the end of the statement (or a new statement)';
  const m = /Expecting (?:token of type )?--> (\w+) <--/.exec(problem.message);
  if (m) return TOKEN_WORDS[m[1]] ?? `'${m[1].toLowerCase()}'`;
  if (problem.name === 'NoViableAltException') return 'an expression or a keyword';
  return undefined;
}
