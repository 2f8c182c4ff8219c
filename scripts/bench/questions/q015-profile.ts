import { RETAIL, type Question } from './question.ts';

/** Text and boolean columns with at most 50 distinct values (city has 53, so it is not one). */
const AS_THEY_ARE = ['first_name', 'gender', 'country', 'region', 'city_size', 'acquisition_channel', 'interest', 'lifestyle', 'core_value', 'price_sensitivity'];
/** Numbers, binned into quartiles; signup_date, a date, is left out (spec §5). Spend is rounded to cents so that quartile ties do not depend on the order an engine adds the amounts in. */
const QUARTILES = ['age', 'income', 'spend'];

const quartile = (c: string) =>
  `CASE WHEN ${c} IS NOT NULL THEN 'Q' || CAST(ceil(4 * cume_dist() OVER (PARTITION BY ${c} IS NULL ORDER BY ${c})) AS INTEGER) END AS ${c}`;

/**
 * Spec §10 orders ties in abs(ln(lift)) by attribute: lifts equally far from 1 (×2.5 and ×0.4) differ
 * in the last bit of a double, so the order compares them to 12 decimals.
 */
export const q015: Question = {
  id: '015',
  title: 'profile of the best customers',
  cells: [
    `${RETAIL}
let spend = round(sum(orders.amount), 2)
segment vip = spend >= 2000`,
    'profile vip',
  ],
  hand: `
WITH per_customer AS (
  SELECT customer_id, round(sum(amount), 2) AS spend
  FROM orders
  WHERE order_date <= DATE '2024-06-30'
  GROUP BY customer_id
),
people AS (
  SELECT c.*, coalesce(p.spend, 0) AS spend, coalesce(p.spend, 0) >= 2000 AS vip
  FROM customers c LEFT JOIN per_customer p USING (customer_id)
),
attributes AS (
  SELECT vip, ${AS_THEY_ARE.join(', ')}, CAST(email_opt_in AS VARCHAR) AS email_opt_in,
    ${QUARTILES.map(quartile).join(',\n    ')}
  FROM people
),
long AS (
  SELECT * FROM attributes
  UNPIVOT INCLUDE NULLS (value FOR attribute IN (${[...AS_THEY_ARE, 'email_opt_in', ...QUARTILES].join(', ')}))
),
shares AS (
  SELECT attribute, value,
    count(*) FILTER (WHERE vip) / (SELECT count(*) FROM people WHERE vip) AS segment_share,
    count(*) / (SELECT count(*) FROM people) AS baseline_share
  FROM long
  GROUP BY attribute, value
)
SELECT attribute, value, segment_share, baseline_share, segment_share / baseline_share AS lift
FROM shares
ORDER BY CASE WHEN lift > 0 THEN round(abs(ln(lift)), 12) END DESC NULLS LAST, attribute, value NULLS LAST`,
};
