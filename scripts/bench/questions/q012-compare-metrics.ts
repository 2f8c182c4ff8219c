import { RETAIL, type Question } from './question.ts';

export const q012: Question = {
  id: '012',
  title: 'compare: every kind of metric',
  cells: [
    `${RETAIL}
let spend = sum(orders.amount)
let orders_n = count(orders)
segment loyal = orders_n >= 20
segment nobody = age > 200`,
    'compare loyal, nobody, everyone on count, avg(spend), sum(spend), median(age), pct(email_opt_in), min(age), max(spend), count_distinct(country)',
  ],
  hand: `
WITH per_customer AS (
  SELECT customer_id, sum(amount) AS spend, count(*) AS orders_n
  FROM orders
  WHERE order_date <= DATE '2024-06-30'
  GROUP BY customer_id
),
people AS (
  SELECT c.*, coalesce(p.spend, 0) AS spend, coalesce(p.orders_n, 0) AS orders_n
  FROM customers c LEFT JOIN per_customer p USING (customer_id)
),
metrics AS (
  SELECT 1 AS pos, 'loyal' AS segment, count(*) AS size, avg(spend) AS avg_spend, sum(spend) AS sum_spend, median(age) AS median_age,
    count(*) FILTER (WHERE email_opt_in) / nullif(count(*), 0) AS pct_opt_in, min(age) AS min_age, max(spend) AS max_spend, CASE WHEN count(*) > 0 THEN count(DISTINCT country) END AS countries
  FROM people WHERE orders_n >= 20
  UNION ALL
  SELECT 2, 'nobody', count(*), avg(spend), sum(spend), median(age),
    count(*) FILTER (WHERE email_opt_in) / nullif(count(*), 0), min(age), max(spend), CASE WHEN count(*) > 0 THEN count(DISTINCT country) END
  FROM people WHERE age > 200
  UNION ALL
  SELECT 3, 'everyone', count(*), avg(spend), sum(spend), median(age),
    count(*) FILTER (WHERE email_opt_in) / nullif(count(*), 0), min(age), max(spend), CASE WHEN count(*) > 0 THEN count(DISTINCT country) END
  FROM people
)
SELECT segment, size, size / (SELECT count(*) FROM customers) AS share, size AS "count", avg_spend AS "avg(spend)",
  sum_spend AS "sum(spend)", median_age AS "median(age)", pct_opt_in AS "pct(email_opt_in)", min_age AS "min(age)",
  max_spend AS "max(spend)", countries AS "count_distinct(country)"
FROM metrics
ORDER BY pos`,
};
