/**
 * Times one question at one scale: the hand-written SQL on DuckDB-WASM, and as asked the compiled
 * SQL on DuckDB-WASM (row 1) and the hand-written SQL on native DuckDB (row 2), all in the same
 * interleaved rounds. Rows 1 and 2 share the result, so the 1M queries run once for both.
 */
import type { QueryResult } from '../../src/engine/types.ts';
import { answerDifference } from './answers.ts';
import { compiledSql } from './compiled.ts';
import type { BenchEngines } from './engines.ts';
import type { RetailData } from './data.ts';
import type { Question } from './questions/index.ts';
import { interleave, warmUp, type Rounds, type Timing, type Variant } from './timing.ts';

export type QueryVariant = 'hand' | 'compiled' | 'native';

export interface QuestionRun {
  question: Question;
  data: RetailData;
  compiledSql?: string;
  /** Why a variant was not timed: its answer differs from the hand-written SQL's on DuckDB-WASM. */
  differences: Map<QueryVariant, string>;
  timings: Map<QueryVariant, Timing>;
}

export interface Wanted {
  compiled: boolean;
  native: boolean;
}

export class QuestionRuns {
  private readonly runs = new Map<string, QuestionRun>();

  constructor(
    private readonly engines: BenchEngines,
    private readonly rounds: Rounds & { warmups: number },
  ) {}

  async measure(question: Question, data: RetailData, wanted: Wanted): Promise<QuestionRun> {
    const key = `${data.scale} ${question.id}`;
    const known = this.runs.get(key);
    if (known && covers(known, wanted)) return known;
    const run = await this.time(question, data, wanted);
    this.runs.set(key, run);
    return run;
  }

  private async time(question: Question, data: RetailData, wanted: Wanted): Promise<QuestionRun> {
    const wasm = await this.engines.wasm(data);
    const run: QuestionRun = { question, data, differences: new Map(), timings: new Map() };
    const variants: Variant<QueryResult>[] = [{ name: 'hand', run: () => wasm.query(question.hand) }];
    if (wanted.compiled) {
      const sql = (run.compiledSql = compiledSql(question, await wasm.catalog()));
      variants.push({ name: 'compiled', run: () => wasm.query(sql) });
    }
    if (wanted.native) {
      const native = await this.engines.native(data);
      variants.push({ name: 'native', run: () => native.query(question.hand) });
    }
    const first = await warmUp(variants, this.rounds.warmups);
    const agreeing = variants.filter((v) => {
      if (v.name === 'hand') return true;
      const difference = answerDifference(first.get('hand')!, first.get(v.name)!);
      if (difference) run.differences.set(v.name as QueryVariant, difference);
      return !difference;
    });
    for (const [name, timing] of await interleave(agreeing, this.rounds)) run.timings.set(name as QueryVariant, timing);
    return run;
  }
}

function covers(run: QuestionRun, wanted: Wanted): boolean {
  const has = (v: QueryVariant) => run.timings.has(v) || run.differences.has(v);
  return (!wanted.compiled || has('compiled')) && (!wanted.native || has('native'));
}
