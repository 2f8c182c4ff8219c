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

-- view us
CREATE OR REPLACE VIEW "us" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"segment us" AS (
  SELECT *, coalesce("country" = 'US', FALSE) AS "us"
  FROM "population customers"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)"
FROM "segment us" AS e
WHERE e."us"
ORDER BY e."customer_id";

-- view seniors
CREATE OR REPLACE VIEW "seniors" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"segment seniors" AS (
  SELECT *, coalesce("age" >= 65, FALSE) AS "seniors"
  FROM "population customers"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)"
FROM "segment seniors" AS e
WHERE e."seniors"
ORDER BY e."customer_id";

-- view us_seniors
CREATE OR REPLACE VIEW "us_seniors" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"segment us, segment seniors" AS (
  SELECT *,
    coalesce("country" = 'US', FALSE) AS "us",
    coalesce("age" >= 65, FALSE) AS "seniors"
  FROM "population customers"
),
"segment us_seniors" AS (
  SELECT *, coalesce("us" AND "seniors", FALSE) AS "us_seniors"
  FROM "segment us, segment seniors"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)"
FROM "segment us_seniors" AS e
WHERE e."us_seniors"
ORDER BY e."customer_id";

-- compare
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"segment us, segment seniors" AS (
  SELECT *,
    coalesce("country" = 'US', FALSE) AS "us",
    coalesce("age" >= 65, FALSE) AS "seniors"
  FROM "population customers"
),
"segment us_seniors" AS (
  SELECT *, coalesce("us" AND "seniors", FALSE) AS "us_seniors"
  FROM "segment us, segment seniors"
),
"membership groups" AS (
  SELECT e."us", e."seniors", e."us_seniors", count(*) AS "group members"
  FROM "segment us_seniors" AS e
  GROUP BY ALL
),
"compare" AS (
  SELECT [
      {'#': 1, 'segment': 'everyone', 'size': CAST(coalesce(sum(g."group members"), 0) AS BIGINT), 'share': CAST(coalesce(sum(g."group members"), 0) AS BIGINT) / NULLIF(sum(g."group members"), 0)},
      {'#': 2, 'segment': 'us', 'size': CAST(coalesce(sum(g."group members") FILTER (WHERE g."us"), 0) AS BIGINT), 'share': CAST(coalesce(sum(g."group members") FILTER (WHERE g."us"), 0) AS BIGINT) / NULLIF(sum(g."group members"), 0)},
      {'#': 3, 'segment': 'seniors', 'size': CAST(coalesce(sum(g."group members") FILTER (WHERE g."seniors"), 0) AS BIGINT), 'share': CAST(coalesce(sum(g."group members") FILTER (WHERE g."seniors"), 0) AS BIGINT) / NULLIF(sum(g."group members"), 0)},
      {'#': 4, 'segment': 'us_seniors', 'size': CAST(coalesce(sum(g."group members") FILTER (WHERE g."us_seniors"), 0) AS BIGINT), 'share': CAST(coalesce(sum(g."group members") FILTER (WHERE g."us_seniors"), 0) AS BIGINT) / NULLIF(sum(g."group members"), 0)}
    ] AS "rows"
  FROM "membership groups" AS g
)
SELECT "segment", "size", "share"
FROM (SELECT unnest("rows", recursive := true) FROM "compare")
ORDER BY "#";
