import { describe, expect, it } from 'vitest';
import { buildProgram, compileCell } from '../../src/lang/index.ts';
import { ASOF, retailCatalog } from './fixtures.ts';

/**
 * Every diagnostic the compiler gives, with its exact words and position: messages are part of
 * the product (spec §7), so a change of wording is a reviewed change of this file.
 */
const HEAD = 'population customers key customer_id\nlink orders on customer_id time order_date\n';

function diagnose(source: string): string[] {
  const compiled = compileCell(buildProgram([{ index: 0, source: HEAD + source }]), 0, retailCatalog, { asof: ASOF });
  return compiled.diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.code}: ${d.message}`);
}

/** What a cell using cell 0's definitions is told: cell 0 is HEAD and `defining`, the user is cell `at`. */
function diagnoseUse(defining: string, using: string, at = 1): string[] {
  const program = buildProgram([{ index: 0, source: HEAD + defining }, { index: at, source: using }]);
  return compileCell(program, at, retailCatalog, { asof: ASOF }).diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.message}`);
}

const cases: [string, string, string[]][] = [
  ["unexpected-character", 'segment s = age > 3 ?', ["3:21 unexpected-character: unexpected character '?'"]],
  ["a sign pasted from a document, without the parser's stumble on the token after it", 'segment s = age ≠ 3', ["3:17 unexpected-character: unexpected character '≠': write !="]],
  ["a bad character at a line's end: what the statement lacks is still said", 'segment s = age >= $\nsegment t = age > 1', ['3:18 syntax: the statement ended too early: expected an expression', "3:20 unexpected-character: unexpected character '$'"]],
  ["syntax missing expr", 'segment s = ', ["3:11 syntax: the statement ended too early: expected an expression"]],
  ["syntax keyword", 'segment = age > 3', ["3:9 syntax: unexpected '=': expected a name"]],
  ["syntax missing name", 'segment', ["3:7 syntax: the statement ended too early: expected a name"]],
  ["syntax missing segments", 'compare', ["3:7 syntax: the statement ended too early: expected a name or 'everyone'"]],
  ["bad-date", "segment s = signup_date > 2024-02-30", ["3:27 bad-date: '2024-02-30' is not a date on the calendar"]],
  ["type compare", "segment s = age = 'x'", ["3:13 type: cannot compare a number with text"]],
  ["type and", 'segment s = age and country', ["3:13 type: a condition must be true or false, but this is a number", "3:21 type: a condition must be true or false, but this is text"]],
  ["type arith", "let x = country + 1", ["3:9 type: '+' needs numbers, but one side is text"]],
  ["type date+num", 'let x = signup_date + 3', ["3:9 type: '+' needs numbers, but one side is a date: add a duration such as 30 days"]],
  ["type duration let", 'let x = 3 days', ["3:9 type: a let cannot hold a duration on its own: add it to a date"]],
  ["type like", 'segment s = age like 3', ["3:13 type: like compares text, but this is a number"]],
  ["type case", "let x = case when age > 3 then 'a' else 3 end", ["3:9 type: the results of this case mix text and a number"]],
  ["type segment not boolean", 'segment s = age', ["3:13 type: a condition must be true or false, but this is a number"]],
  ["unknown-column", "segment s = contry = 'US'", ["3:13 unknown-column: unknown column 'contry' — did you mean 'country'?"]],
  ["unknown-column in agg", "let x = count(orders where chanel = 'web')", ["3:28 unknown-column: unknown column 'chanel' in orders or customers — did you mean 'channel'?"]],
  ["a word compared with text is text without quotes", 'segment x = country = US', ["3:23 unknown-column: unknown column 'US' — did you mean the text 'US'? (write text in single quotes)"]],
  ["a word compared with text in an aggregate", 'segment web_buyers = count(orders where channel = web) > 0', ["3:51 unknown-column: unknown column 'web' in orders or customers — did you mean the text 'web'? (write text in single quotes)"]],
  ["words in a list compared with text", 'segment x = country in (US, GB)', [
    "3:25 unknown-column: unknown column 'US' — did you mean the text 'US'? (write text in single quotes)",
    "3:29 unknown-column: unknown column 'GB' — did you mean the text 'GB'? (write text in single quotes)",
  ]],
  ["a pattern written without quotes", 'segment x = country like US', ["3:26 unknown-column: unknown column 'US' — did you mean the text 'US'? (write text in single quotes)"]],
  ["a word near the column it is compared with: only the text is offered", 'segment x = country = countr', ["3:23 unknown-column: unknown column 'countr' — did you mean the text 'countr'? (write text in single quotes)"]],
  ["a word compared with text, near a column: both are offered", 'segment x = lower(country) = contry', ["3:30 unknown-column: unknown column 'contry' — did you mean 'country', or the text 'contry'? (write text in single quotes)"]],
  ["a word compared with a number is no text", 'segment x = age = US', ["3:19 unknown-column: unknown column 'US'"]],
  ["link-outside", 'segment s = orders > 3', ["3:13 link-outside-aggregate: 'orders' is a linked table: use it inside an aggregate, like count(orders)"]],
  ["link col outside", 'segment s = orders.amount > 3', ["3:13 link-outside-aggregate: orders.amount is a column of the linked table orders: use it inside an aggregate, like sum(orders.amount)"]],
  ["unknown-part", "partition t { a: age > 50  b: otherwise }\nsegment s = t.c", ["4:15 unknown-part: partition t has no part 'c' — did you mean 'a'?"]],
  ["unknown-function", 'let x = shout(country)', ["3:9 unknown-function: unknown function 'shout'"]],
  ["unknown-function near", 'let x = uper(country)', ["3:9 unknown-function: unknown function 'uper' — did you mean 'upper'?"]],
  ["size outside expect", 'let x = size(everyone)', ["3:9 unknown-function: unknown function 'size' (size() is only used in expect)"]],
  ["arity", 'let x = year(signup_date, 2)', ["3:9 arity: year(date) takes 1 argument"]],
  ["arity round", 'let x = round()', ["3:9 arity: round(x [, digits]) takes 1 to 2 arguments"]],
  ["arg type", 'let x = year(age)', ["3:14 type: year(date): argument 1 should be a date, not a number"]],
  ["nested agg", 'let x = sum(orders.amount where count(orders) > 1)', ["3:33 aggregate-context: count(): aggregates cannot be nested"]],
  ["an aggregate of the link itself, not of a column of it", 'let x = sum(orders)\nlet y = avg(orders where amount > 1)\nsegment s = first(orders) = 1', [
    '3:13 aggregate-link: sum() needs a column of orders: sum(orders.COLUMN)',
    '4:13 aggregate-link: avg() needs a column of orders: avg(orders.COLUMN)',
    '5:19 aggregate-link: first() needs a column of orders: first(orders.COLUMN)',
  ]],
  ["agg no link", 'let x = sum(age)', ["3:9 aggregate-link: sum() works on a linked table: sum(link.x [where C] [within D])"]],
  ["min two", 'let x = min(age, 3)', ["3:9 aggregate-link: min() works on a linked table: min(link.x [where C] [within D]) (for the smaller of two values use least)"]],
  ["sum text", 'let x = sum(orders.channel)', ["3:13 type: sum() needs numbers, but orders.channel is text"]],
  ["quantile nested", 'let x = quantile(4, quantile(3, age))', ["3:9 nested-quantile: quantile() cannot rank another quantile directly: define it as a let first"]],
  ["quantile bad n", 'let x = quantile(0, age)', ["3:9 arity: quantile(N, value [asc|desc]) takes a whole number of buckets N ≥ 1 and a value"]],
  ["duplicate", 'segment a = age > 1\nsegment a = age > 2', ["4:9 duplicate: 'a' is already defined (line 3): every name is defined once per notebook"]],
  ["duplicate table", 'segment orders = age > 1', ["3:9 duplicate: 'orders' is already defined (line 2): every name is defined once per notebook"]],
  ["shadow", 'let country = 1', ["3:5 duplicate: 'country' is already a column of customers: choose another name"]],
  ["cycle self", 'let x = x + 1', ["3:5 cycle: 'x' depends on itself: x → x"]],
  ["otherwise-last", 'partition t { a: otherwise  b: age > 3 }', ["3:15 otherwise-last: 'otherwise' takes everything left, so it must be the last part"]],
  ["empty-partition", 'partition t { }', ["3:1 empty-partition: partition t has no parts: write PART: CONDITION lines inside the braces"]],
  ["duplicate part", 'partition t { a: age > 3  a: otherwise }', ["3:27 duplicate: partition t has two parts named 'a'"]],
  ["covered part: thresholds in the wrong order", 'partition t {\n  any: age > 20\n  old: age >= 60\n  rest: otherwise\n}', ["5:3 covered-part: part 'old' never has members: everyone it matches is in 'any' already (each goes to the first part that matches): put the stricter part first"]],
  ["covered part: a stricter condition on an earlier part", "partition t {\n  us: country = 'US'\n  us_young: country = 'US' and age < 30\n}", ["5:3 covered-part: part 'us_young' never has members: everyone it matches is in 'us' already (each goes to the first part that matches): put the stricter part first"]],
  ["covered part: a value within everything but another", "partition t {\n  not_us: country != 'US'\n  gb: country = 'GB'\n  rest: otherwise\n}", ["5:3 covered-part: part 'gb' never has members: everyone it matches is in 'not_us' already (each goes to the first part that matches): put the stricter part first"]],
  ["covered part: a negated condition", "partition t {\n  not_young: not (age < 30)\n  senior: age >= 65\n}", ["5:3 covered-part: part 'senior' never has members: everyone it matches is in 'not_young' already (each goes to the first part that matches): put the stricter part first"]],
  ["covered part: text ranges", "partition t {\n  a_to_l: country < 'M'\n  a_to_c: country < 'D'\n}", ["5:3 covered-part: part 'a_to_c' never has members: everyone it matches is in 'a_to_l' already (each goes to the first part that matches): put the stricter part first"]],
  ["no covered part: placeholders of false, as an exercise has them", "partition t {\n  a: false\n  b: false\n  rest: otherwise\n}", []],
  ["split-percent", 'segment e = age > 3\nsplit ab = e into a 50%, b 40%', ["4:19 split-percent: the percentages of split ab add up to 90%, not 100%"]],
  ["split zero", 'segment e = age > 3\nsplit ab = e into a 0%, b 100%', ["4:19 split-percent: arm 'a' needs a percentage above 0%"]],
  ["split unknown segment", 'segment engaged = age > 3\nsplit ab = engagd into a 50%, b 50%', ["4:12 unknown-segment: unknown segment 'engagd' — did you mean 'engaged'?"]],
  ["limit", 'segment e = age > 3\nshow e limit 2.5', ["4:14 limit: limit takes a whole number of rows"]],
  ["round's digits are whole", 'let r = round(age / 1000, 1.5)', ["3:27 type: round()'s digits are a whole number, as in round(x, 1)"]],
  ["least of a number and text", "let l = least(age, 'x')", ["3:20 type: least() takes values of one kind: argument 1 is a number, argument 2 text"]],
  ["coalesce of a date and a number", 'let c = coalesce(signup_date, 0)', ["3:31 type: coalesce() takes values of one kind: argument 1 is a date, argument 2 a number"]],
  ["a number past what a double holds", 'let e = 1e400', ["3:9 number: this number is too large to compute with"]],
  ["a limit past what any table holds", 'segment e = age > 3\nshow e limit 99999999999999999999', ["4:14 limit: limit takes at most 9007199254740991 rows"]],
  ["metric", 'segment e = age > 3\ncompare e on age', ["4:14 metric: a metric is count, avg(x), sum(x), min(x), max(x), median(x), count_distinct(x) or pct(condition), where x is a per-entity value"]],
  ["metric fn", 'segment e = age > 3\ncompare e on avrg(age)', ["4:14 metric: a metric is count, avg(x), sum(x), min(x), max(x), median(x), count_distinct(x) or pct(condition), where x is a per-entity value — did you mean 'avg'?"]],
  ["metric dup", 'segment e = age > 3\ncompare e on count, count', ["4:21 duplicate: two columns would be named 'count': give one a name with 'as'"]],
  ["overlap dup", 'segment e = age > 3\noverlap e, everyone, E', ["4:22 duplicate: 'e' is listed twice"]],
  ["single-segment", "partition t { a: age > 50  b: otherwise }\nshow t", ["4:6 single-segment: 't' has several parts: name one, like t.a"]],
  ["unknown-segment", 'compare nobody', ["3:9 unknown-segment: unknown segment 'nobody'"]],
  ["not a segment", 'let x = 1\ncompare x', ["4:9 unknown-segment: 'x' is a let, not a segment"]],
  ["expect", 'expect avg(age) > 3', ["3:8 expect: expect can use size(SEGMENT), share(SEGMENT), numbers and comparisons, not avg()"]],
  ["a percentage where a number goes", 'segment e = age > 3\nexpect share(e) > 50%', ["4:19 syntax: write 50% as a fraction here: 0.5 (a percent sign only follows a split's arms)"]],
  ["a percentage before more of the statement", 'segment e = age > 3\nexpect share(e) > 12.5% and size(e) > 1', ["4:19 syntax: write 12.5% as a fraction here: 0.125 (a percent sign only follows a split's arms)"]],
  ["expect without a comparison", 'expect size(everyone)', ["3:8 expect: expect needs a condition, true or false: compare the value, as in size(big) > 100"]],
  ["expect of arithmetic", 'segment e = age > 3\nexpect size(e) + 1', ["4:8 expect: expect needs a condition, true or false: compare the value, as in size(big) > 100"]],
  ["trend dates", 'trend everyone every 1 month from 2024-05-01 to 2024-01-01', ["3:49 dates: the trend ends (2024-01-01) before it starts (2024-05-01)"]],
  ["unknown duration unit in every", 'trend everyone every 1 fortnight from 2024-01-01 to 2024-03-01', ["3:24 duration: unknown unit 'fortnight': use days, weeks, months or years"]],
  ["a split of a whole partition", 'partition t {\n  a: age > 50\n  b: otherwise\n}\nsplit s = t into x 50%, y 50%', ["7:11 single-segment: 't' has several parts: a split divides one segment, like t.a"]],
  ["a link with an error: its aggregates say nothing more", 'link orders as o2 on customer_id time channel\nlet n = count(o2)\nlet m = max(o2.amount)', ["3:39 type: the time of a link must be a date or timestamp, but orders.channel is VARCHAR. If it holds dates written as text, like 31/01/2024, make a view in a SQL cell that reads them as dates, and link the view: create view orders_dated as select * replace (strptime(channel, '%d/%m/%Y')::date as channel) from orders"]],
  ["a link's time in whole numbers (dates as 20240131)", 'link orders as o2 on customer_id time order_id', ["3:39 type: the time of a link must be a date or timestamp, but orders.order_id is BIGINT. If it holds dates written as numbers, like 20240131, make a view in a SQL cell that reads them as dates, and link the view: create view orders_dated as select * replace (strptime(cast(order_id as varchar), '%Y%m%d')::date as order_id) from orders"]],
  ["a link's time in numbers with a fraction: no date hint", 'link orders as o2 on customer_id time amount', ["3:39 type: the time of a link must be a date or timestamp, but orders.amount is DOUBLE"]],
  ["a misspelt linked table in an aggregate", 'segment s = count(ordrs) > 1', ["3:19 unknown-link: unknown linked table 'ordrs' — did you mean 'orders'?"]],
  ["a misspelt linked table before a column", 'let s = sum(ordrs.amount)', ["3:13 unknown-link: unknown linked table 'ordrs' — did you mean 'orders'?"]],
  ["duration without a unit in within", 'let recent = sum(orders.amount within 30)', ["3:41 syntax: unexpected ')': expected a unit: days, weeks, months or years"]],
  ["duration without a unit in every", 'trend everyone every 1 from 2024-01-01 to 2024-03-01', ["3:24 syntax: unexpected 'from': expected a unit: days, weeks, months or years"]],
  ["unknown duration unit in within", 'let recent = sum(orders.amount within 30 dayz)', ["3:42 duration: unknown unit 'dayz': use days, weeks, months or years"]],
  ["a segment named everyone", 'segment `everyone` = age > 40', ["3:9 reserved-name: 'everyone' means the whole population: give the segment another name"]],
  ["a dotted segment name", 'segment `tiers.gold` = age > 40', ["3:9 reserved-name: 'tiers.gold' has a '.', which names a part of a partition or an arm of a split (tiers.gold): give the segment a name without one"]],
  ["a segment whose definition does not parse", 'segment b = age == 30\ncompare b', ["3:17 syntax: '==' is not SegQL: compare with one '=' (as in SQL)", "4:9 broken-dependency: 'b' has an error in its definition (line 3)"]],
  ["a let whose definition does not parse", 'let x = sum(orders.amount within 30)\nsegment s = x > 3', ["3:36 syntax: unexpected ')': expected a unit: days, weeks, months or years", "4:13 broken-dependency: 'x' has an error in its definition (line 3)"]],
  ["a linked column as a metric", 'compare everyone on avg(orders.amount), count_distinct(orders.channel)', ["3:25 metric: orders.amount has many rows per member, and a metric takes one value per member: give it one first, like let amount_per_member = sum(orders.amount), then avg(amount_per_member)", "3:56 metric: orders.channel has many rows per member, and a metric takes one value per member: give it one first, like let channel_per_member = last(orders.channel), then count_distinct(channel_per_member)"]],
  ["a quote never closed", "segment s = country = 'Lisboa\ncompare s", ["3:23 unclosed-quote: this text in quotes ('…') is never closed: end it with '"]],
  ["a backtick never closed", 'segment s = `odd name = 3', ["3:13 unclosed-quote: this name in backticks (`…`) is never closed: end it with `"]],
  ["== for =", 'segment s = age == 30', ["3:17 syntax: '==' is not SegQL: compare with one '=' (as in SQL)"]],
  ["trend steps", 'trend everyone every 1 day from 2000-01-01 to 2024-01-01', ["3:22 dates: a trend is limited to 1000 dates: use a longer step"]],
  ["trend duration", 'trend everyone every 0 days from 2024-01-01 to 2024-05-01', ["3:22 duration: every takes a whole positive number of days, weeks, months or years"]],
  ["first no time", 'link deals2 = x', ["3:13 syntax: unexpected '=': expected 'on'"]],
  ["unknown table", 'population p = custmers key id', ["2:1 ambiguous-population: this notebook has several populations (customers, p): say which with 'to POPULATION'", "3:16 unknown-table: unknown table 'custmers' — did you mean 'customers'?"]],
  ["unknown key", 'population p = customers key custid', ["2:1 ambiguous-population: this notebook has several populations (customers, p): say which with 'to POPULATION'", "3:30 unknown-column: table customers has no column 'custid'"]],
];

describe('diagnostics', () => {
  it.each(cases)('%s', (_name, source, expected) => {
    expect(diagnose(source)).toEqual(expected);
  });

  it('reports every syntax error of a cell, not just the first', () => {
    const messages = diagnose('segment a = (age > 3\nsegment b = \nsegment c = age >> 2');
    expect(messages.map((m) => m.split(' ')[0])).toEqual(['3:20', '4:11', '5:18']);
  });

  it('blames a definition that does not parse, from another cell too, rather than calling the name unknown', () => {
    expect(diagnoseUse("segment us = country == 'US'", 'compare us\nsegment us_old = us and age > 60', 2)).toEqual([
      "1:9 'us' has an error in its definition (cell 0)",
      "2:18 'us' has an error in its definition (cell 0)",
    ]);
  });

  it('reports a definition error in the cell that uses it from another cell', () => {
    expect(diagnoseUse("segment us = contry = 'US'", 'compare us\nsegment us_old = us and age > 60', 2)).toEqual([
      "1:9 'us' has an error in its definition (cell 0)",
      "2:18 'us' cannot be used: its definition in cell 0 has an error",
    ]);
  });

  it('says a link with an error cannot be used, from another cell, rather than calling its aggregates misuses', () => {
    expect(diagnoseUse('link orders as o2 on customer_id time channel', 'let n = count(o2)')).toEqual(["1:15 'o2' cannot be used: its definition in cell 0 has an error"]);
  });

  it("says a definition of another population belongs there, and not that it has an error, from another cell", () => {
    expect(diagnoseUse('population older = customers key customer_id where age > 30\nsegment young of customers = age < 30\nsegment b of older = age > 60', 'segment e of customers = b\nlet l of older = young')).toEqual([
      "1:26 'b' belongs to population older, not customers",
      "2:18 'young' belongs to population customers, not older",
    ]);
  });

  it('needs a population to say which when there are several', () => {
    const messages = diagnose('population accounts = orders key order_id\nsegment big = age > 3');
    expect(messages).toContain("4:9 ambiguous-population: this notebook has several populations (customers, accounts): say which with 'of POPULATION'");
  });
});

describe('rules found by reading the spec closely', () => {
  const cases: [string, string, string[]][] = [
    ['a partition may separate its parts with ;', 'partition t { a: age < 30; b: otherwise }\ncompare t', []],
    ['durations are whole numbers (within)', 'let w = count(orders within 1.5 days)', ['3:29 duration: a duration is a whole number of days: 1.5 is not']],
    ['one where in an aggregate: a second is not dropped', "let w = count(orders where channel = 'web' where amount > 30)", ['3:44 syntax: count() takes one where: join the conditions with and, as in where A and B']],
    ['an empty window (within 0)', 'let w = count(orders within 0 days)\nlet m = sum(orders.amount within 0 months)', [
      '3:29 duration: within 0 days counts no rows: use a window of at least 1 day',
      '4:34 duration: within 0 months counts no rows: use a window of at least 1 month',
    ]],
    ['one within in an aggregate', 'let w = count(orders within 30 days within 60 days)', ['3:37 syntax: count() takes one within: keep the window you mean']],
    ['durations are whole numbers (date arithmetic)', 'let w = signup_date + 1.5 days', ['3:23 duration: a duration is a whole number of days: 1.5 is not']],
    ['a split may not take a column name', 'split gender = everyone into a 50%, b 50%', ["3:7 duplicate: 'gender' is already a column of customers: choose another name"]],
    ['asof is a calendar date', 'asof 2024-02-30', ["3:1 bad-date: '2024-02-30' is not a date on the calendar"]],
    ['asof is set once', 'asof 2024-01-01\nasof 2024-02-01', ['4:1 duplicate: asof is set once per notebook: it is already set on line 3']],
    ['trend bounds are calendar dates', 'trend everyone every 1 month from 2024-01-01 to 2024-02-30', ["3:49 bad-date: '2024-02-30' is not a date on the calendar"]],
    ["a population's where suggests only its columns", "population p2 = customers key customer_id where spnd > 0\nlet spend of customers = 1", [
      "2:1 ambiguous-population: this notebook has several populations (customers, p2): say which with 'to POPULATION'",
      "3:49 unknown-column: unknown column 'spnd'",
    ]],
    ['the by column cannot take a fixed name', 'compare everyone by age as size', ["3:21 duplicate: two columns would be named 'size': give the by value another name with 'as'"]],
    ['an unclosed comment is named', 'segment s = age > 3 /* open', ['3:21 unclosed-comment: this /* comment is never closed: end it with */']],
    ["SQL's count(*) is shown the SegQL way, without a stumble on the ')' after it", 'let a = count(*)\nlet b = count(orders.*)', [
      "3:15 habit: '*' is SQL's every row: count a linked table's rows with count(LINK), as in count(orders)",
      "4:22 habit: '*' is SQL's every row: count a linked table's rows with count(LINK), as in count(orders)",
    ]],
    ['&& and || are and and or', 'segment c = age > 3 && age < 9', ["3:21 unexpected-character: unexpected character '&&': write and"]],
    ['a fraction without its 0', 'let d = age * .5', ['3:15 habit: write .5 as 0.5']],
    ['a date in quotes', "trend everyone every 1 month from '2024-01-01' to 2024-03-01", ['3:35 habit: a date is written without quotes: 2024-01-01']],
    ['group by is by', 'compare everyone group by country', ['3:18 habit: write by alone, without group: compare … by country']],
    ['within after the parentheses', 'let e = count(orders) within 30 days', ["3:23 habit: within goes inside the aggregate's parentheses, as in count(orders within 30 days)"]],
    ['within after a comparison of the aggregate', 'segment e = sum(orders.amount where channel = \'web\') > 0 within 90 days', [
      "3:58 habit: within goes inside the aggregate's parentheses, as in sum(orders.amount where channel = 'web' within 90 days)",
    ]],
    ['within after a scalar around the aggregate', 'let e = days_since(max(orders.order_date)) within 1 year', [
      "3:44 habit: within goes inside the aggregate's parentheses, as in max(orders.order_date within 1 year)",
    ]],
    ['where after parentheses that hold no aggregate is no misplaced clause', 'segment e = (age > 3) where age < 9', ["3:23 syntax: unexpected 'where': expected the end of the statement (or a new statement)"]],
    ['a date in quotes compared with a date column', "segment e = signup_date > '2024-01-01'", ["3:13 type: cannot compare a date with text: a date is written without quotes, 2024-01-01"]],
    ['segments without a comma: the rest of the cell is still checked', 'segment a = age > 3\nsegment b = age < 3\ncompare a b on avg(age)\nsegment c = agee > 3', [
      '5:11 syntax: separate segments with commas: a, b',
      "6:13 unknown-column: unknown column 'agee' — did you mean 'age'?",
    ]],
    ['parts without a comma', 'partition t { a: age > 50  b: otherwise }\noverlap t.a t.b', ['4:13 syntax: separate segments with commas: t.a, t.b']],
    ['a comma before )', "segment s = country in ('US', 'GB',)", ['3:35 habit: remove the comma before )']],
    ['on after by', 'compare everyone by country on avg(age)', ['3:29 syntax: write on … before by …']],
    ['metrics without on', 'compare everyone avg(age)', ['3:18 syntax: write on before the metrics: compare … on avg(…)']],
    ["a linked table's column without the link's name", 'let s = sum(amount)', ["3:13 aggregate-link: 'amount' is a column of orders: write sum(orders.amount)"]],
    ['a part named with =, without the stumbles after it on its line', 'partition e { young = age < 30, old: otherwise }', ['3:21 habit: a part is written NAME: CONDITION, as in young: …']],
    ['a list without parentheses', 'segment s = age in 30, 40 and country = \'US\'', ['3:20 habit: a list goes in parentheses: in (30, 40)']],
    ["a name in SQL Server's brackets, said once for the whole name", 'segment s = [age] > 3\nsegment t = [Annual Income (k$)] > 3', [
      '3:13 unexpected-character: a name is written in backticks, not brackets: `age`',
      '4:13 unexpected-character: a name is written in backticks, not brackets: `Annual Income (k$)`',
    ]],
    ['compare ends where a metric goes', 'compare everyone on', ['3:19 syntax: the statement ended too early: expected a metric, as in count or avg(spend)']],
    ['a name with letters beyond a–z, said once for the word, and the statement left unchecked', 'segment ñandú = age > 3\nsegment s = café > 3', [
      '3:9 unexpected-character: a name with letters beyond a–z is written in backticks: `ñandú`',
      '4:13 unexpected-character: a name with letters beyond a–z is written in backticks: `café`',
    ]],
    ['profile of two segments', 'segment a = age > 3\nsegment b = age < 3\nprofile a, b', ['5:10 syntax: profile takes one segment, and vs the one to measure it against: profile a vs b']],
    ['metrics without a comma', 'compare everyone on avg(age) median(age)', ['3:30 syntax: separate metrics with commas: avg(age), median(age)']],
    ["a name's first word suggests the one name it begins", 'segment s = signup > 2024-01-01', ["3:13 unknown-column: unknown column 'signup' — did you mean 'signup_date'?"]],
    ['a keyword where a name goes', 'let time = 1', ["3:5 syntax: 'time' is a SegQL keyword: as a name, write it in backticks, `time`"]],
    ['a statement keyword where a name ends the line: said once, at the keyword', 'compare everyone by country as segment', [
      "3:32 syntax: 'segment' is a SegQL keyword: as a name, write it in backticks, `segment`",
    ]],
    ['otherwise without a part name', 'partition d { young: age < 30, otherwise }', ['3:32 syntax: otherwise is a part of its own: give it a name, as in other: otherwise']],
    ['a column in double quotes, as in SQL, is text', 'segment x = "country" = \'US\'', ['3:13 double-quotes: "country" is text, not the column: in SegQL double quotes make text; the column is country']],
    ['text a lower(…) or upper(…) is compared with can never be', "segment x = lower(country) = 'US' or 'fr' != upper(country) or upper(country) in ('DE', 'It')", [
      "3:30 never-matches: lower(country) is in lower case, so it is never 'US': write 'us'",
      "3:38 never-matches: upper(country) is in upper case, so it is never 'fr': write 'FR'",
      "3:89 never-matches: upper(country) is in upper case, so it is never 'It': write 'IT'",
    ]],
    ["text lower(…) or upper(…) may give: letters beyond a–z are left to the data", "segment x = lower(country) = 'ñandú' or upper(country) in ('ÉCOLE', 'ß', '42') or lower(country) = upper(country)", []],
    ["text lower(…) can never give, in an aggregate's where", "let n = count(orders where lower(channel) = 'Web')", ["3:45 never-matches: lower(channel) is in lower case, so it is never 'Web': write 'web'"]],
    ['a lower(…) of an unknown column is only the unknown column', "segment x = lower(contry) = 'US'", ["3:19 unknown-column: unknown column 'contry' — did you mean 'country'?"]],
    ['a true/false value averaged', 'segment w = age > 3\ncompare everyone on avg(w)', ['4:25 type: avg() needs numbers, but this is true/false: for the share that is true, write pct(w)']],
    ['a second on after by', 'compare everyone on avg(age) by country on count', ['3:41 syntax: list every metric after the one on, separated by commas, before by …']],
    ['SQL in a SegQL cell', 'select * from customers', [
      '3:1 habit: this is SQL, not SegQL: write it in a SQL cell (SegQL statements start with population, link, let, segment, partition, split, compare, overlap, profile, trend, show or expect)',
    ]],
    ['a let inside an aggregate', 'let spend = sum(orders.amount)\nlet a = count(orders where amount > spend)', [
      "4:37 unknown-column: 'spend' is a let, and inside an aggregate only the columns of orders and customers are known: use it outside the aggregate",
    ]],
    ["a linked table's column outside an aggregate", 'let w = amount * 2', ["3:9 link-outside-aggregate: 'amount' is a column of the linked table orders: use it inside an aggregate, like sum(orders.amount)"]],
    ['a column where a segment goes', 'overlap everyone, country', ["3:19 unknown-segment: 'country' is a column, not a segment: define one with a condition on it, like segment country_set = country is not null"]],
    ["a quote escaped with a backslash, as some languages do", "segment s = country = 'it\\'s'", ["3:28 habit: inside quotes a quote is written twice, as in 'it''s', not with a backslash"]],
    ['a definition is never its own "did you mean"', 'segment a = b and age > 3', ["3:13 unknown-column: unknown column 'b'"]],
    ['every error of a cell: both columns of a link', 'link orders as o2 on customerid time orderdate', [
      "3:22 unknown-column: table orders has no column 'customerid' — did you mean 'customer_id'?",
      "3:38 unknown-column: table orders has no column 'orderdate' — did you mean 'order_date'?",
    ]],
    ['every error of a cell: a compare with an unknown segment still has its metrics checked', 'segment a = agge > 3\ncompare a, bigg on avg(incme)', [
      "3:13 unknown-column: unknown column 'agge' — did you mean 'age'?",
      "4:12 unknown-segment: unknown segment 'bigg'",
      "4:24 unknown-column: unknown column 'incme'",
    ]],
  ];
  it.each(cases)('%s', (_name, source, expected) => {
    expect(diagnose(source)).toEqual(expected);
  });

  it('a segment may not take the name of a table, but may replace its own view', () => {
    const withTable = { tables: [...retailCatalog.tables, { name: 'deals', columns: [{ name: 'id', type: 'BIGINT' }], kind: 'table' as const }] };
    const asTable = compileCell(buildProgram([{ index: 0, source: HEAD + 'segment deals = age > 30' }]), 0, withTable, { asof: ASOF });
    expect(asTable.diagnostics.map((d) => d.message)).toEqual(["'deals' is already the name of a table: choose another name"]);
    const withView = { tables: [...retailCatalog.tables, { name: 'deals', columns: [{ name: 'id', type: 'BIGINT' }], kind: 'view' as const }] };
    const asView = compileCell(buildProgram([{ index: 0, source: HEAD + 'segment deals = age > 30' }]), 0, withView, { asof: ASOF });
    expect(asView.diagnostics).toEqual([]);
  });

  it('a duplicate definition makes no second view', () => {
    const compiled = compileCell(buildProgram([{ index: 0, source: HEAD + 'segment a = age > 1\nsegment a = age > 2' }]), 0, retailCatalog, { asof: ASOF });
    expect(compiled.statements.filter((s) => s.kind === 'view').length).toBe(1);
  });
});
