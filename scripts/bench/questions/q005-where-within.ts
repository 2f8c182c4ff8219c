import { RETAIL, type Question } from './question.ts';

export const q005: Question = {
  id: '005',
  title: 'aggregates with where / within',
  cells: [
    `${RETAIL}
let web_orders = count(orders where channel = 'web')
let recent_spend = sum(orders.amount within 90 days)
let recent_app = count(orders where channel = 'app' within 6 months)
let big_recent_avg = avg(orders.amount where amount >= 50 within 1 year)
let recent_categories = count_distinct(orders.category within 12 weeks)
let first_web_recent = first(orders.amount where channel = 'web' within 1 year)
let last_store_date = last(orders.order_date where channel = 'store')
let min_recent = min(orders.amount within 6 months)
segment recent_buyers = recent_spend > 0
segment app_users = recent_app >= 2`,
    'compare everyone, recent_buyers, app_users on avg(web_orders) as avg_web, avg(recent_spend) as avg_recent_spend, avg(big_recent_avg) as avg_big, avg(recent_categories) as avg_cats',
  ],
  hand: `
WITH per_customer AS (
  SELECT customer_id,
    count(*) FILTER (WHERE channel = 'web') AS web_orders,
    sum(amount) FILTER (WHERE order_date > DATE '2024-06-30' - INTERVAL 90 DAY) AS recent_spend,
    count(*) FILTER (WHERE channel = 'app' AND order_date > DATE '2024-06-30' - INTERVAL 6 MONTH) AS recent_app,
    avg(amount) FILTER (WHERE amount >= 50 AND order_date > DATE '2024-06-30' - INTERVAL 1 YEAR) AS big_recent_avg,
    count(DISTINCT category) FILTER (WHERE order_date > DATE '2024-06-30' - INTERVAL 12 WEEK) AS recent_categories
  FROM orders
  WHERE order_date <= DATE '2024-06-30'
  GROUP BY customer_id
),
people AS (
  SELECT c.customer_id,
    coalesce(p.web_orders, 0) AS web_orders,
    coalesce(p.recent_spend, 0) AS recent_spend,
    coalesce(p.recent_app, 0) AS recent_app,
    p.big_recent_avg,
    coalesce(p.recent_categories, 0) AS recent_categories
  FROM customers c LEFT JOIN per_customer p USING (customer_id)
)
SELECT segment, size, size / (SELECT count(*) FROM customers) AS share, avg_web, avg_recent_spend, avg_big, avg_cats
FROM (
  SELECT 1 AS pos, 'everyone' AS segment, count(*) AS size, avg(web_orders) AS avg_web, avg(recent_spend) AS avg_recent_spend,
    avg(big_recent_avg) AS avg_big, avg(recent_categories) AS avg_cats
  FROM people
  UNION ALL
  SELECT 2, 'recent_buyers', count(*), avg(web_orders), avg(recent_spend), avg(big_recent_avg), avg(recent_categories)
  FROM people WHERE recent_spend > 0
  UNION ALL
  SELECT 3, 'app_users', count(*), avg(web_orders), avg(recent_spend), avg(big_recent_avg), avg(recent_categories)
  FROM people WHERE recent_app >= 2
)
ORDER BY pos`,
};
