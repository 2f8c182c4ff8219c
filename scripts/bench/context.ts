/** What every row receives: the options, the shared engines and question timings, the data at each scale, a log line. */
import type { RetailData, Scale } from './data.ts';
import type { BenchEngines } from './engines.ts';
import type { BenchOptions } from './options.ts';
import type { QuestionRuns } from './question-runs.ts';

export interface BenchContext {
  options: BenchOptions;
  engines: BenchEngines;
  questionRuns: QuestionRuns;
  /** Where rows leave their by-products (plans, bundles): bench-data/ in a real run. */
  workDir: string;
  data(scale: Scale): Promise<RetailData>;
  log(line: string): void;
}
