import { EmbeddedActionsParser, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import {
  compactText, dateLiteral, durationOf, expressionOf, missingDuration, missingExpr, missingName, missingOperand, missingSegmentRef, missingTail,
  nameOf, NO_PREFIXES, numberLiteral, parseNumber, stringLiteral, unquoteString, type Infix, type Operand, type Step, type Tail,
} from './ast/build.ts';
import type { Call, Duration, Expr, Metric, Name, PartitionPart, SegmentRef, SplitArm, Statement } from './ast/nodes.ts';
import type { Span } from './diagnostics.ts';
import { emptySpan, spanOfToken, spanOfTokens } from './span.ts';
import * as T from './tokens.ts';

const DURATION_UNITS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);

/** Starts a message of our own (ERR_MSG) that says what was expected in the analyst's words. */
export const EXPECTED = 'expected';

type Clause = { kind: 'where'; keyword: IToken; where: Expr } | { kind: 'within'; keyword: IToken; within: Duration };

/**
 * The SegQL grammar (spec §2–§5) as a Chevrotain parser with error recovery, so one run reports
 * every syntax error of a cell. Its rules build the AST as they go (no syntax tree in between: it
 * was most of what parsing allocated). grammar/segql.ebnf is generated from this class.
 *
 * Chevrotain runs every rule once while the parser is built, to record the grammar, and then
 * OPTION, OR and SUBRULE return stand-ins (CONSUME a token of sorts): a rule passes what they
 * return along without looking into it, and builds values from tokens inside the closures. The
 * expression rules, which do look into their operands, check RECORDING_PHASE. Error recovery may
 * cut a rule short: it then returns its `recoveryValueFunc`, a value of the right shape (a
 * statement's is undefined), and a statement with a syntax error is not checked anyway.
 */
export class SegqlParser extends EmbeddedActionsParser {
  /** The cell being parsed: metrics and expectations keep their text. */
  source = '';

  /*
   * The alternatives of the ORs a statement passes through most, made on the first call and kept
   * (Chevrotain's own performance advice): written inline, every call of `primary` made thirteen
   * closures, and such arrays were a third of what parsing allocated.
   */
  private statementAlternatives?: IOrAlt<Statement | undefined>[];
  private nameAlternatives?: IOrAlt<IToken>[];
  private separatorAlternatives?: IOrAlt<IToken>[];
  private partitionConditionAlternatives?: IOrAlt<Expr | undefined>[];
  private segmentRefAlternatives?: IOrAlt<SegmentRef>[];
  private expressionAlternatives?: IOrAlt<Step>[];
  private comparisonTailAlternatives?: IOrAlt<Tail>[];
  private prefixAlternatives?: IOrAlt<IToken>[];
  private primaryAlternatives?: IOrAlt<Expr>[];
  private orderAlternatives?: IOrAlt<IToken>[];
  private clauseAlternatives?: IOrAlt<Clause>[];

  /**
   * `validate`: check the grammar (ambiguities, left recursion, …) while building the parser.
   * The app's parser skips it, since it is part of what the page does while DuckDB compiles;
   * test/lang/grammar-valid.test.ts builds one that checks.
   */
  constructor(validate = false) {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 2, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  /** From `first` to the last token read: the span of what a rule read since. */
  private spanSince(first: IToken): Span {
    return spanOfTokens(first, this.LA(0));
  }

  /** The source text from `first` to the last token read. */
  private textSince(first: IToken): string {
    const last = this.LA(0);
    return this.source.slice(first.startOffset, (last.endOffset ?? last.startOffset) + 1);
  }

  program = this.RULE('program', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.statement) },
        { ALT: () => this.CONSUME(T.Semicolon) },
      ]);
    });
  });

  statement = this.RULE('statement', (): Statement | undefined =>
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
    ])),
  );

  name = this.RULE(
    'name',
    (): Name => nameOf(this.OR((this.nameAlternatives ??= [{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.QuotedIdentifier) }]))),
    { recoveryValueFunc: missingName },
  );

  populationStatement = this.RULE('populationStatement', (): Statement => {
    const first = this.CONSUME(T.Population);
    const name = this.SUBRULE(this.name, { LABEL: 'populationName' });
    const table = this.OPTION(() => {
      this.CONSUME(T.Equals);
      return this.SUBRULE2(this.name, { LABEL: 'table' });
    });
    this.CONSUME(T.Key);
    const key = this.SUBRULE3(this.name, { LABEL: 'key' });
    const where = this.OPTION2(() => {
      this.CONSUME(T.Where);
      return this.SUBRULE(this.expression, { LABEL: 'where' });
    });
    return { kind: 'population', name, table, key, where, span: this.spanSince(first) };
  });

  linkStatement = this.RULE('linkStatement', (): Statement => {
    const first = this.CONSUME(T.Link);
    const table = this.SUBRULE(this.name, { LABEL: 'table' });
    const alias = this.OPTION(() => {
      this.CONSUME(T.As);
      return this.SUBRULE2(this.name, { LABEL: 'alias' });
    });
    const population = this.OPTION2(() => {
      this.CONSUME(T.To);
      return this.SUBRULE3(this.name, { LABEL: 'population' });
    });
    this.CONSUME(T.On);
    const on = this.SUBRULE4(this.name, { LABEL: 'on' });
    const time = this.OPTION3(() => {
      this.CONSUME(T.Time);
      return this.SUBRULE5(this.name, { LABEL: 'time' });
    });
    return { kind: 'link', table, alias, population, on, time, span: this.spanSince(first) };
  });

  ofPopulation = this.RULE(
    'ofPopulation',
    (): Name => {
      this.CONSUME(T.Of);
      return this.SUBRULE(this.name);
    },
    { recoveryValueFunc: missingName },
  );

  letStatement = this.RULE('letStatement', (): Statement => {
    const first = this.CONSUME(T.Let);
    const name = this.SUBRULE(this.name);
    const population = this.OPTION(() => this.SUBRULE(this.ofPopulation));
    this.CONSUME(T.Equals);
    const expr = this.SUBRULE(this.expression);
    return { kind: 'let', name, population, expr, span: this.spanSince(first) };
  });

  segmentStatement = this.RULE('segmentStatement', (): Statement => {
    const first = this.CONSUME(T.Segment);
    const name = this.SUBRULE(this.name);
    const population = this.OPTION(() => this.SUBRULE(this.ofPopulation));
    this.CONSUME(T.Equals);
    const expr = this.SUBRULE(this.expression);
    return { kind: 'segment', name, population, expr, span: this.spanSince(first) };
  });

  partitionStatement = this.RULE('partitionStatement', (): Statement => {
    const first = this.CONSUME(T.Partition);
    const name = this.SUBRULE(this.name);
    const population = this.OPTION(() => this.SUBRULE(this.ofPopulation));
    this.CONSUME(T.LBrace);
    const parts: PartitionPart[] = [];
    this.MANY(() => {
      parts.push(this.SUBRULE(this.partitionPart));
      this.OPTION2(() => this.OR((this.separatorAlternatives ??= [{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME(T.Semicolon) }])));
    });
    this.CONSUME(T.RBrace);
    return { kind: 'partition', name, population, parts, span: this.spanSince(first) };
  });

  partitionPart = this.RULE(
    'partitionPart',
    (): PartitionPart => {
      const first = this.LA(1);
      const name = this.SUBRULE(this.name);
      this.CONSUME(T.Colon);
      const condition = this.OR((this.partitionConditionAlternatives ??= [
        {
          ALT: () => {
            this.CONSUME(T.Otherwise);
            return undefined;
          },
        },
        { ALT: () => this.SUBRULE(this.expression) },
      ]));
      return { name, condition, span: this.spanSince(first) };
    },
    { recoveryValueFunc: (): PartitionPart => ({ name: missingName(), condition: undefined, span: emptySpan }) },
  );

  splitStatement = this.RULE('splitStatement', (): Statement => {
    const first = this.CONSUME(T.Split);
    const name = this.SUBRULE(this.name);
    this.CONSUME(T.Equals);
    const segment = this.SUBRULE(this.segmentRef);
    this.CONSUME(T.Into);
    const arms: SplitArm[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => arms.push(this.SUBRULE(this.splitArm)) });
    const seed = this.OPTION(() => {
      this.CONSUME(T.Seed);
      return unquoteString(this.CONSUME(T.StringLiteral).image);
    });
    return { kind: 'split', name, segment, arms, seed, span: this.spanSince(first) };
  });

  splitArm = this.RULE(
    'splitArm',
    (): SplitArm => {
      const first = this.LA(1);
      const name = this.SUBRULE(this.name);
      const percent = this.CONSUME(T.NumberLiteral);
      this.CONSUME(T.Percent);
      return { name, percent: parseNumber(percent.image), span: this.spanSince(first) };
    },
    { recoveryValueFunc: (): SplitArm => ({ name: missingName(), percent: NaN, span: emptySpan }) },
  );

  asofStatement = this.RULE('asofStatement', (): Statement => {
    const first = this.CONSUME(T.Asof);
    const date = this.CONSUME(T.DateLiteral);
    return { kind: 'asof', date: date.image, span: this.spanSince(first) };
  });

  segmentList = this.RULE(
    'segmentList',
    (): SegmentRef[] => {
      const segments: SegmentRef[] = [];
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => segments.push(this.SUBRULE(this.segmentRef)) });
      return segments;
    },
    { recoveryValueFunc: () => [] },
  );

  segmentRef = this.RULE(
    'segmentRef',
    (): SegmentRef =>
      this.OR((this.segmentRefAlternatives ??= [
        { ALT: () => ({ name: undefined, member: undefined, span: spanOfToken(this.CONSUME(T.Everyone)) }) },
        {
          ALT: () => {
            const first = this.LA(1);
            const name = this.SUBRULE(this.name);
            const member = this.OPTION(() => {
              this.CONSUME(T.Dot);
              return this.SUBRULE2(this.name, { LABEL: 'member' });
            });
            return { name, member, span: this.spanSince(first) };
          },
        },
      ])),
    { recoveryValueFunc: missingSegmentRef },
  );

  compareStatement = this.RULE('compareStatement', (): Statement => {
    const first = this.CONSUME(T.Compare);
    const segments = this.SUBRULE(this.segmentList);
    const metrics: Metric[] = [];
    this.OPTION(() => {
      this.CONSUME(T.On);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => metrics.push(this.SUBRULE(this.metric)) });
    });
    const by = this.OPTION2((): Metric => {
      this.CONSUME(T.By);
      const start = this.LA(1);
      const expr = this.SUBRULE(this.expression, { LABEL: 'by' });
      const text = compactText(this.textSince(start));
      const span = this.spanSince(start);
      const alias = this.OPTION3(() => {
        this.CONSUME(T.As);
        return this.SUBRULE(this.name, { LABEL: 'byAlias' });
      });
      return { expr, alias, text, span };
    });
    return { kind: 'compare', segments, metrics, by, span: this.spanSince(first) };
  });

  metric = this.RULE(
    'metric',
    (): Metric => {
      const first = this.LA(1);
      const expr = this.SUBRULE(this.expression);
      const text = compactText(this.textSince(first));
      const alias = this.OPTION(() => {
        this.CONSUME(T.As);
        return this.SUBRULE(this.name, { LABEL: 'alias' });
      });
      return { expr, alias, text, span: this.spanSince(first) };
    },
    { recoveryValueFunc: (): Metric => ({ expr: missingExpr(), alias: undefined, text: '', span: emptySpan }) },
  );

  overlapStatement = this.RULE('overlapStatement', (): Statement => {
    const first = this.CONSUME(T.Overlap);
    const segments = this.SUBRULE(this.segmentList);
    return { kind: 'overlap', segments, span: this.spanSince(first) };
  });

  profileStatement = this.RULE('profileStatement', (): Statement => {
    const first = this.CONSUME(T.Profile);
    const segment = this.SUBRULE(this.segmentRef, { LABEL: 'segment' });
    const baseline = this.OPTION(() => {
      this.CONSUME(T.Vs);
      return this.SUBRULE2(this.segmentRef, { LABEL: 'baseline' });
    });
    return { kind: 'profile', segment, baseline, span: this.spanSince(first) };
  });

  trendStatement = this.RULE('trendStatement', (): Statement => {
    const first = this.CONSUME(T.Trend);
    const segments = this.SUBRULE(this.segmentList);
    this.CONSUME(T.Every);
    const every = this.SUBRULE(this.duration);
    this.CONSUME(T.From);
    const from = this.CONSUME(T.DateLiteral, { LABEL: 'from' });
    this.CONSUME(T.To);
    const to = this.CONSUME2(T.DateLiteral, { LABEL: 'to' });
    return {
      kind: 'trend',
      segments,
      every,
      from: { value: from.image, span: spanOfToken(from) },
      to: { value: to.image, span: spanOfToken(to) },
      span: this.spanSince(first),
    };
  });

  showStatement = this.RULE('showStatement', (): Statement => {
    const first = this.CONSUME(T.Show);
    const segment = this.SUBRULE(this.segmentRef);
    const limit = this.OPTION(() => {
      this.CONSUME(T.Limit);
      const count = this.CONSUME(T.NumberLiteral);
      return { value: parseNumber(count.image), span: spanOfToken(count) };
    });
    return { kind: 'show', segment, limit, span: this.spanSince(first) };
  });

  expectStatement = this.RULE('expectStatement', (): Statement => {
    const first = this.CONSUME(T.Expect);
    const start = this.LA(1);
    const expr = this.SUBRULE(this.expression);
    return { kind: 'expect', expr, text: this.textSince(start), span: this.spanSince(first) };
  });

  duration = this.RULE(
    'duration',
    (): Duration => {
      const amount = this.CONSUME(T.NumberLiteral);
      const unit = this.CONSUME(T.Identifier, { LABEL: 'unit', ERR_MSG: `${EXPECTED} a unit: days, weeks, months or years` });
      return durationOf(amount, unit, spanOfTokens(amount, unit));
    },
    { recoveryValueFunc: missingDuration },
  );

  /**
   * An expression is read flat — operands, infix operators and comparison tails in source order —
   * and expressionOf applies SQL's precedence. A rule per precedence level would cost a dozen rule
   * calls for every name in a condition.
   */
  expression = this.RULE(
    'expression',
    (): Expr => {
      const first = this.SUBRULE(this.operand, { LABEL: 'operands' });
      let steps: Step[] | undefined;
      this.MANY(() => {
        (steps ??= []).push(
          this.OR((this.expressionAlternatives ??= [
            {
              ALT: (): Infix => {
                const operator = this.CONSUME(T.BinaryOperator, { LABEL: 'operators' });
                return { kind: 'infix', operator, operand: this.SUBRULE2(this.operand, { LABEL: 'operands' }) };
              },
            },
            { ALT: () => this.SUBRULE(this.comparisonTail, { LABEL: 'tails' }) },
          ])),
        );
      });
      return this.RECORDING_PHASE ? missingExpr() : expressionOf(first, steps);
    },
    { recoveryValueFunc: missingExpr },
  );

  /** `is [not] null`, `[not] between A and B`, `[not] in (...)`, `[not] like|ilike P` after a value. */
  comparisonTail = this.RULE(
    'comparisonTail',
    (): Tail =>
      this.OR((this.comparisonTailAlternatives ??= [
        {
          ALT: (): Tail => {
            const first = this.CONSUME(T.Is);
            const not = this.OPTION(() => this.CONSUME(T.Not));
            this.CONSUME(T.Null);
            return { kind: 'tail', type: 'isNull', negated: not !== undefined, span: this.spanSince(first) };
          },
        },
        {
          ALT: (): Tail => {
            const first = this.LA(1);
            const negated = this.OPTION2(() => this.CONSUME2(T.Not, { LABEL: 'negated' })) !== undefined;
            let tail: Tail | undefined;
            this.OR2([
              {
                ALT: () => {
                  this.CONSUME(T.Between);
                  const low = this.SUBRULE(this.arithmetic, { LABEL: 'low' });
                  this.CONSUME(T.And);
                  const high = this.SUBRULE2(this.arithmetic, { LABEL: 'high' });
                  tail = { kind: 'tail', type: 'between', low, high, negated, span: this.spanSince(first) };
                },
              },
              {
                ALT: () => {
                  this.CONSUME(T.In);
                  this.CONSUME(T.LParen);
                  const list: Expr[] = [];
                  this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => list.push(this.SUBRULE(this.expression, { LABEL: 'list' })) });
                  this.CONSUME(T.RParen);
                  tail = { kind: 'tail', type: 'in', list, negated, span: this.spanSince(first) };
                },
              },
              {
                ALT: () => {
                  const like = this.OR3([{ ALT: () => this.CONSUME(T.Like) }, { ALT: () => this.CONSUME(T.Ilike) }]);
                  const pattern = this.SUBRULE3(this.arithmetic, { LABEL: 'pattern' });
                  tail = { kind: 'tail', type: 'like', pattern, negated, caseInsensitive: like.tokenType === T.Ilike, span: this.spanSince(first) };
                },
              },
            ]);
            return tail ?? missingTail();
          },
        },
      ])),
    { recoveryValueFunc: missingTail },
  );

  /** Operands joined by + - * / % only: the bounds of between and the pattern of like. */
  arithmetic = this.RULE(
    'arithmetic',
    (): Expr => {
      const first = this.SUBRULE(this.operand, { LABEL: 'operands' });
      let steps: Infix[] | undefined;
      this.MANY(() => {
        const operator = this.CONSUME(T.ArithmeticOperator, { LABEL: 'operators' });
        (steps ??= []).push({ kind: 'infix', operator, operand: this.SUBRULE2(this.operand, { LABEL: 'operands' }) });
      });
      return this.RECORDING_PHASE ? missingExpr() : expressionOf(first, steps);
    },
    { recoveryValueFunc: missingExpr },
  );

  /** A primary value with its prefix operators: `not`, unary `-`. */
  operand = this.RULE(
    'operand',
    (): Operand => {
      let prefixes: IToken[] | undefined;
      this.MANY(() => {
        (prefixes ??= []).push(
          this.OR((this.prefixAlternatives ??= [{ ALT: () => this.CONSUME(T.Not, { LABEL: 'prefixes' }) }, { ALT: () => this.CONSUME(T.Minus, { LABEL: 'prefixes' }) }])),
        );
      });
      return { prefixes: prefixes ?? NO_PREFIXES, primary: this.SUBRULE(this.primary) };
    },
    { recoveryValueFunc: missingOperand },
  );

  primary = this.RULE(
    'primary',
    (): Expr => {
      const alternatives = (this.primaryAlternatives ??= [
        {
          // `3 months` is a duration; `month(d)` (an identifier followed by a parenthesis) is a call.
          GATE: () => this.startsDuration(),
          ALT: () => this.SUBRULE(this.duration),
        },
        { ALT: () => numberLiteral(this.CONSUME(T.NumberLiteral)) },
        { ALT: () => stringLiteral(this.CONSUME(T.StringLiteral)) },
        { ALT: () => dateLiteral(this.CONSUME(T.DateLiteral)) },
        { ALT: () => ({ type: 'boolean', value: true, span: spanOfToken(this.CONSUME(T.True)) }) },
        { ALT: () => ({ type: 'boolean', value: false, span: spanOfToken(this.CONSUME(T.False)) }) },
        { ALT: () => ({ type: 'null', span: spanOfToken(this.CONSUME(T.Null)) }) },
        { ALT: () => ({ type: 'asof', span: spanOfToken(this.CONSUME(T.Asof)) }) },
        { ALT: () => ({ type: 'everyone', span: spanOfToken(this.CONSUME(T.Everyone)) }) },
        { ALT: () => this.SUBRULE(this.caseExpression) },
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            const inner = this.SUBRULE(this.expression);
            this.CONSUME(T.RParen);
            return inner;
          },
        },
        { ALT: () => this.SUBRULE(this.call) },
        { ALT: () => this.SUBRULE(this.reference) },
      ]);
      const chosen = this.RECORDING_PHASE ? undefined : this.primaryAlternative();
      return chosen === undefined ? this.OR(alternatives) : alternatives[chosen]!.ALT();
    },
    { recoveryValueFunc: missingExpr },
  );

  /**
   * The alternative of `primary` the next tokens pick, as OR's lookahead would pick it
   * (test/lang/primary-lookahead.test.ts checks the two agree); undefined leaves the choice, and
   * the error when there is none, to OR. With a GATE among them, OR tries primary's thirteen
   * alternatives one by one, and primary is the rule parsed most.
   */
  primaryAlternative(): number | undefined {
    const next = this.LA(1).tokenType;
    if (next === T.NumberLiteral) return this.startsDuration() ? PRIMARY.duration : PRIMARY.number;
    if (next === T.Identifier) return this.LA(2).tokenType === T.LParen ? PRIMARY.call : PRIMARY.reference;
    return PRIMARY_BY_FIRST_TOKEN.get(next);
  }

  private startsDuration(): boolean {
    return isDurationUnit(this.LA(2)) && this.LA(3).tokenType !== T.LParen;
  }

  reference = this.RULE(
    'reference',
    (): Expr => {
      const first = this.LA(1);
      const name = this.SUBRULE(this.name);
      const member = this.OPTION(() => {
        this.CONSUME(T.Dot);
        return this.SUBRULE2(this.name, { LABEL: 'member' });
      });
      return { type: 'reference', name, member, span: this.spanSince(first) };
    },
    { recoveryValueFunc: missingExpr },
  );

  call = this.RULE(
    'call',
    (): Expr => {
      const fn = this.CONSUME(T.Identifier, { LABEL: 'function' });
      this.CONSUME(T.LParen);
      const args: Expr[] = [];
      let order: IToken | undefined;
      const clauses: Clause[] = [];
      this.OPTION(() => {
        args.push(this.SUBRULE(this.expression, { LABEL: 'args' }));
        this.MANY(() => {
          this.CONSUME(T.Comma);
          args.push(this.SUBRULE2(this.expression, { LABEL: 'args' }));
        });
        order = this.OPTION2(() => this.OR((this.orderAlternatives ??= [{ ALT: () => this.CONSUME(T.Asc) }, { ALT: () => this.CONSUME(T.Desc) }])));
        this.MANY2(() => {
          clauses.push(
            this.OR2((this.clauseAlternatives ??= [
              {
                ALT: (): Clause => {
                  const keyword = this.CONSUME(T.Where);
                  return { kind: 'where', keyword, where: this.SUBRULE3(this.expression, { LABEL: 'where' }) };
                },
              },
              {
                ALT: (): Clause => {
                  const keyword = this.CONSUME(T.Within);
                  return { kind: 'within', keyword, within: this.SUBRULE2(this.duration, { LABEL: 'within' }) };
                },
              },
            ])),
          );
        });
      });
      this.CONSUME(T.RParen);
      return callOf(fn, args, order, clauses, this.spanSince(fn));
    },
    { recoveryValueFunc: missingExpr },
  );

  caseExpression = this.RULE(
    'caseExpression',
    (): Expr => {
      const first = this.CONSUME(T.Case);
      const whens: { condition: Expr; result: Expr }[] = [];
      this.AT_LEAST_ONE(() => {
        this.CONSUME(T.When);
        const condition = this.SUBRULE(this.expression, { LABEL: 'conditions' });
        this.CONSUME(T.Then);
        whens.push({ condition, result: this.SUBRULE2(this.expression, { LABEL: 'results' }) });
      });
      const otherwise = this.OPTION(() => {
        this.CONSUME(T.Else);
        return this.SUBRULE3(this.expression, { LABEL: 'otherwise' });
      });
      this.CONSUME(T.End);
      return { type: 'case', whens, otherwise, span: this.spanSince(first) };
    },
    { recoveryValueFunc: missingExpr },
  );
}

/** A call; its `where` and `within` clauses come in either order, and the first of each counts. */
function callOf(fn: IToken, args: Expr[], order: IToken | undefined, clauses: Clause[], span: Span): Call {
  let where: Expr | undefined;
  let within: Duration | undefined;
  let secondWhere: IToken | undefined;
  let secondWithin: IToken | undefined;
  for (const clause of clauses) {
    if (clause.kind === 'where') {
      if (where) secondWhere ??= clause.keyword;
      else where = clause.where;
    } else if (within) {
      secondWithin ??= clause.keyword;
    } else {
      within = clause.within;
    }
  }
  const repeated = secondWhere
    ? { clause: 'where' as const, span: spanOfToken(secondWhere) }
    : secondWithin ? { clause: 'within' as const, span: spanOfToken(secondWithin) } : undefined;
  return {
    type: 'call',
    name: { text: fn.image, span: spanOfToken(fn) },
    args,
    order: order?.tokenType === T.Desc ? 'desc' : order?.tokenType === T.Asc ? 'asc' : undefined,
    where,
    within,
    ...(repeated && { repeated }),
    span,
  };
}

/** Where primary's alternatives sit in its OR. */
const PRIMARY = { duration: 0, number: 1, call: 11, reference: 12 } as const;

/** primary's alternatives that their first token decides. */
const PRIMARY_BY_FIRST_TOKEN = new Map<TokenType, number>([
  [T.StringLiteral, 2], [T.DateLiteral, 3], [T.True, 4], [T.False, 5], [T.Null, 6], [T.Asof, 7], [T.Everyone, 8],
  [T.Case, 9], [T.LParen, 10], [T.QuotedIdentifier, PRIMARY.reference],
]);

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
  /** undefined when error recovery cut the statement short. */
  statement: Statement | undefined;
  tokens: IToken[];
  errors: SyntaxProblem[];
}

/**
 * Splits the tokens at every statement keyword and parses each statement on its own, so a
 * mistake in one statement never hides the statements after it (spec §7: report every error).
 */
export function parseStatements(tokens: IToken[], source: string): ParsedStatement[] {
  const parser = segqlParser();
  parser.source = source;
  return splitAtStatements(tokens).map((chunk) => {
    parser.input = chunk;
    const statement = parser.statement();
    const errors = parser.errors.map((e) => ({
      name: e.name,
      message: e.message,
      token: e.token,
      previousToken: (e as { previousToken?: IToken }).previousToken,
    }));
    return { statement, tokens: chunk, errors };
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
