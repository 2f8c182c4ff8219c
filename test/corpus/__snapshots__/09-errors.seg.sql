-- 2:14 unknown-column: unknown column 'contry' — did you mean 'country'?

-- 3:12 unknown-function: unknown function 'shout'

-- 4:27 syntax: unexpected ')': expected the end of the statement (or a new statement)

-- 5:9 cycle: 'a_side' depends on itself: a_side → b_side → a_side

-- 6:9 cycle: 'b_side' depends on itself: b_side → a_side → b_side

-- 7:5 duplicate: 'age' is already a column of customers: choose another name

-- 8:13 unknown-segment: unknown segment 'nobody'

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
