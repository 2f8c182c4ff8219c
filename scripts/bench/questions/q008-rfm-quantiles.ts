import { RETAIL, type Question } from './question.ts';

export const q008: Question = {
  id: '008',
  title: 'RFM with quantiles',
  cells: [
    `${RETAIL}
let recency = days_since(max(orders.order_date))
let frequency = count(orders)
let monetary = round(sum(orders.amount), 2)
let r = quantile(5, recency desc)
let f = quantile(5, frequency)
let m = quantile(5, monetary asc)
segment champions = r >= 4 and f >= 4 and m >= 4
segment at_risk = r <= 2 and f >= 3
segment no_recency = r is null`,
    'compare everyone, champions, at_risk, no_recency on avg(monetary) as avg_monetary, avg(recency) as avg_recency, avg(f) as avg_f',
  ],
  // quantile(N, x) is ceil(N × cume_dist()) over the customers with a value (spec §4). Spend is
  // rounded to cents so that ties do not depend on the order an engine adds the amounts in.
  hand: `
WITH per_customer AS (
  SELECT customer_id, DATE '2024-06-30' - max(order_date) AS recency, count(*) AS frequency, round(sum(amount), 2) AS monetary
  FROM orders
  WHERE order_date <= DATE '2024-06-30'
  GROUP BY customer_id
),
people AS (
  SELECT c.customer_id, p.recency, coalesce(p.frequency, 0) AS frequency, coalesce(p.monetary, 0) AS monetary
  FROM customers c LEFT JOIN per_customer p USING (customer_id)
),
scored AS (
  SELECT *,
    CASE WHEN recency IS NOT NULL THEN ceil(5 * cume_dist() OVER (PARTITION BY recency IS NULL ORDER BY recency DESC)) END AS r,
    ceil(5 * cume_dist() OVER (ORDER BY frequency)) AS f,
    ceil(5 * cume_dist() OVER (ORDER BY monetary)) AS m
  FROM people
)
SELECT segment, size, size / (SELECT count(*) FROM customers) AS share, avg_monetary, avg_recency, avg_f
FROM (
  SELECT 1 AS pos, 'everyone' AS segment, count(*) AS size, avg(monetary) AS avg_monetary, avg(recency) AS avg_recency, avg(f) AS avg_f
  FROM scored
  UNION ALL
  SELECT 2, 'champions', count(*), avg(monetary), avg(recency), avg(f) FROM scored WHERE r >= 4 AND f >= 4 AND m >= 4
  UNION ALL
  SELECT 3, 'at_risk', count(*), avg(monetary), avg(recency), avg(f) FROM scored WHERE r <= 2 AND f >= 3
  UNION ALL
  SELECT 4, 'no_recency', count(*), avg(monetary), avg(recency), avg(f) FROM scored WHERE r IS NULL
)
ORDER BY pos`,
};
