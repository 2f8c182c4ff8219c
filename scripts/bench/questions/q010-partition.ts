import { RETAIL, type Question } from './question.ts';

export const q010: Question = {
  id: '010',
  title: 'partition into tiers',
  cells: [
    `${RETAIL}
let spend = sum(orders.amount)
partition tier {
  gold: spend >= 2500
  silver: spend >= 800
  bronze: spend > 0
  dormant: otherwise
}
segment gold_or_silver = tier.gold or tier.silver
segment tier_is_bronze = tier = 'bronze'`,
    'compare tier, gold_or_silver, tier_is_bronze on avg(spend) as avg_spend, min(spend) as min_spend',
  ],
  hand: `
WITH per_customer AS (
  SELECT customer_id, sum(amount) AS spend
  FROM orders
  WHERE order_date <= DATE '2024-06-30'
  GROUP BY customer_id
),
tiers AS (
  SELECT c.customer_id, coalesce(p.spend, 0) AS spend,
    CASE WHEN p.spend >= 2500 THEN 'gold' WHEN p.spend >= 800 THEN 'silver' WHEN p.spend > 0 THEN 'bronze' ELSE 'dormant' END AS tier
  FROM customers c LEFT JOIN per_customer p USING (customer_id)
)
SELECT segment, size, size / (SELECT count(*) FROM customers) AS share, avg_spend, min_spend
FROM (
  SELECT list_position(['gold', 'silver', 'bronze', 'dormant'], tier) AS pos, 'tier.' || tier AS segment,
    count(*) AS size, avg(spend) AS avg_spend, min(spend) AS min_spend
  FROM tiers
  GROUP BY tier
  UNION ALL
  SELECT 5, 'gold_or_silver', count(*), avg(spend), min(spend) FROM tiers WHERE tier IN ('gold', 'silver')
  UNION ALL
  SELECT 6, 'tier_is_bronze', count(*), avg(spend), min(spend) FROM tiers WHERE tier = 'bronze'
)
ORDER BY pos`,
};
