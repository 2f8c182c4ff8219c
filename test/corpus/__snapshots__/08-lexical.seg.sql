-- check
SELECT 'the key customer_id is not unique: ' || "key" || ' is on ' || CAST("rows" AS VARCHAR) || ' rows of customers'
    || CASE WHEN "keys" > 1 THEN ' (' || CAST("keys" AS VARCHAR) || ' keys are on more than one row)' ELSE '' END || ', and a population has one row per entity: remove the repeats (in a SQL view, with GROUP BY or DISTINCT) or choose another key' AS "problem"
FROM (
  SELECT CAST("customer_id" AS VARCHAR) AS "key", count(*) AS "rows", count(*) OVER () AS "keys"
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
  GROUP BY "customer_id"
  HAVING count(*) > 1
) AS "repeated keys"
ORDER BY "rows" DESC, "key"
LIMIT 1;

-- view big
CREATE OR REPLACE VIEW "big" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id" AS (
  SELECT l."customer_id" AS "customer_id",
    sum(l."amount") AS "SUM(orders.amount)"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."SUM(orders.amount)"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"let spend" AS (
  SELECT *, coalesce("SUM(orders.amount)", 0) AS "spend"
  FROM "customers with links"
),
"segment big" AS (
  SELECT *, coalesce("spend" >= 1000 AND "spend" < 10000, FALSE) AS "big"
  FROM "let spend"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."spend"
FROM "segment big" AS e
WHERE e."big"
ORDER BY e."customer_id";

-- view quoted
CREATE OR REPLACE VIEW "quoted" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id" AS (
  SELECT l."customer_id" AS "customer_id",
    sum(l."amount") AS "SUM(orders.amount)"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."SUM(orders.amount)"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"segment quoted, let spend" AS (
  SELECT *,
    coalesce("country" = 'US' OR "city_size" = 'it''s', FALSE) AS "quoted",
    coalesce("SUM(orders.amount)", 0) AS "spend"
  FROM "customers with links"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."spend"
FROM "segment quoted, let spend" AS e
WHERE e."quoted"
ORDER BY e."customer_id";

-- compare
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id" AS (
  SELECT l."customer_id" AS "customer_id",
    sum(l."amount") AS "SUM(orders.amount)"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."SUM(orders.amount)"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"let spend, segment quoted" AS (
  SELECT *,
    coalesce("SUM(orders.amount)", 0) AS "spend",
    coalesce("country" = 'US' OR "city_size" = 'it''s', FALSE) AS "quoted"
  FROM "customers with links"
),
"segment big" AS (
  SELECT *, coalesce("spend" >= 1000 AND "spend" < 10000, FALSE) AS "big"
  FROM "let spend, segment quoted"
),
"membership groups" AS (
  SELECT e."big", e."quoted", count(*) AS "group members", sum(e."spend") AS "sum of metric 1", count(e."spend") AS "count of metric 1"
  FROM "segment big" AS e
  GROUP BY ALL
),
"compare" AS (
  SELECT [
      {'#': 1, 'segment': 'big', 'size': CAST(coalesce(sum(g."group members") FILTER (WHERE g."big"), 0) AS BIGINT), 'share': CAST(coalesce(sum(g."group members") FILTER (WHERE g."big"), 0) AS BIGINT) / NULLIF(sum(g."group members"), 0), 'avg_spend': sum(g."sum of metric 1") FILTER (WHERE g."big") / NULLIF(sum(g."count of metric 1") FILTER (WHERE g."big"), 0)},
      {'#': 2, 'segment': 'quoted', 'size': CAST(coalesce(sum(g."group members") FILTER (WHERE g."quoted"), 0) AS BIGINT), 'share': CAST(coalesce(sum(g."group members") FILTER (WHERE g."quoted"), 0) AS BIGINT) / NULLIF(sum(g."group members"), 0), 'avg_spend': sum(g."sum of metric 1") FILTER (WHERE g."quoted") / NULLIF(sum(g."count of metric 1") FILTER (WHERE g."quoted"), 0)}
    ] AS "rows"
  FROM "membership groups" AS g
)
SELECT "segment", "size", "share", "avg_spend"
FROM (SELECT unnest("rows", recursive := true) FROM "compare")
ORDER BY "#";
