import { RETAIL, type Question } from './question.ts';

export const q003: Question = {
  id: '003',
  title: 'link: count and sum, compare',
  cells: [
    `${RETAIL}
let n_orders = count(orders)
let spend = sum(orders.amount)
segment buyers = n_orders > 0
segment big_spenders = spend >= 2000`,
    'compare everyone, buyers, big_spenders on avg(spend) as avg_spend, sum(n_orders) as total_orders',
  ],
  hand: `
WITH per_customer AS (
  SELECT customer_id, count(*) AS n_orders, sum(amount) AS spend
  FROM orders
  WHERE order_date <= DATE '2024-06-30'
  GROUP BY customer_id
),
people AS (
  SELECT c.customer_id, coalesce(p.n_orders, 0) AS n_orders, coalesce(p.spend, 0) AS spend
  FROM customers c LEFT JOIN per_customer p USING (customer_id)
)
SELECT segment, size, size / (SELECT count(*) FROM customers) AS share, avg_spend, total_orders
FROM (
  SELECT 1 AS pos, 'everyone' AS segment, count(*) AS size, avg(spend) AS avg_spend, sum(n_orders) AS total_orders FROM people
  UNION ALL
  SELECT 2, 'buyers', count(*), avg(spend), sum(n_orders) FROM people WHERE n_orders > 0
  UNION ALL
  SELECT 3, 'big_spenders', count(*), avg(spend), sum(n_orders) FROM people WHERE spend >= 2000
)
ORDER BY pos`,
};
