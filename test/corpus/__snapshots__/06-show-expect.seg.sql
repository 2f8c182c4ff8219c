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

-- view whales
CREATE OR REPLACE VIEW "whales" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id" AS (
  SELECT l."customer_id" AS "customer_id",
    sum(l."amount") AS "sum(orders.amount)"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."sum(orders.amount)"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"let spend" AS (
  SELECT *, coalesce("sum(orders.amount)", 0) AS "spend"
  FROM "customers with links"
),
"segment whales" AS (
  SELECT *, coalesce("spend" >= 3000, FALSE) AS "whales"
  FROM "let spend"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."spend"
FROM "segment whales" AS e
WHERE e."whales"
ORDER BY e."customer_id";

-- show
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id" AS (
  SELECT l."customer_id" AS "customer_id",
    sum(l."amount") AS "sum(orders.amount)"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."sum(orders.amount)"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"let spend" AS (
  SELECT *, coalesce("sum(orders.amount)", 0) AS "spend"
  FROM "customers with links"
),
"segment whales" AS (
  SELECT *, coalesce("spend" >= 3000, FALSE) AS "whales"
  FROM "let spend"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."spend"
FROM "segment whales" AS e
WHERE e."whales"
ORDER BY e."customer_id"
LIMIT 10;

-- expect
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id" AS (
  SELECT l."customer_id" AS "customer_id",
    sum(l."amount") AS "sum(orders.amount)"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."sum(orders.amount)"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"let spend" AS (
  SELECT *, coalesce("sum(orders.amount)", 0) AS "spend"
  FROM "customers with links"
),
"segment whales" AS (
  SELECT *, coalesce("spend" >= 3000, FALSE) AS "whales"
  FROM "let spend"
),
"measures" AS (
  SELECT count(*) FILTER (WHERE e."whales") AS "size(whales)", count(*) FILTER (WHERE e."whales") / NULLIF(count(*), 0) AS "share(whales)"
  FROM "segment whales" AS e
)
SELECT 'size(whales) < 100 and share(whales) <= 0.05' AS "expectation", coalesce("size(whales)" < 100 AND "share(whales)" <= 0.05, FALSE) AS "passed", concat_ws(', ', 'size(whales) = ' || CAST("size(whales)" AS VARCHAR), 'share(whales) = ' || coalesce(CAST(round("share(whales)", 4) AS VARCHAR), 'null')) AS "detail"
FROM "measures";
