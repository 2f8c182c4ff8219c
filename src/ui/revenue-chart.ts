// The shell's first chart: monthly revenue per sales channel, from one SQL query.
import * as Plot from '@observablehq/plot';
import type { Engine, QueryResult } from '../engine/types.ts';

export const REVENUE_BY_MONTH_SQL = `SELECT CAST(date_trunc('month', order_date) AS DATE) AS month,
       channel,
       sum(amount) AS revenue
FROM orders
WHERE order_date IS NOT NULL
GROUP BY ALL
ORDER BY month, channel`;

const COMPACT = new Intl.NumberFormat('en', { notation: 'compact' });

export interface RevenuePoint {
  month: Date;
  channel: string;
  revenue: number;
}

export async function queryRevenueByMonth(engine: Engine, signal: AbortSignal): Promise<RevenuePoint[]> {
  return toPoints(await engine.query(REVENUE_BY_MONTH_SQL, { signal }));
}

function toPoints(result: QueryResult): RevenuePoint[] {
  const [month, channel, revenue] = ['month', 'channel', 'revenue'].map((name) => result.columns.indexOf(name));
  return result.rows.map((row) => {
    const date = new Date(`${row[month]}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) throw new Error(`the query returned ${String(row[month])} where a month was expected`);
    return { month: date, channel: String(row[channel]), revenue: Number(row[revenue]) };
  });
}

export function revenueChart(points: RevenuePoint[], width: number): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width,
    height: 360,
    marginLeft: 56,
    style: { fontSize: '12px', overflow: 'visible' },
    x: { type: 'utc', label: 'Month' },
    y: { label: 'Revenue', grid: true, zero: true, tickFormat: COMPACT.format },
    color: { legend: true, label: 'Channel' },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(points, { x: 'month', y: 'revenue', stroke: 'channel', strokeWidth: 1.75 }),
      Plot.tip(points, Plot.pointer({
        x: 'month',
        y: 'revenue',
        stroke: 'channel',
        title: (p: RevenuePoint) =>
          `${p.channel}\n${p.month.toISOString().slice(0, 7)}\n${Math.round(p.revenue).toLocaleString('en')}`,
      })),
    ],
  });
}
