-- check
SELECT 'the key customer_id is not unique: ' || "key" || ' is on ' || CAST("rows" AS VARCHAR) || ' rows of customers'
    || CASE WHEN "keys" > 1 THEN ' (' || CAST("keys" AS VARCHAR) || ' keys are on more than one row)' ELSE '' END || ', and a population has one row per entity: remove the repeats (in a SQL view, with GROUP BY or DISTINCT) or choose another key' AS "problem"
FROM (
  SELECT CAST("customer_id" AS VARCHAR) AS "key", count(*) AS "rows", count(*) OVER () AS "keys"
  FROM "customers"
  WHERE "customer_id" IS NOT NULL AND ("signup_date" <= DATE '2024-06-30')
  GROUP BY "customer_id"
  HAVING count(*) > 1
) AS "repeated keys"
ORDER BY "rows" DESC, "key"
LIMIT 1;

-- view buyers
CREATE OR REPLACE VIEW "buyers" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL AND ("signup_date" <= DATE '2024-06-30')
),
"orders per customer_id" AS (
  SELECT l."customer_id" AS "customer_id",
    count(*) AS "count(orders)",
    sum(l."amount") AS "sum(orders.amount)",
    count(*) FILTER (WHERE l."channel" = 'web') AS "count(orders where channel = 'web')",
    sum(l."amount") FILTER (WHERE l."order_date" > CAST(DATE '2024-06-30' - INTERVAL 90 DAY AS DATE)) AS "sum(orders.amount within 90 days)",
    arg_min(l."amount", l."order_date") FILTER (WHERE (l."channel" = 'web') AND (l."order_date" > CAST(DATE '2024-06-30' - INTERVAL 12 MONTH AS DATE))) AS "first(orders.amount where channel = 'web' within 1 year)",
    arg_max(l."order_date", l."order_date") FILTER (WHERE (l."channel" = 'store') AND (l."order_date" IS NOT NULL)) AS "last(orders.order_date where channel = 'store')"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."count(orders)", l1."sum(orders.amount)", l1."count(orders where channel = 'web')", l1."sum(orders.amount within 90 days)", l1."first(orders.amount where channel = 'web' within 1 year)", l1."last(orders.order_date where channel = 'store')"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"let n_orders, let spend and 4 more" AS (
  SELECT *,
    coalesce("count(orders)", 0) AS "n_orders",
    coalesce("sum(orders.amount)", 0) AS "spend",
    coalesce("count(orders where channel = 'web')", 0) AS "web_orders",
    coalesce("sum(orders.amount within 90 days)", 0) AS "recent_spend",
    "first(orders.amount where channel = 'web' within 1 year)" AS "first_web",
    "last(orders.order_date where channel = 'store')" AS "last_store"
  FROM "customers with links"
),
"segment buyers" AS (
  SELECT *, coalesce("n_orders" > 0, FALSE) AS "buyers"
  FROM "let n_orders, let spend and 4 more"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."n_orders", e."spend", e."web_orders", e."recent_spend", e."first_web", e."last_store"
FROM "segment buyers" AS e
WHERE e."buyers"
ORDER BY e."customer_id";

-- compare
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL AND ("signup_date" <= DATE '2024-06-30')
),
"orders per customer_id" AS (
  SELECT l."customer_id" AS "customer_id",
    count(*) AS "count(orders)",
    sum(l."amount") AS "sum(orders.amount)",
    count(*) FILTER (WHERE l."channel" = 'web') AS "count(orders where channel = 'web')"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."count(orders)", l1."sum(orders.amount)", l1."count(orders where channel = 'web')"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"let n_orders, let spend, let web_orders" AS (
  SELECT *,
    coalesce("count(orders)", 0) AS "n_orders",
    coalesce("sum(orders.amount)", 0) AS "spend",
    coalesce("count(orders where channel = 'web')", 0) AS "web_orders"
  FROM "customers with links"
),
"segment buyers" AS (
  SELECT *, coalesce("n_orders" > 0, FALSE) AS "buyers"
  FROM "let n_orders, let spend, let web_orders"
),
"membership groups" AS (
  SELECT e."buyers", count(*) AS "group members", sum(e."spend") AS "sum of metric 1", count(e."spend") AS "count of metric 1", sum(e."n_orders") AS "sum of metric 2", count(*) FILTER (WHERE e."web_orders" > 0) AS "count where of metric 3"
  FROM "segment buyers" AS e
  GROUP BY ALL
),
"compare" AS (
  SELECT [
      {'#': 1, 'segment': 'everyone', 'size': CAST(coalesce(sum(g."group members"), 0) AS BIGINT), 'share': CAST(coalesce(sum(g."group members"), 0) AS BIGINT) / NULLIF(sum(g."group members"), 0), 'avg_spend': sum(g."sum of metric 1") / NULLIF(sum(g."count of metric 1"), 0), 'sum(n_orders)': sum(g."sum of metric 2"), 'pct(web_orders>0)': coalesce(sum(g."count where of metric 3"), 0) / NULLIF(CAST(coalesce(sum(g."group members"), 0) AS BIGINT), 0)},
      {'#': 2, 'segment': 'buyers', 'size': CAST(coalesce(sum(g."group members") FILTER (WHERE g."buyers"), 0) AS BIGINT), 'share': CAST(coalesce(sum(g."group members") FILTER (WHERE g."buyers"), 0) AS BIGINT) / NULLIF(sum(g."group members"), 0), 'avg_spend': sum(g."sum of metric 1") FILTER (WHERE g."buyers") / NULLIF(sum(g."count of metric 1") FILTER (WHERE g."buyers"), 0), 'sum(n_orders)': sum(g."sum of metric 2") FILTER (WHERE g."buyers"), 'pct(web_orders>0)': coalesce(sum(g."count where of metric 3") FILTER (WHERE g."buyers"), 0) / NULLIF(CAST(coalesce(sum(g."group members") FILTER (WHERE g."buyers"), 0) AS BIGINT), 0)}
    ] AS "rows"
  FROM "membership groups" AS g
)
SELECT "segment", "size", "share", "avg_spend", "sum(n_orders)", "pct(web_orders>0)"
FROM (SELECT unnest("rows", recursive := true) FROM "compare")
ORDER BY "#";
