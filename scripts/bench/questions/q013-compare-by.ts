import { RETAIL, type Question } from './question.ts';

export const q013: Question = {
  id: '013',
  title: 'compare … by a dimension',
  cells: [
    `${RETAIL}
let spend = sum(orders.amount)
segment nordics = country in ('SE', 'NL')`,
    'compare nordics, everyone on avg(spend) as avg_spend by country',
  ],
  hand: `
WITH per_customer AS (
  SELECT customer_id, sum(amount) AS spend
  FROM orders
  WHERE order_date <= DATE '2024-06-30'
  GROUP BY customer_id
),
people AS (
  SELECT c.country, coalesce(p.spend, 0) AS spend, c.country IN ('SE', 'NL') AS nordic
  FROM customers c LEFT JOIN per_customer p USING (customer_id)
),
by_country AS (
  SELECT country, count(*) AS customers, avg(spend) AS avg_spend,
    count(*) FILTER (WHERE nordic) AS nordics, avg(spend) FILTER (WHERE nordic) AS nordics_avg_spend
  FROM people
  GROUP BY country
)
SELECT segment, country, size, share, avg_spend
FROM (
  SELECT 1 AS pos, 'nordics' AS segment, country, nordics AS size, nordics / customers AS share, nordics_avg_spend AS avg_spend FROM by_country
  UNION ALL
  SELECT 2, 'everyone', country, customers, 1.0, avg_spend FROM by_country
)
ORDER BY pos, country NULLS LAST`,
};
