import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

/**
 * SegQL tokens (spec §2). Keywords are case-insensitive words that the lexer reads as
 * identifiers and `markKeywords` then looks up, so `keyword_x` stays one identifier. Function
 * names (count, sum, year, month…) are plain identifiers: `month(d)` is a function while
 * `3 months` is a duration, which the parser tells apart by what follows. Every token says
 * whether it can span lines (`line_breaks`): the lexer would otherwise work that out from each
 * pattern while the page starts.
 */
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED, line_breaks: true });
export const LineComment = createToken({ name: 'LineComment', pattern: /--[^\n\r]*/, group: 'comments', line_breaks: false });
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[\s\S]*?\*\//,
  group: 'comments',
  line_breaks: true,
});

/** An unclosed block comment swallows the rest of the cell; the lexer reports it by name. */
export const UnclosedComment = createToken({ name: 'UnclosedComment', pattern: /\/\*[\s\S]*/, group: 'unclosed', line_breaks: true });

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, line_breaks: false });
export const QuotedIdentifier = createToken({ name: 'QuotedIdentifier', pattern: /`(?:[^`]|``)*`/, line_breaks: true });

/**
 * A keyword has no pattern of its own: one identifier pattern and a lookup cost the lexer less to
 * build and to run than a pattern per keyword tried before the identifier's (the page builds the
 * lexer while it starts).
 */
function keyword(word: string, ...categories: TokenType[]): TokenType {
  return createToken({ name: word[0].toUpperCase() + word.slice(1), pattern: Lexer.NA, categories: [KeywordCategory, ...categories] });
}

export const KeywordCategory = createToken({ name: 'Keyword', pattern: Lexer.NA });
/** Every infix operator; the parser reads operators flat and the AST builder applies precedence. */
export const BinaryOperator = createToken({ name: 'BinaryOperator', pattern: Lexer.NA });
/** + - * / %: what `between`, `like` and `in` bounds may use without parentheses. */
export const ArithmeticOperator = createToken({ name: 'ArithmeticOperator', pattern: Lexer.NA });

export const Population = keyword('population');
export const Key = keyword('key');
export const Where = keyword('where');
export const Link = keyword('link');
export const As = keyword('as');
export const To = keyword('to');
export const On = keyword('on');
export const Time = keyword('time');
export const Let = keyword('let');
export const Of = keyword('of');
export const Segment = keyword('segment');
export const Partition = keyword('partition');
export const Otherwise = keyword('otherwise');
export const Split = keyword('split');
export const Into = keyword('into');
export const Seed = keyword('seed');
export const Asof = keyword('asof');
export const Compare = keyword('compare');
export const By = keyword('by');
export const Overlap = keyword('overlap');
export const Profile = keyword('profile');
export const Vs = keyword('vs');
export const Trend = keyword('trend');
export const Every = keyword('every');
export const From = keyword('from');
export const Show = keyword('show');
export const Limit = keyword('limit');
export const Expect = keyword('expect');
export const Everyone = keyword('everyone');
export const Within = keyword('within');
export const Asc = keyword('asc');
export const Desc = keyword('desc');
export const And = keyword('and', BinaryOperator);
export const Or = keyword('or', BinaryOperator);
export const Not = keyword('not');
export const In = keyword('in');
export const Is = keyword('is');
export const Null = keyword('null');
export const Like = keyword('like');
export const Ilike = keyword('ilike');
export const Between = keyword('between');
export const Case = keyword('case');
export const When = keyword('when');
export const Then = keyword('then');
export const Else = keyword('else');
export const End = keyword('end');
export const True = keyword('true');
export const False = keyword('false');

/** A bare ISO date is a DATE literal, never a subtraction (spec §2). */
export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{2}-\d{2}(?![A-Za-z0-9_])/, line_breaks: false });
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?/,
  line_breaks: false,
});
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /'(?:[^']|'')*'|"(?:[^"]|"")*"/, line_breaks: true });

export const ComparisonOperator = createToken({ name: 'ComparisonOperator', pattern: Lexer.NA, categories: [BinaryOperator] });
export const NotEquals = createToken({ name: 'NotEquals', pattern: /!=|<>/, categories: [ComparisonOperator], line_breaks: false });
export const LessEquals = createToken({ name: 'LessEquals', pattern: /<=/, categories: [ComparisonOperator], line_breaks: false });
export const GreaterEquals = createToken({ name: 'GreaterEquals', pattern: />=/, categories: [ComparisonOperator], line_breaks: false });
export const Less = createToken({ name: 'Less', pattern: /</, categories: [ComparisonOperator], line_breaks: false });
export const Greater = createToken({ name: 'Greater', pattern: />/, categories: [ComparisonOperator], line_breaks: false });
export const Equals = createToken({ name: 'Equals', pattern: /=/, categories: [ComparisonOperator], line_breaks: false });

export const AdditiveOperator = createToken({ name: 'AdditiveOperator', pattern: Lexer.NA, categories: [BinaryOperator, ArithmeticOperator] });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, categories: [AdditiveOperator], line_breaks: false });
export const Minus = createToken({ name: 'Minus', pattern: /-/, categories: [AdditiveOperator], line_breaks: false });
export const MultiplicativeOperator = createToken({ name: 'MultiplicativeOperator', pattern: Lexer.NA, categories: [BinaryOperator, ArithmeticOperator] });
export const Star = createToken({ name: 'Star', pattern: /\*/, categories: [MultiplicativeOperator], line_breaks: false });
export const Slash = createToken({ name: 'Slash', pattern: /\//, categories: [MultiplicativeOperator], line_breaks: false });
export const Percent = createToken({ name: 'Percent', pattern: /%/, categories: [MultiplicativeOperator], line_breaks: false });

export const LParen = createToken({ name: 'LParen', pattern: /\(/, line_breaks: false });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, line_breaks: false });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/, line_breaks: false });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/, line_breaks: false });
export const Comma = createToken({ name: 'Comma', pattern: /,/, line_breaks: false });
export const Dot = createToken({ name: 'Dot', pattern: /\./, line_breaks: false });
export const Colon = createToken({ name: 'Colon', pattern: /:/, line_breaks: false });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/, line_breaks: false });

export const keywordTokens: TokenType[] = [
  Population, Key, Where, Link, As, To, On, Time, Let, Of, Segment, Partition, Otherwise, Split, Into, Seed,
  Asof, Compare, By, Overlap, Profile, Vs, Trend, Every, From, Show, Limit, Expect, Everyone, Within, Asc, Desc,
  And, Or, Not, In, Is, Null, Like, Ilike, Between, Case, When, Then, Else, End, True, False,
];

const keywordsByWord = new Map(keywordTokens.map((token) => [token.name.toLowerCase(), token]));

/** Gives each identifier that is a keyword, in any case, its keyword's token type. */
export function markKeywords(tokens: IToken[]): void {
  for (const token of tokens) {
    if (token.tokenType !== Identifier) continue;
    const keyword = keywordsByWord.get(token.image.toLowerCase());
    if (!keyword) continue;
    token.tokenType = keyword;
    token.tokenTypeIdx = keyword.tokenTypeIdx!;
  }
}

/** Order matters: comments before Minus/Slash, dates before numbers. */
export const allTokens: TokenType[] = [
  WhiteSpace, LineComment, BlockComment, UnclosedComment,
  KeywordCategory, BinaryOperator, ArithmeticOperator, ...keywordTokens,
  DateLiteral, NumberLiteral, StringLiteral, QuotedIdentifier, Identifier,
  ComparisonOperator, NotEquals, LessEquals, GreaterEquals, Less, Greater, Equals,
  AdditiveOperator, Plus, Minus, MultiplicativeOperator, Star, Slash, Percent,
  LParen, RParen, LBrace, RBrace, Comma, Dot, Colon, Semicolon,
];

/** A name as SegQL writes it: in backticks when it is no plain identifier or is a keyword; undefined when it needs none. */
export function quoteIfNeeded(name: string): string | undefined {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !keywordTokens.some((k) => k.name.toLowerCase() === name.toLowerCase()) ? undefined : `\`${name.replace(/`/g, '``')}\``;
}
