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

-- view odd
CREATE OR REPLACE VIEW "odd" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"segment odd, let band and 6 more" AS (
  SELECT *,
    coalesce("customer_id" % 2 = 1 AND NOT "age" BETWEEN 30 AND 40 OR "country" NOT IN ('DE', 'FR'), FALSE) AS "odd",
    CASE WHEN "age" < 30 THEN 'young' WHEN "age" < 60 THEN 'middle' ELSE 'senior' END AS "band",
    round("Annual Income (k$)" / NULLIF(3, 0), 1) AS "income_third",
    date_diff('day', CAST("signup_date" AS DATE), CAST(DATE '2024-06-30' AS DATE)) AS "tenure",
    CAST("signup_date" + INTERVAL 12 MONTH AS DATE) AS "anniversary",
    abs(date_diff('day', CAST("signup_date" AS DATE), CAST(DATE '2024-06-30' AS DATE))) AS "gap",
    length(upper(lower("city_size"))) AS "letters",
    greatest(coalesce("Annual Income (k$)", 0), least(50, 60)) AS "floor_income"
  FROM "population customers"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."band", e."income_third", e."tenure", e."anniversary", e."gap", e."letters", e."floor_income"
FROM "segment odd, let band and 6 more" AS e
WHERE e."odd"
ORDER BY e."customer_id";

-- view pattern
CREATE OR REPLACE VIEW "pattern" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"segment pattern, let band and 6 more" AS (
  SELECT *,
    coalesce("city_size" LIKE 'u%' OR "city_size" ILIKE 'SUB%' OR "city_size" NOT LIKE 'r%', FALSE) AS "pattern",
    CASE WHEN "age" < 30 THEN 'young' WHEN "age" < 60 THEN 'middle' ELSE 'senior' END AS "band",
    round("Annual Income (k$)" / NULLIF(3, 0), 1) AS "income_third",
    date_diff('day', CAST("signup_date" AS DATE), CAST(DATE '2024-06-30' AS DATE)) AS "tenure",
    CAST("signup_date" + INTERVAL 12 MONTH AS DATE) AS "anniversary",
    abs(date_diff('day', CAST("signup_date" AS DATE), CAST(DATE '2024-06-30' AS DATE))) AS "gap",
    length(upper(lower("city_size"))) AS "letters",
    greatest(coalesce("Annual Income (k$)", 0), least(50, 60)) AS "floor_income"
  FROM "population customers"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."band", e."income_third", e."tenure", e."anniversary", e."gap", e."letters", e."floor_income"
FROM "segment pattern, let band and 6 more" AS e
WHERE e."pattern"
ORDER BY e."customer_id";

-- view recent
CREATE OR REPLACE VIEW "recent" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"segment recent, let band and 6 more" AS (
  SELECT *,
    coalesce("signup_date" >= DATE '2024-01-01' AND year("signup_date") = 2024 AND month("signup_date") <> 2, FALSE) AS "recent",
    CASE WHEN "age" < 30 THEN 'young' WHEN "age" < 60 THEN 'middle' ELSE 'senior' END AS "band",
    round("Annual Income (k$)" / NULLIF(3, 0), 1) AS "income_third",
    date_diff('day', CAST("signup_date" AS DATE), CAST(DATE '2024-06-30' AS DATE)) AS "tenure",
    CAST("signup_date" + INTERVAL 12 MONTH AS DATE) AS "anniversary",
    abs(date_diff('day', CAST("signup_date" AS DATE), CAST(DATE '2024-06-30' AS DATE))) AS "gap",
    length(upper(lower("city_size"))) AS "letters",
    greatest(coalesce("Annual Income (k$)", 0), least(50, 60)) AS "floor_income"
  FROM "population customers"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."band", e."income_third", e."tenure", e."anniversary", e."gap", e."letters", e."floor_income"
FROM "segment recent, let band and 6 more" AS e
WHERE e."recent"
ORDER BY e."customer_id";

-- view known
CREATE OR REPLACE VIEW "known" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"segment known, let band and 6 more" AS (
  SELECT *,
    coalesce("gender" IS NOT NULL AND ("age" IS NULL) = FALSE, FALSE) AS "known",
    CASE WHEN "age" < 30 THEN 'young' WHEN "age" < 60 THEN 'middle' ELSE 'senior' END AS "band",
    round("Annual Income (k$)" / NULLIF(3, 0), 1) AS "income_third",
    date_diff('day', CAST("signup_date" AS DATE), CAST(DATE '2024-06-30' AS DATE)) AS "tenure",
    CAST("signup_date" + INTERVAL 12 MONTH AS DATE) AS "anniversary",
    abs(date_diff('day', CAST("signup_date" AS DATE), CAST(DATE '2024-06-30' AS DATE))) AS "gap",
    length(upper(lower("city_size"))) AS "letters",
    greatest(coalesce("Annual Income (k$)", 0), least(50, 60)) AS "floor_income"
  FROM "population customers"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."band", e."income_third", e."tenure", e."anniversary", e."gap", e."letters", e."floor_income"
FROM "segment known, let band and 6 more" AS e
WHERE e."known"
ORDER BY e."customer_id";

-- compare
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
  WHERE "customer_id" IS NOT NULL
),
"segment odd, segment pattern and 5 more" AS (
  SELECT *,
    coalesce("customer_id" % 2 = 1 AND NOT "age" BETWEEN 30 AND 40 OR "country" NOT IN ('DE', 'FR'), FALSE) AS "odd",
    coalesce("city_size" LIKE 'u%' OR "city_size" ILIKE 'SUB%' OR "city_size" NOT LIKE 'r%', FALSE) AS "pattern",
    coalesce("signup_date" >= DATE '2024-01-01' AND year("signup_date") = 2024 AND month("signup_date") <> 2, FALSE) AS "recent",
    coalesce("gender" IS NOT NULL AND ("age" IS NULL) = FALSE, FALSE) AS "known",
    round("Annual Income (k$)" / NULLIF(3, 0), 1) AS "income_third",
    CAST("signup_date" + INTERVAL 12 MONTH AS DATE) AS "anniversary",
    CASE WHEN "age" < 30 THEN 'young' WHEN "age" < 60 THEN 'middle' ELSE 'senior' END AS "band"
  FROM "population customers"
),
"compare" AS (
  SELECT [
      {'#': 1, 'segment': 'odd', 'size': count(*) FILTER (WHERE e."odd"), 'share': count(*) FILTER (WHERE e."odd") / NULLIF(count(*), 0), 'avg(income_third)': avg(e."income_third") FILTER (WHERE e."odd"), 'last_anniversary': max(e."anniversary") FILTER (WHERE e."odd"), 'count_distinct(band)': CASE WHEN count(*) FILTER (WHERE e."odd") = 0 THEN NULL ELSE count(DISTINCT e."band") FILTER (WHERE e."odd") END},
      {'#': 2, 'segment': 'pattern', 'size': count(*) FILTER (WHERE e."pattern"), 'share': count(*) FILTER (WHERE e."pattern") / NULLIF(count(*), 0), 'avg(income_third)': avg(e."income_third") FILTER (WHERE e."pattern"), 'last_anniversary': max(e."anniversary") FILTER (WHERE e."pattern"), 'count_distinct(band)': CASE WHEN count(*) FILTER (WHERE e."pattern") = 0 THEN NULL ELSE count(DISTINCT e."band") FILTER (WHERE e."pattern") END},
      {'#': 3, 'segment': 'recent', 'size': count(*) FILTER (WHERE e."recent"), 'share': count(*) FILTER (WHERE e."recent") / NULLIF(count(*), 0), 'avg(income_third)': avg(e."income_third") FILTER (WHERE e."recent"), 'last_anniversary': max(e."anniversary") FILTER (WHERE e."recent"), 'count_distinct(band)': CASE WHEN count(*) FILTER (WHERE e."recent") = 0 THEN NULL ELSE count(DISTINCT e."band") FILTER (WHERE e."recent") END},
      {'#': 4, 'segment': 'known', 'size': count(*) FILTER (WHERE e."known"), 'share': count(*) FILTER (WHERE e."known") / NULLIF(count(*), 0), 'avg(income_third)': avg(e."income_third") FILTER (WHERE e."known"), 'last_anniversary': max(e."anniversary") FILTER (WHERE e."known"), 'count_distinct(band)': CASE WHEN count(*) FILTER (WHERE e."known") = 0 THEN NULL ELSE count(DISTINCT e."band") FILTER (WHERE e."known") END}
    ] AS "rows"
  FROM "segment odd, segment pattern and 5 more" AS e
)
SELECT "segment", "size", "share", "avg(income_third)", "last_anniversary", "count_distinct(band)"
FROM (SELECT unnest("rows", recursive := true) FROM "compare")
ORDER BY "#";
