import type { CheckedStatement, ProfileAttribute } from '../../check/statements.ts';
import type { Dialect, Entry } from '../dialect.ts';
import { emitExpr } from '../expr.ts';
import { emitPipeline, withClause, type Cte } from '../pipeline.ts';

type Profile = Extract<CheckedStatement, { kind: 'profile' }>;

const MAX_CATEGORIES = 50;

/**
 * profile → attribute, value, segment_share, baseline_share, lift (spec §5). Text and boolean
 * attributes with at most 50 values are used as they are; numbers are binned into quartiles of
 * the population (Q1…Q4). A share of no members is null, as a compare's metric over none is:
 * an empty segment has no shares to compare, and its lifts are null, not 0.
 *
 * With `ranges`, two columns follow the lift, `from` and `to`: the smallest and largest value of a
 * quartile in the population (null for other values), so that "age = Q1" can say which ages.
 */
export function emitProfile(s: Profile, asof: string, dialect: Dialect, ranges = false): string {
  const q = dialect.ident;
  const ctx = { dialect, asof, entity: 'e' };
  const roots = [s.segment.condition, ...(s.baseline ? [s.baseline.condition] : [])];
  const pipeline = emitPipeline(s.population, roots, s.attributes.map((a) => a.name), asof, dialect);
  const inSegment = emitExpr(s.segment.condition, ctx);
  const inBaseline = s.baseline ? emitExpr(s.baseline.condition, ctx) : 'TRUE';
  const { numbers, texts, quartile, keep } = attributeSql(s.attributes, dialect);
  const flags = `${inSegment} AS "in segment", ${inBaseline} AS "in baseline"`;
  const number = (column: string) => (ranges ? `, ${column} AS "number"` : '');
  const range = ranges ? ', "from", "to"' : '';
  const unpivoted = (entries: Entry[]) => dialect.unpivot(flags, entries, `${q(pipeline.entities)} AS e`);
  const parts: Cte[] = [];
  const values: string[] = [];
  if (numbers) {
    parts.push({ name: 'numbers', sql: unpivoted(numbers) });
    values.push(`SELECT "in segment", "in baseline", "attribute", ${quartile} AS "value"${number('"number"')}\n  FROM "numbers"`);
  }
  if (texts) {
    parts.push({ name: 'texts', sql: unpivoted(texts) });
    values.push(`SELECT "in segment", "in baseline", "attribute", "value"${number('NULL')}\n  FROM "texts"`);
  }
  // A population with nothing to profile (only its key, dates) gives no rows, not a broken query.
  if (!values.length) values.push(`SELECT ${flags}, ${dialect.toText('NULL')} AS "attribute", ${dialect.toText('NULL')} AS "value"${number('NULL')}\n  FROM ${q(pipeline.entities)} AS e\n  WHERE FALSE`);
  const ctes: Cte[] = [
    ...pipeline.ctes,
    ...parts,
    { name: 'attribute values', sql: values.join('\n  UNION ALL\n  ') },
    {
      name: 'counts',
      sql:
        `SELECT "attribute", "value",\n    count(*) FILTER (WHERE "in segment") AS "segment count",\n    count(*) FILTER (WHERE "in baseline") AS "baseline count"` +
        (ranges ? `,\n    min("number") AS "from",\n    max("number") AS "to"` : '') +
        `\n  FROM "attribute values"\n  GROUP BY "attribute", "value"`,
    },
    {
      name: 'shares',
      sql:
        `SELECT "attribute", "value",\n` +
        `    ${dialect.divide('"segment count"', 'sum("segment count") OVER (PARTITION BY "attribute")')} AS "segment_share",\n` +
        `    ${dialect.divide('"baseline count"', 'sum("baseline count") OVER (PARTITION BY "attribute")')} AS "baseline_share",\n` +
        `    ${keep} AS "kept"${range}\n` +
        `  FROM "counts"`,
    },
  ];
  const lift = 'ln(nullif("lift", 0))';
  const rows =
    `SELECT "attribute", "value", "segment_share", "baseline_share", ${dialect.divide('"segment_share"', '"baseline_share"')} AS "lift"${range}\n` +
    `FROM "shares"\n` +
    `WHERE "kept" AND ("segment_share" > 0 OR "baseline_share" > 0)`;
  const order = `coalesce("lift", 0) = 0, ${dialect.scalar('round', [dialect.scalar('abs', [lift]), '12'])} DESC, ${dialect.orderText('"attribute"')}, ${dialect.orderText('"value"')} NULLS LAST`;
  return `${withClause(ctes, dialect)}\n${dialect.orderedBy(rows, order)}`;
}

interface AttributeSql {
  /**
   * One {attribute, number} entry per numeric attribute, if any. Unpivoted, one window
   * partitioned by attribute bins them all: a window per attribute made DuckDB sort and copy
   * every whole row once per attribute (6× slower with a hundred lets). Text stays out of that
   * window, which would otherwise sort its rows too (2× slower with 11 text attributes and 3 numbers).
   */
  numbers?: Entry[];
  /** One {attribute, value} entry per other attribute, its value as text, if any. */
  texts?: Entry[];
  /** The quartile (Q1…Q4) of an unpivoted number among its attribute's in the population. */
  quartile: string;
  /** Which values to keep: every quartile, and categories of attributes with at most MAX_CATEGORIES values. */
  keep: string;
}

/** By attribute list (one per population, see the checker) and dialect: a notebook's profiles of one population share this text. */
const attributeSqlMemo = new WeakMap<ProfileAttribute[], Map<string, AttributeSql>>();

function attributeSql(attributes: ProfileAttribute[], dialect: Dialect): AttributeSql {
  let byDialect = attributeSqlMemo.get(attributes);
  if (!byDialect) attributeSqlMemo.set(attributes, (byDialect = new Map()));
  let made = byDialect.get(dialect.name);
  if (!made) {
    const q = dialect.ident;
    const numeric = attributes.filter((a) => a.type === 'number');
    const other = attributes.filter((a) => a.type !== 'number');
    const list = (entries: Entry[]) => (entries.length ? entries : undefined);
    const numbers = list(numeric.map((a): Entry => [['attribute', dialect.string(a.name)], ['number', `e.${q(a.name)}`]]));
    const texts = list(other.map((a): Entry => [['attribute', dialect.string(a.name)], ['value', dialect.toText(`e.${q(a.name)}`)]]));
    const keepCategories = `count("value") OVER (PARTITION BY "attribute") <= ${MAX_CATEGORIES}`;
    made = {
      ...(numbers ? { numbers } : {}),
      ...(texts ? { texts } : {}),
      quartile: `'Q' || ${dialect.toText(dialect.quantile(4, '"number"', 'asc', '"attribute"'))}`,
      keep: numeric.length ? `"attribute" IN (${numeric.map((a) => dialect.string(a.name)).join(', ')}) OR ${keepCategories}` : keepCategories,
    };
    byDialect.set(dialect.name, made);
  }
  return made;
}
