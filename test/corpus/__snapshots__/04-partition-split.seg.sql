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

-- view tier.gold
CREATE OR REPLACE VIEW "tier.gold" AS
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
"partition tier" AS (
  SELECT *, CASE WHEN "spend" >= 2500 THEN 'gold' WHEN "spend" >= 800 THEN 'silver' ELSE 'dormant' END AS "tier"
  FROM "let spend"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."spend"
FROM "partition tier" AS e
WHERE coalesce(e."tier" = 'gold', FALSE)
ORDER BY e."customer_id";

-- view tier.silver
CREATE OR REPLACE VIEW "tier.silver" AS
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
"partition tier" AS (
  SELECT *, CASE WHEN "spend" >= 2500 THEN 'gold' WHEN "spend" >= 800 THEN 'silver' ELSE 'dormant' END AS "tier"
  FROM "let spend"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."spend"
FROM "partition tier" AS e
WHERE coalesce(e."tier" = 'silver', FALSE)
ORDER BY e."customer_id";

-- view tier.dormant
CREATE OR REPLACE VIEW "tier.dormant" AS
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
"partition tier" AS (
  SELECT *, CASE WHEN "spend" >= 2500 THEN 'gold' WHEN "spend" >= 800 THEN 'silver' ELSE 'dormant' END AS "tier"
  FROM "let spend"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."spend"
FROM "partition tier" AS e
WHERE coalesce(e."tier" = 'dormant', FALSE)
ORDER BY e."customer_id";

-- view eligible
CREATE OR REPLACE VIEW "eligible" AS
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
"partition tier" AS (
  SELECT *, CASE WHEN "spend" >= 2500 THEN 'gold' WHEN "spend" >= 800 THEN 'silver' ELSE 'dormant' END AS "tier"
  FROM "let spend"
),
"segment eligible" AS (
  SELECT *, coalesce("email_opt_in" AND "tier" <> 'dormant', FALSE) AS "eligible"
  FROM "partition tier"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."spend"
FROM "segment eligible" AS e
WHERE e."eligible"
ORDER BY e."customer_id";

-- view ab.control
CREATE OR REPLACE VIEW "ab.control" AS
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
"partition tier" AS (
  SELECT *, CASE WHEN "spend" >= 2500 THEN 'gold' WHEN "spend" >= 800 THEN 'silver' ELSE 'dormant' END AS "tier"
  FROM "let spend"
),
"segment eligible" AS (
  SELECT *, coalesce("email_opt_in" AND "tier" <> 'dormant', FALSE) AS "eligible"
  FROM "partition tier"
),
"split ab" AS (
  SELECT *, CASE WHEN "eligible" THEN CASE WHEN CAST('0x' || substr(md5('ab' || ':' || CAST("customer_id" AS VARCHAR)), 1, 8) AS BIGINT) * 100 < 50 * 4294967296 THEN 'control' ELSE 'treatment' END END AS "ab"
  FROM "segment eligible"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."spend"
FROM "split ab" AS e
WHERE coalesce(e."ab" = 'control', FALSE)
ORDER BY e."customer_id";

-- view ab.treatment
CREATE OR REPLACE VIEW "ab.treatment" AS
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
"partition tier" AS (
  SELECT *, CASE WHEN "spend" >= 2500 THEN 'gold' WHEN "spend" >= 800 THEN 'silver' ELSE 'dormant' END AS "tier"
  FROM "let spend"
),
"segment eligible" AS (
  SELECT *, coalesce("email_opt_in" AND "tier" <> 'dormant', FALSE) AS "eligible"
  FROM "partition tier"
),
"split ab" AS (
  SELECT *, CASE WHEN "eligible" THEN CASE WHEN CAST('0x' || substr(md5('ab' || ':' || CAST("customer_id" AS VARCHAR)), 1, 8) AS BIGINT) * 100 < 50 * 4294967296 THEN 'control' ELSE 'treatment' END END AS "ab"
  FROM "segment eligible"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."spend"
FROM "split ab" AS e
WHERE coalesce(e."ab" = 'treatment', FALSE)
ORDER BY e."customer_id";

-- split
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
"partition tier" AS (
  SELECT *, CASE WHEN "spend" >= 2500 THEN 'gold' WHEN "spend" >= 800 THEN 'silver' ELSE 'dormant' END AS "tier"
  FROM "let spend"
),
"segment eligible" AS (
  SELECT *, coalesce("email_opt_in" AND "tier" <> 'dormant', FALSE) AS "eligible"
  FROM "partition tier"
),
"split ab" AS (
  SELECT *, CASE WHEN "eligible" THEN CASE WHEN CAST('0x' || substr(md5('ab' || ':' || CAST("customer_id" AS VARCHAR)), 1, 8) AS BIGINT) * 100 < 50 * 4294967296 THEN 'control' ELSE 'treatment' END END AS "ab"
  FROM "segment eligible"
),
"split" AS (
  SELECT [
      {'#': 1, 'arm': 'control', 'size': count(*) FILTER (WHERE coalesce(e."ab" = 'control', FALSE)), 'share': count(*) FILTER (WHERE coalesce(e."ab" = 'control', FALSE)) / NULLIF(count(*) FILTER (WHERE e."eligible"), 0)},
      {'#': 2, 'arm': 'treatment', 'size': count(*) FILTER (WHERE coalesce(e."ab" = 'treatment', FALSE)), 'share': count(*) FILTER (WHERE coalesce(e."ab" = 'treatment', FALSE)) / NULLIF(count(*) FILTER (WHERE e."eligible"), 0)}
    ] AS "rows"
  FROM "split ab" AS e
)
SELECT "arm", "size", "share"
FROM (SELECT unnest("rows", recursive := true) FROM "split")
ORDER BY "#";

-- view promo.a
CREATE OR REPLACE VIEW "promo.a" AS
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
"partition tier" AS (
  SELECT *, CASE WHEN "spend" >= 2500 THEN 'gold' WHEN "spend" >= 800 THEN 'silver' ELSE 'dormant' END AS "tier"
  FROM "let spend"
),
"split promo" AS (
  SELECT *, CASE WHEN coalesce("tier" = 'gold', FALSE) THEN CASE WHEN CAST('0x' || substr(md5('spring-2024' || ':' || CAST("customer_id" AS VARCHAR)), 1, 8) AS BIGINT) * 100 < 10 * 4294967296 THEN 'a' WHEN CAST('0x' || substr(md5('spring-2024' || ':' || CAST("customer_id" AS VARCHAR)), 1, 8) AS BIGINT) * 100 < 30 * 4294967296 THEN 'b' ELSE 'c' END END AS "promo"
  FROM "partition tier"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."spend"
FROM "split promo" AS e
WHERE coalesce(e."promo" = 'a', FALSE)
ORDER BY e."customer_id";

-- view promo.b
CREATE OR REPLACE VIEW "promo.b" AS
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
"partition tier" AS (
  SELECT *, CASE WHEN "spend" >= 2500 THEN 'gold' WHEN "spend" >= 800 THEN 'silver' ELSE 'dormant' END AS "tier"
  FROM "let spend"
),
"split promo" AS (
  SELECT *, CASE WHEN coalesce("tier" = 'gold', FALSE) THEN CASE WHEN CAST('0x' || substr(md5('spring-2024' || ':' || CAST("customer_id" AS VARCHAR)), 1, 8) AS BIGINT) * 100 < 10 * 4294967296 THEN 'a' WHEN CAST('0x' || substr(md5('spring-2024' || ':' || CAST("customer_id" AS VARCHAR)), 1, 8) AS BIGINT) * 100 < 30 * 4294967296 THEN 'b' ELSE 'c' END END AS "promo"
  FROM "partition tier"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."spend"
FROM "split promo" AS e
WHERE coalesce(e."promo" = 'b', FALSE)
ORDER BY e."customer_id";

-- view promo.c
CREATE OR REPLACE VIEW "promo.c" AS
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
"partition tier" AS (
  SELECT *, CASE WHEN "spend" >= 2500 THEN 'gold' WHEN "spend" >= 800 THEN 'silver' ELSE 'dormant' END AS "tier"
  FROM "let spend"
),
"split promo" AS (
  SELECT *, CASE WHEN coalesce("tier" = 'gold', FALSE) THEN CASE WHEN CAST('0x' || substr(md5('spring-2024' || ':' || CAST("customer_id" AS VARCHAR)), 1, 8) AS BIGINT) * 100 < 10 * 4294967296 THEN 'a' WHEN CAST('0x' || substr(md5('spring-2024' || ':' || CAST("customer_id" AS VARCHAR)), 1, 8) AS BIGINT) * 100 < 30 * 4294967296 THEN 'b' ELSE 'c' END END AS "promo"
  FROM "partition tier"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."spend"
FROM "split promo" AS e
WHERE coalesce(e."promo" = 'c', FALSE)
ORDER BY e."customer_id";

-- split
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
"partition tier" AS (
  SELECT *, CASE WHEN "spend" >= 2500 THEN 'gold' WHEN "spend" >= 800 THEN 'silver' ELSE 'dormant' END AS "tier"
  FROM "let spend"
),
"split promo" AS (
  SELECT *, CASE WHEN coalesce("tier" = 'gold', FALSE) THEN CASE WHEN CAST('0x' || substr(md5('spring-2024' || ':' || CAST("customer_id" AS VARCHAR)), 1, 8) AS BIGINT) * 100 < 10 * 4294967296 THEN 'a' WHEN CAST('0x' || substr(md5('spring-2024' || ':' || CAST("customer_id" AS VARCHAR)), 1, 8) AS BIGINT) * 100 < 30 * 4294967296 THEN 'b' ELSE 'c' END END AS "promo"
  FROM "partition tier"
),
"split" AS (
  SELECT [
      {'#': 1, 'arm': 'a', 'size': count(*) FILTER (WHERE coalesce(e."promo" = 'a', FALSE)), 'share': count(*) FILTER (WHERE coalesce(e."promo" = 'a', FALSE)) / NULLIF(count(*) FILTER (WHERE coalesce(e."tier" = 'gold', FALSE)), 0)},
      {'#': 2, 'arm': 'b', 'size': count(*) FILTER (WHERE coalesce(e."promo" = 'b', FALSE)), 'share': count(*) FILTER (WHERE coalesce(e."promo" = 'b', FALSE)) / NULLIF(count(*) FILTER (WHERE coalesce(e."tier" = 'gold', FALSE)), 0)},
      {'#': 3, 'arm': 'c', 'size': count(*) FILTER (WHERE coalesce(e."promo" = 'c', FALSE)), 'share': count(*) FILTER (WHERE coalesce(e."promo" = 'c', FALSE)) / NULLIF(count(*) FILTER (WHERE coalesce(e."tier" = 'gold', FALSE)), 0)}
    ] AS "rows"
  FROM "split promo" AS e
)
SELECT "arm", "size", "share"
FROM (SELECT unnest("rows", recursive := true) FROM "split")
ORDER BY "#";

-- compare
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
"partition tier" AS (
  SELECT *, CASE WHEN "spend" >= 2500 THEN 'gold' WHEN "spend" >= 800 THEN 'silver' ELSE 'dormant' END AS "tier"
  FROM "let spend"
),
"segment eligible" AS (
  SELECT *, coalesce("email_opt_in" AND "tier" <> 'dormant', FALSE) AS "eligible"
  FROM "partition tier"
),
"split ab" AS (
  SELECT *, CASE WHEN "eligible" THEN CASE WHEN CAST('0x' || substr(md5('ab' || ':' || CAST("customer_id" AS VARCHAR)), 1, 8) AS BIGINT) * 100 < 50 * 4294967296 THEN 'control' ELSE 'treatment' END END AS "ab"
  FROM "segment eligible"
),
"membership" AS (
  SELECT *, coalesce(e."tier" = 'gold', FALSE) AS "in tier.gold", coalesce(e."tier" = 'silver', FALSE) AS "in tier.silver", coalesce(e."tier" = 'dormant', FALSE) AS "in tier.dormant", coalesce(e."ab" = 'control', FALSE) AS "in ab.control", coalesce(e."ab" = 'treatment', FALSE) AS "in ab.treatment"
  FROM "split ab" AS e
),
"membership groups" AS (
  SELECT e."country" AS "by value", e."in tier.gold", e."in tier.silver", e."in tier.dormant", e."in ab.control", e."in ab.treatment", count(*) AS "group members"
  FROM "membership" AS e
  GROUP BY ALL
),
"compare" AS (
  SELECT g."by value" AS "by value", [
      {'#': 1, 'segment': 'tier.gold', 'size': CAST(coalesce(sum(g."group members") FILTER (WHERE g."in tier.gold"), 0) AS BIGINT), 'share': CAST(coalesce(sum(g."group members") FILTER (WHERE g."in tier.gold"), 0) AS BIGINT) / NULLIF(sum(g."group members"), 0)},
      {'#': 2, 'segment': 'tier.silver', 'size': CAST(coalesce(sum(g."group members") FILTER (WHERE g."in tier.silver"), 0) AS BIGINT), 'share': CAST(coalesce(sum(g."group members") FILTER (WHERE g."in tier.silver"), 0) AS BIGINT) / NULLIF(sum(g."group members"), 0)},
      {'#': 3, 'segment': 'tier.dormant', 'size': CAST(coalesce(sum(g."group members") FILTER (WHERE g."in tier.dormant"), 0) AS BIGINT), 'share': CAST(coalesce(sum(g."group members") FILTER (WHERE g."in tier.dormant"), 0) AS BIGINT) / NULLIF(sum(g."group members"), 0)},
      {'#': 4, 'segment': 'ab.control', 'size': CAST(coalesce(sum(g."group members") FILTER (WHERE g."in ab.control"), 0) AS BIGINT), 'share': CAST(coalesce(sum(g."group members") FILTER (WHERE g."in ab.control"), 0) AS BIGINT) / NULLIF(sum(g."group members"), 0)},
      {'#': 5, 'segment': 'ab.treatment', 'size': CAST(coalesce(sum(g."group members") FILTER (WHERE g."in ab.treatment"), 0) AS BIGINT), 'share': CAST(coalesce(sum(g."group members") FILTER (WHERE g."in ab.treatment"), 0) AS BIGINT) / NULLIF(sum(g."group members"), 0)}
    ] AS "rows"
  FROM "membership groups" AS g
  GROUP BY g."by value"
)
SELECT "segment", "by value" AS "country", "size", "share"
FROM (SELECT "by value", unnest("rows", recursive := true) FROM "compare")
ORDER BY "#", "by value" ASC NULLS LAST;
