/**
 * A realistic SegQL notebook of about N lines for the compile-latency row: one population and
 * link, then chapters like the sample notebooks' — lets with where/within aggregates and
 * quantiles, segments built on other chapters' definitions, partitions, and compare, overlap,
 * profile, show, trend, split and expect statements — each chapter's names its own.
 */
import type { Catalog } from '../../src/lang/index.ts';

/**
 * The generated retail tables as DuckDB's read_csv types them, with what the engine's statistics say
 * (the generated dates are never null); the smoke test checks this against the engine.
 */
export const RETAIL_CATALOG: Catalog = {
  tables: [
    {
      name: 'customers',
      kind: 'table',
      columns: [
        ['customer_id', 'BIGINT'], ['first_name', 'VARCHAR'], ['gender', 'VARCHAR'], ['age', 'BIGINT'], ['country', 'VARCHAR'],
        ['region', 'VARCHAR'], ['city', 'VARCHAR'], ['city_size', 'VARCHAR'], ['signup_date', 'DATE'], ['email_opt_in', 'BOOLEAN'],
        ['income', 'BIGINT'], ['acquisition_channel', 'VARCHAR'], ['interest', 'VARCHAR'], ['lifestyle', 'VARCHAR'],
        ['core_value', 'VARCHAR'], ['price_sensitivity', 'VARCHAR'],
      ].map(column),
    },
    {
      name: 'orders',
      kind: 'table',
      columns: [
        ['order_id', 'BIGINT'], ['customer_id', 'BIGINT'], ['order_date', 'DATE'], ['amount', 'DOUBLE'], ['channel', 'VARCHAR'],
        ['category', 'VARCHAR'], ['discount', 'DOUBLE'],
      ].map(column),
    },
  ],
};

function column([name, type]: string[]): { name: string; type: string; hasNulls?: boolean } {
  return { name: name!, type: type!, ...(type === 'DATE' ? { hasNulls: false } : {}) };
}

const CHANNELS = ['web', 'store', 'app'];
const CATEGORIES = ['grocery', 'fashion', 'electronics', 'home', 'beauty', 'toys'];
const WINDOWS = ['30 days', '90 days', '6 months', '1 year', '12 weeks'];
const COUNTRIES = ["'US', 'GB'", "'DE', 'FR', 'NL'", "'SE', 'ES'", "'BR', 'MX'"];
const DIMENSIONS = ['region', 'lifestyle', 'city_size', 'acquisition_channel', 'year(signup_date) as signup_year'];

/** Cells of SegQL source, about `lines` lines in all. */
export function notebookCells(lines: number): string[] {
  const cells = ['population customers key customer_id\nlink orders on customer_id time order_date'];
  let total = 2;
  for (let k = 0; total < lines; k++) {
    for (const cell of chapter(k)) {
      cells.push(cell);
      total += cell.split('\n').length;
    }
  }
  return cells;
}

function chapter(k: number): string[] {
  const channel = CHANNELS[k % CHANNELS.length];
  const category = CATEGORIES[k % CATEGORIES.length];
  const window = WINDOWS[k % WINDOWS.length];
  const previous = k > 0 ? k - 1 : 0;
  const threshold = 400 + ((k * 137) % 1600);
  const lets = [
    `let spend_${k} = sum(orders.amount)`,
    `let ${channel}_orders_${k} = count(orders where channel = '${channel}')`,
    `let recent_spend_${k} = sum(orders.amount within ${window})`,
    `let basket_${k} = avg(orders.amount where category = '${category}' within 1 year)`,
    `let categories_${k} = count_distinct(orders.category within 6 months)`,
    `let days_idle_${k} = days_since(max(orders.order_date))`,
    `let discounted_${k} = count(orders where discount > 0.1 and channel != 'store') / (${channel}_orders_${k} + 1)`,
    `let recency_${k} = quantile(5, days_idle_${k} desc)`,
  ].join('\n');
  const segments = [
    `segment big_${k} = spend_${k} >= ${threshold} and age between 25 and 60`,
    `segment fans_${k} = ${channel}_orders_${k} >= 3 and email_opt_in`,
    `segment lapsed_${k} = days_idle_${k} > 180 or days_idle_${k} is null`,
    `segment locals_${k} = age < 35 and city_size = 'urban' and country in (${COUNTRIES[k % COUNTRIES.length]})`,
    `segment engaged_${k} = (big_${k} or fans_${k}) and not lapsed_${previous} and recency_${k} >= 3`,
    `compare everyone, big_${k}, fans_${k}, lapsed_${k}, engaged_${k} on avg(spend_${k}) as avg_spend, median(days_idle_${k}), pct(email_opt_in)`,
  ].join('\n');
  const partition = [
    `partition tier_${k} {`,
    `  gold: spend_${k} >= ${threshold * 2}`,
    `  silver: spend_${k} >= ${threshold} and recency_${k} >= 3`,
    `  bronze: spend_${k} > 0`,
    '  dormant: otherwise',
    '}',
    `compare tier_${k} on avg(recent_spend_${k}), count_distinct(country) by ${DIMENSIONS[k % DIMENSIONS.length]}`,
  ].join('\n');
  const analyses = [
    `overlap big_${k}, fans_${k}, locals_${k}`,
    `profile engaged_${k}${k > 0 ? ` vs big_${previous}` : ''}`,
    `show tier_${k}.gold limit 20`,
    k % 3 === 0 ? `trend engaged_${k}, tier_${k}.gold every 1 month from 2024-01-31 to 2024-06-30` : `compare engaged_${k}, everyone on avg(basket_${k}), max(categories_${k}) by lifestyle`,
    k % 4 === 1 ? `split test_${k} = engaged_${k} into email 40%, sms 40%, control 20%` : `expect size(engaged_${k}) >= 0 and share(big_${k}) < 1`,
  ].join('\n');
  return [lets, segments, partition, analyses];
}
