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

-- view champions
CREATE OR REPLACE VIEW "champions" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id" AS (
  SELECT l."customer_id" AS "customer_id",
    max(l."order_date") AS "max(orders.order_date)",
    count(*) AS "count(orders)",
    sum(l."amount") AS "sum(orders.amount)"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."max(orders.order_date)", l1."count(orders)", l1."sum(orders.amount)"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"let recency, let frequency, let monetary" AS (
  SELECT *,
    date_diff('day', CAST("max(orders.order_date)" AS DATE), CAST(DATE '2024-06-30' AS DATE)) AS "recency",
    coalesce("count(orders)", 0) AS "frequency",
    coalesce("sum(orders.amount)", 0) AS "monetary"
  FROM "customers with links"
),
"quantile(5, recency desc), quantile(5, frequency), quantile(5, monetary asc)" AS (
  SELECT *,
    CASE WHEN "recency" IS NULL THEN NULL ELSE (5 * count("recency") OVER (ORDER BY "recency" DESC) + count("recency") OVER () - 1) // count("recency") OVER () END AS "quantile(5, recency desc)",
    CASE WHEN "frequency" IS NULL THEN NULL ELSE (5 * count("frequency") OVER (ORDER BY "frequency" ASC) + count("frequency") OVER () - 1) // count("frequency") OVER () END AS "quantile(5, frequency)",
    CASE WHEN "monetary" IS NULL THEN NULL ELSE (5 * count("monetary") OVER (ORDER BY "monetary" ASC) + count("monetary") OVER () - 1) // count("monetary") OVER () END AS "quantile(5, monetary asc)"
  FROM "let recency, let frequency, let monetary"
),
"let r, let f, let m" AS (
  SELECT *,
    "quantile(5, recency desc)" AS "r",
    "quantile(5, frequency)" AS "f",
    "quantile(5, monetary asc)" AS "m"
  FROM "quantile(5, recency desc), quantile(5, frequency), quantile(5, monetary asc)"
),
"segment champions" AS (
  SELECT *, coalesce("r" >= 4 AND "f" >= 4 AND "m" >= 4, FALSE) AS "champions"
  FROM "let r, let f, let m"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."recency", e."frequency", e."monetary", e."r", e."f", e."m"
FROM "segment champions" AS e
WHERE e."champions"
ORDER BY e."customer_id";

-- view at_risk
CREATE OR REPLACE VIEW "at_risk" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"orders per customer_id" AS (
  SELECT l."customer_id" AS "customer_id",
    max(l."order_date") AS "max(orders.order_date)",
    count(*) AS "count(orders)",
    sum(l."amount") AS "sum(orders.amount)"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."max(orders.order_date)", l1."count(orders)", l1."sum(orders.amount)"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"let recency, let frequency, let monetary" AS (
  SELECT *,
    date_diff('day', CAST("max(orders.order_date)" AS DATE), CAST(DATE '2024-06-30' AS DATE)) AS "recency",
    coalesce("count(orders)", 0) AS "frequency",
    coalesce("sum(orders.amount)", 0) AS "monetary"
  FROM "customers with links"
),
"quantile(5, recency desc), quantile(5, frequency), quantile(5, monetary asc)" AS (
  SELECT *,
    CASE WHEN "recency" IS NULL THEN NULL ELSE (5 * count("recency") OVER (ORDER BY "recency" DESC) + count("recency") OVER () - 1) // count("recency") OVER () END AS "quantile(5, recency desc)",
    CASE WHEN "frequency" IS NULL THEN NULL ELSE (5 * count("frequency") OVER (ORDER BY "frequency" ASC) + count("frequency") OVER () - 1) // count("frequency") OVER () END AS "quantile(5, frequency)",
    CASE WHEN "monetary" IS NULL THEN NULL ELSE (5 * count("monetary") OVER (ORDER BY "monetary" ASC) + count("monetary") OVER () - 1) // count("monetary") OVER () END AS "quantile(5, monetary asc)"
  FROM "let recency, let frequency, let monetary"
),
"let r, let f, let m" AS (
  SELECT *,
    "quantile(5, recency desc)" AS "r",
    "quantile(5, frequency)" AS "f",
    "quantile(5, monetary asc)" AS "m"
  FROM "quantile(5, recency desc), quantile(5, frequency), quantile(5, monetary asc)"
),
"segment at_risk" AS (
  SELECT *, coalesce("r" <= 2 AND "f" >= 3, FALSE) AS "at_risk"
  FROM "let r, let f, let m"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."recency", e."frequency", e."monetary", e."r", e."f", e."m"
FROM "segment at_risk" AS e
WHERE e."at_risk"
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
    max(l."order_date") AS "max(orders.order_date)",
    count(*) AS "count(orders)",
    sum(l."amount") AS "sum(orders.amount)"
  FROM "orders" AS l
  WHERE l."order_date" <= DATE '2024-06-30' OR l."order_date" IS NULL
  GROUP BY l."customer_id"
),
"customers with links" AS (
  SELECT p.*, l1."max(orders.order_date)", l1."count(orders)", l1."sum(orders.amount)"
  FROM "population customers" AS p
  LEFT JOIN "orders per customer_id" AS l1 ON l1."customer_id" = p."customer_id"
),
"let recency, let frequency, let monetary" AS (
  SELECT *,
    date_diff('day', CAST("max(orders.order_date)" AS DATE), CAST(DATE '2024-06-30' AS DATE)) AS "recency",
    coalesce("count(orders)", 0) AS "frequency",
    coalesce("sum(orders.amount)", 0) AS "monetary"
  FROM "customers with links"
),
"quantile(5, recency desc), quantile(5, frequency), quantile(5, monetary asc)" AS (
  SELECT *,
    CASE WHEN "recency" IS NULL THEN NULL ELSE (5 * count("recency") OVER (ORDER BY "recency" DESC) + count("recency") OVER () - 1) // count("recency") OVER () END AS "quantile(5, recency desc)",
    CASE WHEN "frequency" IS NULL THEN NULL ELSE (5 * count("frequency") OVER (ORDER BY "frequency" ASC) + count("frequency") OVER () - 1) // count("frequency") OVER () END AS "quantile(5, frequency)",
    CASE WHEN "monetary" IS NULL THEN NULL ELSE (5 * count("monetary") OVER (ORDER BY "monetary" ASC) + count("monetary") OVER () - 1) // count("monetary") OVER () END AS "quantile(5, monetary asc)"
  FROM "let recency, let frequency, let monetary"
),
"let r, let f, let m" AS (
  SELECT *,
    "quantile(5, recency desc)" AS "r",
    "quantile(5, frequency)" AS "f",
    "quantile(5, monetary asc)" AS "m"
  FROM "quantile(5, recency desc), quantile(5, frequency), quantile(5, monetary asc)"
),
"segment champions, segment at_risk" AS (
  SELECT *,
    coalesce("r" >= 4 AND "f" >= 4 AND "m" >= 4, FALSE) AS "champions",
    coalesce("r" <= 2 AND "f" >= 3, FALSE) AS "at_risk"
  FROM "let r, let f, let m"
),
"compare" AS (
  SELECT [
      {'#': 1, 'segment': 'everyone', 'size': count(*), 'share': count(*) / NULLIF(count(*), 0), 'avg_monetary': avg(e."monetary"), 'median(recency)': median(CAST(e."recency" AS DOUBLE))},
      {'#': 2, 'segment': 'champions', 'size': count(*) FILTER (WHERE e."champions"), 'share': count(*) FILTER (WHERE e."champions") / NULLIF(count(*), 0), 'avg_monetary': avg(e."monetary") FILTER (WHERE e."champions"), 'median(recency)': median(CAST(e."recency" AS DOUBLE)) FILTER (WHERE e."champions")},
      {'#': 3, 'segment': 'at_risk', 'size': count(*) FILTER (WHERE e."at_risk"), 'share': count(*) FILTER (WHERE e."at_risk") / NULLIF(count(*), 0), 'avg_monetary': avg(e."monetary") FILTER (WHERE e."at_risk"), 'median(recency)': median(CAST(e."recency" AS DOUBLE)) FILTER (WHERE e."at_risk")}
    ] AS "rows"
  FROM "segment champions, segment at_risk" AS e
)
SELECT "segment", "size", "share", "avg_monetary", "median(recency)"
FROM (SELECT unnest("rows", recursive := true) FROM "compare")
ORDER BY "#";
