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

-- view web_buyer
CREATE OR REPLACE VIEW "web_buyer" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id" AS (
  SELECT l."customer_id" AS "customer_id",
    count(*) FILTER (WHERE l."channel" = 'web') AS "count(orders where channel = 'web')"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."count(orders where channel = 'web')"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"segment web_buyer" AS (
  SELECT *, coalesce(coalesce("count(orders where channel = 'web')", 0) > 0, FALSE) AS "web_buyer"
  FROM "customers with links"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)"
FROM "segment web_buyer" AS e
WHERE e."web_buyer"
ORDER BY e."customer_id";

-- view app_buyer
CREATE OR REPLACE VIEW "app_buyer" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id" AS (
  SELECT l."customer_id" AS "customer_id",
    count(*) FILTER (WHERE l."channel" = 'app') AS "count(orders where channel = 'app')"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."count(orders where channel = 'app')"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"segment app_buyer" AS (
  SELECT *, coalesce(coalesce("count(orders where channel = 'app')", 0) > 0, FALSE) AS "app_buyer"
  FROM "customers with links"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)"
FROM "segment app_buyer" AS e
WHERE e."app_buyer"
ORDER BY e."customer_id";

-- view active
CREATE OR REPLACE VIEW "active" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id" AS (
  SELECT l."customer_id" AS "customer_id",
    count(*) FILTER (WHERE l."order_date" > CAST(DATE '2024-06-30' - INTERVAL 30 DAY AS DATE)) AS "count(orders within 30 days)"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."count(orders within 30 days)"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"segment active" AS (
  SELECT *, coalesce(coalesce("count(orders within 30 days)", 0) > 0, FALSE) AS "active"
  FROM "customers with links"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)"
FROM "segment active" AS e
WHERE e."active"
ORDER BY e."customer_id";

-- overlap
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id" AS (
  SELECT l."customer_id" AS "customer_id",
    count(*) FILTER (WHERE l."channel" = 'web') AS "count(orders where channel = 'web')",
    count(*) FILTER (WHERE l."channel" = 'app') AS "count(orders where channel = 'app')"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."count(orders where channel = 'web')", l1."count(orders where channel = 'app')"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"segment web_buyer, segment app_buyer" AS (
  SELECT *,
    coalesce(coalesce("count(orders where channel = 'web')", 0) > 0, FALSE) AS "web_buyer",
    coalesce(coalesce("count(orders where channel = 'app')", 0) > 0, FALSE) AS "app_buyer"
  FROM "customers with links"
)
SELECT e."web_buyer" AS "web_buyer",
  e."app_buyer" AS "app_buyer",
  count(*) AS "size"
FROM "segment web_buyer, segment app_buyer" AS e
WHERE e."web_buyer" OR e."app_buyer"
GROUP BY 1, 2
ORDER BY "size" DESC, 1 DESC, 2 DESC;

-- profile
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id" AS (
  SELECT l."customer_id" AS "customer_id",
    count(*) FILTER (WHERE l."channel" = 'web') AS "count(orders where channel = 'web')",
    count(*) FILTER (WHERE l."order_date" > CAST(DATE '2024-06-30' - INTERVAL 30 DAY AS DATE)) AS "count(orders within 30 days)"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."count(orders where channel = 'web')", l1."count(orders within 30 days)"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"segment active, segment web_buyer" AS (
  SELECT *,
    coalesce(coalesce("count(orders within 30 days)", 0) > 0, FALSE) AS "active",
    coalesce(coalesce("count(orders where channel = 'web')", 0) > 0, FALSE) AS "web_buyer"
  FROM "customers with links"
),
"numbers" AS (
  SELECT e."active" AS "in segment", e."web_buyer" AS "in baseline", unnest([
      {'attribute': 'age', 'number': e."age"},
      {'attribute': 'Annual Income (k$)', 'number': e."Annual Income (k$)"}
    ], recursive := true)
  FROM "segment active, segment web_buyer" AS e
),
"texts" AS (
  SELECT e."active" AS "in segment", e."web_buyer" AS "in baseline", unnest([
      {'attribute': 'gender', 'value': CAST(e."gender" AS VARCHAR)},
      {'attribute': 'country', 'value': CAST(e."country" AS VARCHAR)},
      {'attribute': 'city_size', 'value': CAST(e."city_size" AS VARCHAR)},
      {'attribute': 'email_opt_in', 'value': CAST(e."email_opt_in" AS VARCHAR)}
    ], recursive := true)
  FROM "segment active, segment web_buyer" AS e
),
"attribute values" AS (
  SELECT "in segment", "in baseline", "attribute", 'Q' || CAST(CASE WHEN "number" IS NULL THEN NULL ELSE (4 * count("number") OVER (PARTITION BY "attribute" ORDER BY "number" ASC) + count("number") OVER (PARTITION BY "attribute") - 1) // count("number") OVER (PARTITION BY "attribute") END AS VARCHAR) AS "value"
  FROM "numbers"
  UNION ALL
  SELECT "in segment", "in baseline", "attribute", "value"
  FROM "texts"
),
"counts" AS (
  SELECT "attribute", "value",
    count(*) FILTER (WHERE "in segment") AS "segment count",
    count(*) FILTER (WHERE "in baseline") AS "baseline count"
  FROM "attribute values"
  GROUP BY "attribute", "value"
),
"shares" AS (
  SELECT "attribute", "value",
    "segment count" / NULLIF(sum("segment count") OVER (PARTITION BY "attribute"), 0) AS "segment_share",
    "baseline count" / NULLIF(sum("baseline count") OVER (PARTITION BY "attribute"), 0) AS "baseline_share",
    "attribute" IN ('age', 'Annual Income (k$)') OR count("value") OVER (PARTITION BY "attribute") <= 50 AS "kept"
  FROM "counts"
)
SELECT "attribute", "value", "segment_share", "baseline_share", "segment_share" / NULLIF("baseline_share", 0) AS "lift"
FROM "shares"
WHERE "kept" AND ("segment_share" > 0 OR "baseline_share" > 0)
ORDER BY coalesce("lift", 0) = 0, round(abs(ln(nullif("lift", 0))), 12) DESC, "attribute", "value" NULLS LAST;

-- trend
WITH
"population customers @ 2024-01-31" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id @ 2024-01-31" AS (
  SELECT l."customer_id" AS "customer_id",
    count(*) FILTER (WHERE l."order_date" > CAST(DATE '2024-01-31' - INTERVAL 30 DAY AS DATE)) AS "count(orders within 30 days)"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-01-31' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links @ 2024-01-31" AS (
  SELECT p.*, l1."count(orders within 30 days)"
  FROM "population customers @ 2024-01-31" AS p
  LEFT JOIN "orders per customer_id @ 2024-01-31" AS l1 ON l1."customer_id" = p."customer_id"
),
"segment active @ 2024-01-31" AS (
  SELECT *, coalesce(coalesce("count(orders within 30 days)", 0) > 0, FALSE) AS "active"
  FROM "customers with links @ 2024-01-31"
),
"sizes @ 2024-01-31" AS (
  SELECT [
      {'#': 1, 'segment': 'active', 'size': count(*) FILTER (WHERE e."active")},
      {'#': 2, 'segment': 'everyone', 'size': count(*)}
    ] AS "rows"
  FROM "segment active @ 2024-01-31" AS e
),
"population customers @ 2024-02-29" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id @ 2024-02-29" AS (
  SELECT l."customer_id" AS "customer_id",
    count(*) FILTER (WHERE l."order_date" > CAST(DATE '2024-02-29' - INTERVAL 30 DAY AS DATE)) AS "count(orders within 30 days)"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-02-29' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links @ 2024-02-29" AS (
  SELECT p.*, l1."count(orders within 30 days)"
  FROM "population customers @ 2024-02-29" AS p
  LEFT JOIN "orders per customer_id @ 2024-02-29" AS l1 ON l1."customer_id" = p."customer_id"
),
"segment active @ 2024-02-29" AS (
  SELECT *, coalesce(coalesce("count(orders within 30 days)", 0) > 0, FALSE) AS "active"
  FROM "customers with links @ 2024-02-29"
),
"sizes @ 2024-02-29" AS (
  SELECT [
      {'#': 1, 'segment': 'active', 'size': count(*) FILTER (WHERE e."active")},
      {'#': 2, 'segment': 'everyone', 'size': count(*)}
    ] AS "rows"
  FROM "segment active @ 2024-02-29" AS e
),
"population customers @ 2024-03-31" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id @ 2024-03-31" AS (
  SELECT l."customer_id" AS "customer_id",
    count(*) FILTER (WHERE l."order_date" > CAST(DATE '2024-03-31' - INTERVAL 30 DAY AS DATE)) AS "count(orders within 30 days)"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-03-31' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links @ 2024-03-31" AS (
  SELECT p.*, l1."count(orders within 30 days)"
  FROM "population customers @ 2024-03-31" AS p
  LEFT JOIN "orders per customer_id @ 2024-03-31" AS l1 ON l1."customer_id" = p."customer_id"
),
"segment active @ 2024-03-31" AS (
  SELECT *, coalesce(coalesce("count(orders within 30 days)", 0) > 0, FALSE) AS "active"
  FROM "customers with links @ 2024-03-31"
),
"sizes @ 2024-03-31" AS (
  SELECT [
      {'#': 1, 'segment': 'active', 'size': count(*) FILTER (WHERE e."active")},
      {'#': 2, 'segment': 'everyone', 'size': count(*)}
    ] AS "rows"
  FROM "segment active @ 2024-03-31" AS e
),
"population customers @ 2024-04-30" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id @ 2024-04-30" AS (
  SELECT l."customer_id" AS "customer_id",
    count(*) FILTER (WHERE l."order_date" > CAST(DATE '2024-04-30' - INTERVAL 30 DAY AS DATE)) AS "count(orders within 30 days)"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-04-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links @ 2024-04-30" AS (
  SELECT p.*, l1."count(orders within 30 days)"
  FROM "population customers @ 2024-04-30" AS p
  LEFT JOIN "orders per customer_id @ 2024-04-30" AS l1 ON l1."customer_id" = p."customer_id"
),
"segment active @ 2024-04-30" AS (
  SELECT *, coalesce(coalesce("count(orders within 30 days)", 0) > 0, FALSE) AS "active"
  FROM "customers with links @ 2024-04-30"
),
"sizes @ 2024-04-30" AS (
  SELECT [
      {'#': 1, 'segment': 'active', 'size': count(*) FILTER (WHERE e."active")},
      {'#': 2, 'segment': 'everyone', 'size': count(*)}
    ] AS "rows"
  FROM "segment active @ 2024-04-30" AS e
)
SELECT "asof", "segment", "size"
FROM (
  SELECT DATE '2024-01-31' AS "asof", unnest("rows", recursive := true) FROM "sizes @ 2024-01-31"
  UNION ALL
  SELECT DATE '2024-02-29' AS "asof", unnest("rows", recursive := true) FROM "sizes @ 2024-02-29"
  UNION ALL
  SELECT DATE '2024-03-31' AS "asof", unnest("rows", recursive := true) FROM "sizes @ 2024-03-31"
  UNION ALL
  SELECT DATE '2024-04-30' AS "asof", unnest("rows", recursive := true) FROM "sizes @ 2024-04-30"
)
ORDER BY "asof", "#";
