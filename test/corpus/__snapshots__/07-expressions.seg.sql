-- 13:52 syntax: unexpected '=': expected the end of the statement (or a new statement)

-- 14:31 unknown-segment: unknown segment 'known'

-- view odd
CREATE OR REPLACE VIEW "odd" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
),
"let band" AS (
  SELECT *, CASE WHEN "age" < 30 THEN 'young' WHEN "age" < 60 THEN 'middle' ELSE 'senior' END AS "band"
  FROM "population customers"
),
"let income_third" AS (
  SELECT *, round("Annual Income (k$)" / NULLIF(3, 0), 1) AS "income_third"
  FROM "let band"
),
"let tenure" AS (
  SELECT *, date_diff('day', CAST("signup_date" AS DATE), CAST(DATE '2024-06-30' AS DATE)) AS "tenure"
  FROM "let income_third"
),
"let anniversary" AS (
  SELECT *, CAST("signup_date" + INTERVAL 12 MONTH AS DATE) AS "anniversary"
  FROM "let tenure"
),
"let gap" AS (
  SELECT *, abs(date_diff('day', CAST("signup_date" AS DATE), CAST(DATE '2024-06-30' AS DATE))) AS "gap"
  FROM "let anniversary"
),
"let letters" AS (
  SELECT *, length(upper(lower("city_size"))) AS "letters"
  FROM "let gap"
),
"let floor_income" AS (
  SELECT *, greatest(coalesce("Annual Income (k$)", 0), least(50, 60)) AS "floor_income"
  FROM "let letters"
),
"segment odd" AS (
  SELECT *, coalesce("customer_id" % 2 = 1 AND NOT "age" BETWEEN 30 AND 40 OR "country" NOT IN ('DE', 'FR'), FALSE) AS "odd"
  FROM "let floor_income"
),
"segment pattern" AS (
  SELECT *, coalesce("city_size" LIKE 'u%' OR "city_size" ILIKE 'SUB%' OR "city_size" NOT LIKE 'r%', FALSE) AS "pattern"
  FROM "segment odd"
),
"segment recent" AS (
  SELECT *, coalesce("signup_date" >= DATE '2024-01-01' AND year("signup_date") = 2024 AND month("signup_date") <> 2, FALSE) AS "recent"
  FROM "segment pattern"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."band", e."income_third", e."tenure", e."anniversary", e."gap", e."letters", e."floor_income"
FROM "segment recent" AS e
WHERE e."odd"
ORDER BY e."customer_id";

-- view pattern
CREATE OR REPLACE VIEW "pattern" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
),
"let band" AS (
  SELECT *, CASE WHEN "age" < 30 THEN 'young' WHEN "age" < 60 THEN 'middle' ELSE 'senior' END AS "band"
  FROM "population customers"
),
"let income_third" AS (
  SELECT *, round("Annual Income (k$)" / NULLIF(3, 0), 1) AS "income_third"
  FROM "let band"
),
"let tenure" AS (
  SELECT *, date_diff('day', CAST("signup_date" AS DATE), CAST(DATE '2024-06-30' AS DATE)) AS "tenure"
  FROM "let income_third"
),
"let anniversary" AS (
  SELECT *, CAST("signup_date" + INTERVAL 12 MONTH AS DATE) AS "anniversary"
  FROM "let tenure"
),
"let gap" AS (
  SELECT *, abs(date_diff('day', CAST("signup_date" AS DATE), CAST(DATE '2024-06-30' AS DATE))) AS "gap"
  FROM "let anniversary"
),
"let letters" AS (
  SELECT *, length(upper(lower("city_size"))) AS "letters"
  FROM "let gap"
),
"let floor_income" AS (
  SELECT *, greatest(coalesce("Annual Income (k$)", 0), least(50, 60)) AS "floor_income"
  FROM "let letters"
),
"segment odd" AS (
  SELECT *, coalesce("customer_id" % 2 = 1 AND NOT "age" BETWEEN 30 AND 40 OR "country" NOT IN ('DE', 'FR'), FALSE) AS "odd"
  FROM "let floor_income"
),
"segment pattern" AS (
  SELECT *, coalesce("city_size" LIKE 'u%' OR "city_size" ILIKE 'SUB%' OR "city_size" NOT LIKE 'r%', FALSE) AS "pattern"
  FROM "segment odd"
),
"segment recent" AS (
  SELECT *, coalesce("signup_date" >= DATE '2024-01-01' AND year("signup_date") = 2024 AND month("signup_date") <> 2, FALSE) AS "recent"
  FROM "segment pattern"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."band", e."income_third", e."tenure", e."anniversary", e."gap", e."letters", e."floor_income"
FROM "segment recent" AS e
WHERE e."pattern"
ORDER BY e."customer_id";

-- view recent
CREATE OR REPLACE VIEW "recent" AS
WITH
"population customers" AS (
  SELECT *
  FROM "customers"
),
"let band" AS (
  SELECT *, CASE WHEN "age" < 30 THEN 'young' WHEN "age" < 60 THEN 'middle' ELSE 'senior' END AS "band"
  FROM "population customers"
),
"let income_third" AS (
  SELECT *, round("Annual Income (k$)" / NULLIF(3, 0), 1) AS "income_third"
  FROM "let band"
),
"let tenure" AS (
  SELECT *, date_diff('day', CAST("signup_date" AS DATE), CAST(DATE '2024-06-30' AS DATE)) AS "tenure"
  FROM "let income_third"
),
"let anniversary" AS (
  SELECT *, CAST("signup_date" + INTERVAL 12 MONTH AS DATE) AS "anniversary"
  FROM "let tenure"
),
"let gap" AS (
  SELECT *, abs(date_diff('day', CAST("signup_date" AS DATE), CAST(DATE '2024-06-30' AS DATE))) AS "gap"
  FROM "let anniversary"
),
"let letters" AS (
  SELECT *, length(upper(lower("city_size"))) AS "letters"
  FROM "let gap"
),
"let floor_income" AS (
  SELECT *, greatest(coalesce("Annual Income (k$)", 0), least(50, 60)) AS "floor_income"
  FROM "let letters"
),
"segment odd" AS (
  SELECT *, coalesce("customer_id" % 2 = 1 AND NOT "age" BETWEEN 30 AND 40 OR "country" NOT IN ('DE', 'FR'), FALSE) AS "odd"
  FROM "let floor_income"
),
"segment pattern" AS (
  SELECT *, coalesce("city_size" LIKE 'u%' OR "city_size" ILIKE 'SUB%' OR "city_size" NOT LIKE 'r%', FALSE) AS "pattern"
  FROM "segment odd"
),
"segment recent" AS (
  SELECT *, coalesce("signup_date" >= DATE '2024-01-01' AND year("signup_date") = 2024 AND month("signup_date") <> 2, FALSE) AS "recent"
  FROM "segment pattern"
)
SELECT e."customer_id", e."gender", e."age", e."country", e."city_size", e."signup_date", e."email_opt_in", e."Annual Income (k$)", e."band", e."income_third", e."tenure", e."anniversary", e."gap", e."letters", e."floor_income"
FROM "segment recent" AS e
WHERE e."recent"
ORDER BY e."customer_id";
