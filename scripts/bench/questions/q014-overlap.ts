import { RETAIL, type Question } from './question.ts';

export const q014: Question = {
  id: '014',
  title: 'overlap of channel buyers',
  cells: [
    `${RETAIL}
let web = count(orders where channel = 'web')
let app = count(orders where channel = 'app')
let store = count(orders where channel = 'store')
segment web_buyer = web > 0
segment app_buyer = app > 0
segment store_buyer = store > 0`,
    'overlap web_buyer, app_buyer, store_buyer',
  ],
  hand: `
WITH per_customer AS (
  SELECT customer_id,
    bool_or(channel = 'web') AS web_buyer,
    bool_or(channel = 'app') AS app_buyer,
    bool_or(channel = 'store') AS store_buyer
  FROM orders
  WHERE order_date <= DATE '2024-06-30' AND customer_id IN (SELECT customer_id FROM customers)
  GROUP BY customer_id
)
SELECT web_buyer, app_buyer, store_buyer, count(*) AS size
FROM per_customer
GROUP BY ALL
ORDER BY size DESC, web_buyer DESC, app_buyer DESC, store_buyer DESC`,
};
