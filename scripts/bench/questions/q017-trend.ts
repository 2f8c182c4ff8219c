import { RETAIL, type Question } from './question.ts';

export const q017: Question = {
  id: '017',
  title: 'trend of active customers',
  cells: [
    `${RETAIL}
let recent = count(orders within 30 days)
segment active = recent > 0
segment ever = count(orders) > 0`,
    'trend active, ever, everyone every 1 month from 2023-11-15 to 2024-02-15',
  ],
  hand: `
WITH dates AS (
  SELECT CAST(d AS DATE) AS day FROM generate_series(TIMESTAMP '2023-11-15', TIMESTAMP '2024-02-15', INTERVAL 1 MONTH) AS t(d)
),
buyers AS (
  SELECT customer_id, order_date
  FROM orders
  WHERE customer_id IN (SELECT customer_id FROM customers)
),
active AS (
  SELECT d.day, count(DISTINCT b.customer_id) AS size
  FROM dates d JOIN buyers b ON b.order_date > d.day - 30 AND b.order_date <= d.day
  GROUP BY d.day
),
first_orders AS (
  SELECT customer_id, min(order_date) AS first_order FROM buyers GROUP BY customer_id
),
ever AS (
  SELECT d.day, count(*) AS size
  FROM dates d JOIN first_orders f ON f.first_order <= d.day
  GROUP BY d.day
),
sizes AS (
  SELECT d.day, 1 AS pos, 'active' AS segment, coalesce(a.size, 0) AS size FROM dates d LEFT JOIN active a USING (day)
  UNION ALL
  SELECT d.day, 2, 'ever', coalesce(e.size, 0) FROM dates d LEFT JOIN ever e USING (day)
  UNION ALL
  SELECT day, 3, 'everyone', (SELECT count(*) FROM customers) FROM dates
)
SELECT day AS "asof", segment, size FROM sizes ORDER BY day, pos`,
};
