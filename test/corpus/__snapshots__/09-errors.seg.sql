-- 2:14 unknown-column: unknown column 'contry' — did you mean 'country'?

-- 3:12 unknown-function: unknown function 'shout'

-- 4:27 syntax: unexpected ')': expected the end of the statement (or a new statement)

-- 5:9 cycle: 'a_side' depends on itself: a_side → b_side → a_side

-- 6:9 cycle: 'b_side' depends on itself: b_side → a_side → b_side

-- 7:5 duplicate: 'age' is already a column of customers: choose another name

-- 8:13 unknown-segment: unknown segment 'nobody'
