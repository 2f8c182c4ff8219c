/** The chart for a result, by the statement that made it; statements without one (show, expect, sql) get none. */
import type { CellResult } from '../notebook/outcome.ts';
import type { ChartContext } from './common.ts';
import { compareChart } from './compare.ts';
import { overlapChart } from './overlap.ts';
import { profileChart } from './profile.ts';
import { splitChart } from './split.ts';
import { trendChart } from './trend.ts';

export type { ChartContext } from './common.ts';
export { compareChart, overlapChart, profileChart, splitChart, trendChart };

const CHARTS: Partial<Record<string, (result: CellResult, context: ChartContext) => Element>> = {
  compare: compareChart,
  overlap: overlapChart,
  profile: profileChart,
  split: splitChart,
  trend: trendChart,
};

export function chartFor(result: CellResult, context: ChartContext): Element | undefined {
  const draw = CHARTS[result.statement];
  return draw && result.rows.length > 0 ? draw(result, context) : undefined;
}
