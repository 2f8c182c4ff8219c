import { CstParser, type CstNode, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import * as T from './tokens.ts';

const DURATION_UNITS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);

/** Starts a message of our own (ERR_MSG) that says what was expected in the analyst's words. */
export const EXPECTED = 'expected';

/**
 * The SegQL grammar (spec §2–§5) as a Chevrotain CST parser with error recovery, so one run
 * reports every syntax error of a cell. grammar/segql.ebnf is generated from this class.
 */
export class SegqlParser extends CstParser {
  /*
   * The alternatives of the ORs a statement passes through most, made on the first call and kept
   * (Chevrotain's own performance advice): written inline, every call of `primary` made thirteen
   * closures, and such arrays were a third of what parsing allocated.
   */
  private statementAlternatives?: IOrAlt<unknown>[];
  private nameAlternatives?: IOrAlt<unknown>[];
  private segmentRefAlternatives?: IOrAlt<unknown>[];
  private expressionAlternatives?: IOrAlt<unknown>[];
  private comparisonTailAlternatives?: IOrAlt<unknown>[];
  private prefixAlternatives?: IOrAlt<unknown>[];
  private primaryAlternatives?: IOrAlt<unknown>[];

  /**
   * `validate`: check the grammar (ambiguities, left recursion, …) while building the parser.
   * The app's parser skips it, since it is part of what the page does while DuckDB compiles;
   * test/lang/grammar-valid.test.ts builds one that checks.
   */
  constructor(validate = false) {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 2, nodeLocationTracking: 'full', skipValidations: !validate });
    this.performSelfAnalysis();
  }

  program = this.RULE('program', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.statement) },
        { ALT: () => this.CONSUME(T.Semicolon) },
      ]);
    });
  });

  statement = this.RULE('statement', () => {
    this.OR((this.statementAlternatives ??= [
      { ALT: () => this.SUBRULE(this.populationStatement) },
      { ALT: () => this.SUBRULE(this.linkStatement) },
      { ALT: () => this.SUBRULE(this.letStatement) },
      { ALT: () => this.SUBRULE(this.segmentStatement) },
      { ALT: () => this.SUBRULE(this.partitionStatement) },
      { ALT: () => this.SUBRULE(this.splitStatement) },
      { ALT: () => this.SUBRULE(this.asofStatement) },
      { ALT: () => this.SUBRULE(this.compareStatement) },
      { ALT: () => this.SUBRULE(this.overlapStatement) },
      { ALT: () => this.SUBRULE(this.profileStatement) },
      { ALT: () => this.SUBRULE(this.trendStatement) },
      { ALT: () => this.SUBRULE(this.showStatement) },
      { ALT: () => this.SUBRULE(this.expectStatement) },
    ]));
  });

  name = this.RULE('name', () => {
    this.OR((this.nameAlternatives ??= [{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.QuotedIdentifier) }]));
  });

  populationStatement = this.RULE('populationStatement', () => {
    this.CONSUME(T.Population);
    this.SUBRULE(this.name, { LABEL: 'populationName' });
    this.OPTION(() => {
      this.CONSUME(T.Equals);
      this.SUBRULE2(this.name, { LABEL: 'table' });
    });
    this.CONSUME(T.Key);
    this.SUBRULE3(this.name, { LABEL: 'key' });
    this.OPTION2(() => {
      this.CONSUME(T.Where);
      this.SUBRULE(this.expression, { LABEL: 'where' });
    });
  });

  linkStatement = this.RULE('linkStatement', () => {
    this.CONSUME(T.Link);
    this.SUBRULE(this.name, { LABEL: 'table' });
    this.OPTION(() => {
      this.CONSUME(T.As);
      this.SUBRULE2(this.name, { LABEL: 'alias' });
    });
    this.OPTION2(() => {
      this.CONSUME(T.To);
      this.SUBRULE3(this.name, { LABEL: 'population' });
    });
    this.CONSUME(T.On);
    this.SUBRULE4(this.name, { LABEL: 'on' });
    this.OPTION3(() => {
      this.CONSUME(T.Time);
      this.SUBRULE5(this.name, { LABEL: 'time' });
    });
  });

  ofPopulation = this.RULE('ofPopulation', () => {
    this.CONSUME(T.Of);
    this.SUBRULE(this.name);
  });

  letStatement = this.RULE('letStatement', () => {
    this.CONSUME(T.Let);
    this.SUBRULE(this.name);
    this.OPTION(() => this.SUBRULE(this.ofPopulation));
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  segmentStatement = this.RULE('segmentStatement', () => {
    this.CONSUME(T.Segment);
    this.SUBRULE(this.name);
    this.OPTION(() => this.SUBRULE(this.ofPopulation));
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  partitionStatement = this.RULE('partitionStatement', () => {
    this.CONSUME(T.Partition);
    this.SUBRULE(this.name);
    this.OPTION(() => this.SUBRULE(this.ofPopulation));
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.partitionPart);
      this.OPTION2(() => this.OR([{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME(T.Semicolon) }]));
    });
    this.CONSUME(T.RBrace);
  });

  partitionPart = this.RULE('partitionPart', () => {
    this.SUBRULE(this.name);
    this.CONSUME(T.Colon);
    this.OR([{ ALT: () => this.CONSUME(T.Otherwise) }, { ALT: () => this.SUBRULE(this.expression) }]);
  });

  splitStatement = this.RULE('splitStatement', () => {
    this.CONSUME(T.Split);
    this.SUBRULE(this.name);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.segmentRef);
    this.CONSUME(T.Into);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.splitArm) });
    this.OPTION(() => {
      this.CONSUME(T.Seed);
      this.CONSUME(T.StringLiteral);
    });
  });

  splitArm = this.RULE('splitArm', () => {
    this.SUBRULE(this.name);
    this.CONSUME(T.NumberLiteral);
    this.CONSUME(T.Percent);
  });

  asofStatement = this.RULE('asofStatement', () => {
    this.CONSUME(T.Asof);
    this.CONSUME(T.DateLiteral);
  });

  segmentList = this.RULE('segmentList', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.segmentRef) });
  });

  segmentRef = this.RULE('segmentRef', () => {
    this.OR((this.segmentRefAlternatives ??= [
      { ALT: () => this.CONSUME(T.Everyone) },
      {
        ALT: () => {
          this.SUBRULE(this.name);
          this.OPTION(() => {
            this.CONSUME(T.Dot);
            this.SUBRULE2(this.name, { LABEL: 'member' });
          });
        },
      },
    ]));
  });

  compareStatement = this.RULE('compareStatement', () => {
    this.CONSUME(T.Compare);
    this.SUBRULE(this.segmentList);
    this.OPTION(() => {
      this.CONSUME(T.On);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.metric) });
    });
    this.OPTION2(() => {
      this.CONSUME(T.By);
      this.SUBRULE(this.expression, { LABEL: 'by' });
      this.OPTION3(() => {
        this.CONSUME(T.As);
        this.SUBRULE(this.name, { LABEL: 'byAlias' });
      });
    });
  });

  metric = this.RULE('metric', () => {
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.CONSUME(T.As);
      this.SUBRULE(this.name, { LABEL: 'alias' });
    });
  });

  overlapStatement = this.RULE('overlapStatement', () => {
    this.CONSUME(T.Overlap);
    this.SUBRULE(this.segmentList);
  });

  profileStatement = this.RULE('profileStatement', () => {
    this.CONSUME(T.Profile);
    this.SUBRULE(this.segmentRef, { LABEL: 'segment' });
    this.OPTION(() => {
      this.CONSUME(T.Vs);
      this.SUBRULE2(this.segmentRef, { LABEL: 'baseline' });
    });
  });

  trendStatement = this.RULE('trendStatement', () => {
    this.CONSUME(T.Trend);
    this.SUBRULE(this.segmentList);
    this.CONSUME(T.Every);
    this.SUBRULE(this.duration);
    this.CONSUME(T.From);
    this.CONSUME(T.DateLiteral, { LABEL: 'from' });
    this.CONSUME(T.To);
    this.CONSUME2(T.DateLiteral, { LABEL: 'to' });
  });

  showStatement = this.RULE('showStatement', () => {
    this.CONSUME(T.Show);
    this.SUBRULE(this.segmentRef);
    this.OPTION(() => {
      this.CONSUME(T.Limit);
      this.CONSUME(T.NumberLiteral);
    });
  });

  expectStatement = this.RULE('expectStatement', () => {
    this.CONSUME(T.Expect);
    this.SUBRULE(this.expression);
  });

  duration = this.RULE('duration', () => {
    this.CONSUME(T.NumberLiteral);
    this.CONSUME(T.Identifier, { LABEL: 'unit', ERR_MSG: `${EXPECTED} a unit: days, weeks, months or years` });
  });

  /**
   * An expression is read flat — operands, infix operators and comparison tails in source order —
   * and the AST builder applies SQL's precedence. A rule per precedence level would build a dozen
   * CST nodes for every name in a condition.
   */
  expression = this.RULE('expression', () => {
    this.SUBRULE(this.operand, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR((this.expressionAlternatives ??= [
        {
          ALT: () => {
            this.CONSUME(T.BinaryOperator, { LABEL: 'operators' });
            this.SUBRULE2(this.operand, { LABEL: 'operands' });
          },
        },
        { ALT: () => this.SUBRULE(this.comparisonTail, { LABEL: 'tails' }) },
      ]));
    });
  });

  /** `is [not] null`, `[not] between A and B`, `[not] in (...)`, `[not] like|ilike P` after a value. */
  comparisonTail = this.RULE('comparisonTail', () => {
    this.OR((this.comparisonTailAlternatives ??= [
      {
        ALT: () => {
          this.CONSUME(T.Is);
          this.OPTION(() => this.CONSUME(T.Not));
          this.CONSUME(T.Null);
        },
      },
      {
        ALT: () => {
          this.OPTION2(() => this.CONSUME2(T.Not, { LABEL: 'negated' }));
          this.OR2([
            {
              ALT: () => {
                this.CONSUME(T.Between);
                this.SUBRULE(this.arithmetic, { LABEL: 'low' });
                this.CONSUME(T.And);
                this.SUBRULE2(this.arithmetic, { LABEL: 'high' });
              },
            },
            {
              ALT: () => {
                this.CONSUME(T.In);
                this.CONSUME(T.LParen);
                this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'list' }) });
                this.CONSUME(T.RParen);
              },
            },
            {
              ALT: () => {
                this.OR3([{ ALT: () => this.CONSUME(T.Like) }, { ALT: () => this.CONSUME(T.Ilike) }]);
                this.SUBRULE3(this.arithmetic, { LABEL: 'pattern' });
              },
            },
          ]);
        },
      },
    ]));
  });

  /** Operands joined by + - * / % only: the bounds of between and the pattern of like. */
  arithmetic = this.RULE('arithmetic', () => {
    this.SUBRULE(this.operand, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.ArithmeticOperator, { LABEL: 'operators' });
      this.SUBRULE2(this.operand, { LABEL: 'operands' });
    });
  });

  /** A primary value with its prefix operators: `not`, unary `-`. */
  operand = this.RULE('operand', () => {
    this.MANY(() => {
      this.OR((this.prefixAlternatives ??= [{ ALT: () => this.CONSUME(T.Not, { LABEL: 'prefixes' }) }, { ALT: () => this.CONSUME(T.Minus, { LABEL: 'prefixes' }) }]));
    });
    this.SUBRULE(this.primary);
  });

  primary = this.RULE('primary', () => {
    this.OR((this.primaryAlternatives ??= [
      {
        // `3 months` is a duration; `month(d)` (an identifier followed by a parenthesis) is a call.
        GATE: () => isDurationUnit(this.LA(2)) && this.LA(3).tokenType !== T.LParen,
        ALT: () => this.SUBRULE(this.duration),
      },
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.DateLiteral) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.Null) },
      { ALT: () => this.CONSUME(T.Asof) },
      { ALT: () => this.CONSUME(T.Everyone) },
      { ALT: () => this.SUBRULE(this.caseExpression) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.call) },
      { ALT: () => this.SUBRULE(this.reference) },
    ]));
  });

  reference = this.RULE('reference', () => {
    this.SUBRULE(this.name);
    this.OPTION(() => {
      this.CONSUME(T.Dot);
      this.SUBRULE2(this.name, { LABEL: 'member' });
    });
  });

  call = this.RULE('call', () => {
    this.CONSUME(T.Identifier, { LABEL: 'function' });
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      this.SUBRULE(this.expression, { LABEL: 'args' });
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.expression, { LABEL: 'args' });
      });
      this.OPTION2(() => this.OR([{ ALT: () => this.CONSUME(T.Asc) }, { ALT: () => this.CONSUME(T.Desc) }]));
      this.MANY2(() => {
        this.OR2([
          {
            ALT: () => {
              this.CONSUME(T.Where);
              this.SUBRULE3(this.expression, { LABEL: 'where' });
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.Within);
              this.SUBRULE2(this.duration, { LABEL: 'within' });
            },
          },
        ]);
      });
    });
    this.CONSUME(T.RParen);
  });

  caseExpression = this.RULE('caseExpression', () => {
    this.CONSUME(T.Case);
    this.AT_LEAST_ONE(() => {
      this.CONSUME(T.When);
      this.SUBRULE(this.expression, { LABEL: 'conditions' });
      this.CONSUME(T.Then);
      this.SUBRULE2(this.expression, { LABEL: 'results' });
    });
    this.OPTION(() => {
      this.CONSUME(T.Else);
      this.SUBRULE3(this.expression, { LABEL: 'otherwise' });
    });
    this.CONSUME(T.End);
  });
}

function isDurationUnit(token: IToken): boolean {
  return token.tokenType === T.Identifier && DURATION_UNITS.has(token.image.toLowerCase());
}

let shared: SegqlParser | undefined;

/**
 * One parser instance, reused: Chevrotain parsers are expensive to build and cheap to reset. It is
 * built on the first parse, not when the module loads: the page loads this module while DuckDB
 * compiles its wasm, and the first parse waits until a cell is run or edited.
 */
export function segqlParser(): SegqlParser {
  return (shared ??= new SegqlParser());
}

export interface SyntaxProblem {
  name: string;
  message: string;
  token: IToken;
  previousToken?: IToken;
}

export interface ParsedStatement {
  cst: CstNode;
  tokens: IToken[];
  errors: SyntaxProblem[];
}

/**
 * Splits the tokens at every statement keyword and parses each statement on its own, so a
 * mistake in one statement never hides the statements after it (spec §7: report every error).
 */
export function parseStatements(tokens: IToken[]): ParsedStatement[] {
  const parser = segqlParser();
  return splitAtStatements(tokens).map((chunk) => {
    parser.input = chunk;
    const cst = parser.statement();
    const errors = parser.errors.map((e) => ({
      name: e.name,
      message: e.message,
      token: e.token,
      previousToken: (e as { previousToken?: IToken }).previousToken,
    }));
    return { cst, tokens: chunk, errors };
  });
}

const STATEMENT_STARTS = new Set<TokenType>([
  T.Population, T.Link, T.Let, T.Segment, T.Partition, T.Split, T.Compare, T.Overlap, T.Profile, T.Trend,
  T.Show, T.Expect,
]);

function startsStatement(tokens: IToken[], i: number): boolean {
  const type = tokens[i].tokenType;
  if (STATEMENT_STARTS.has(type)) return true;
  // `asof` is a statement only when a date follows; elsewhere it is the reference date in an expression.
  return type === T.Asof && tokens[i + 1]?.tokenType === T.DateLiteral;
}

function splitAtStatements(tokens: IToken[]): IToken[][] {
  const chunks: IToken[][] = [];
  let current: IToken[] = [];
  let braces = 0;
  tokens.forEach((token, i) => {
    if (token.tokenType === T.LBrace) braces++;
    if (token.tokenType === T.RBrace) braces = Math.max(0, braces - 1);
    // Inside a partition's braces `;` separates parts, not statements.
    if (token.tokenType === T.Semicolon && braces === 0) {
      if (current.length) chunks.push(current);
      current = [];
      return;
    }
    if (startsStatement(tokens, i) && current.length) {
      chunks.push(current);
      current = [];
    }
    current.push(token);
  });
  if (current.length) chunks.push(current);
  return chunks;
}

export type { TokenType };
