import type { CheckedStatement, ProfileAttribute } from '../../check/statements.ts';
import type { Dialect } from '../dialect.ts';
import { emitExpr } from '../expr.ts';
import { emitPipeline, withClause, type Cte } from '../pipeline.ts';

type Profile = Extract<CheckedStatement, { kind: 'profile' }>;

const MAX_CATEGORIES = 50;

/**
 * profile → attribute, value, segment_share, baseline_share, lift (spec §5). Text and boolean
 * attributes with at most 50 values are used as they are; numbers are binned into quartiles of
 * the population (Q1…Q4).
 */
export function emitProfile(s: Profile, asof: string, dialect: Dialect): string {
  const q = dialect.ident;
  const ctx = { dialect, asof, entity: 'e' };
  const roots = [s.segment.condition, ...(s.baseline ? [s.baseline.condition] : [])];
  const pipeline = emitPipeline(s.population, roots, s.attributes.map((a) => a.name), asof, dialect);
  const inSegment = emitExpr(s.segment.condition, ctx);
  const inBaseline = s.baseline ? emitExpr(s.baseline.condition, ctx) : 'TRUE';
  const { binned, unpivot, keep } = attributeSql(s.attributes, dialect);
  const ctes: Cte[] = [
    ...pipeline.ctes,
    {
      name: 'binned',
      sql: `SELECT ${inSegment} AS "in segment", ${inBaseline} AS "in baseline",\n    ${binned}\n  FROM ${q(pipeline.entities)} AS e`,
    },
    {
      name: 'attribute values',
      sql: `SELECT b."in segment", b."in baseline", unnest([\n      ${unpivot}\n    ], recursive := true)\n  FROM "binned" AS b`,
    },
    {
      name: 'counts',
      sql: `SELECT "attribute", "value",\n    count(*) FILTER (WHERE "in segment") AS "segment count",\n    count(*) FILTER (WHERE "in baseline") AS "baseline count"\n  FROM "attribute values"\n  GROUP BY "attribute", "value"`,
    },
    {
      name: 'shares',
      sql:
        `SELECT "attribute", "value",\n` +
        `    coalesce(${dialect.divide('"segment count"', 'sum("segment count") OVER (PARTITION BY "attribute")')}, 0) AS "segment_share",\n` +
        `    coalesce(${dialect.divide('"baseline count"', 'sum("baseline count") OVER (PARTITION BY "attribute")')}, 0) AS "baseline_share",\n` +
        `    ${keep} AS "kept"\n` +
        `  FROM "counts"`,
    },
  ];
  return (
    `${withClause(ctes, dialect)}\n` +
    `SELECT "attribute", "value", "segment_share", "baseline_share", ${dialect.divide('"segment_share"', '"baseline_share"')} AS "lift"\n` +
    `FROM "shares"\n` +
    `WHERE "kept" AND ("segment_share" > 0 OR "baseline_share" > 0)\n` +
    `ORDER BY coalesce("lift", 0) = 0, abs(ln(nullif("lift", 0))) DESC, "attribute", "value" NULLS LAST`
  );
}

interface AttributeSql {
  /** Each attribute as text, numbers as their quartile (Q1…Q4). */
  binned: string;
  /** One {attribute, value} struct per attribute. */
  unpivot: string;
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
    const binned = attributes.map((a) => {
      const column = `e.${q(a.name)}`;
      const value = a.type === 'number' ? `'Q' || ${dialect.toText(dialect.quantile(4, column, 'asc'))}` : dialect.toText(column);
      return `${value} AS ${q(a.name)}`;
    });
    const numeric = attributes.filter((a) => a.type === 'number').map((a) => dialect.string(a.name));
    const unpivot = attributes.map((a) => `{'attribute': ${dialect.string(a.name)}, 'value': b.${q(a.name)}}`);
    const keepCategories = `count("value") OVER (PARTITION BY "attribute") <= ${MAX_CATEGORIES}`;
    made = {
      binned: binned.join(',\n    '),
      unpivot: unpivot.join(',\n      '),
      keep: numeric.length ? `"attribute" IN (${numeric.join(', ')}) OR ${keepCategories}` : keepCategories,
    };
    byDialect.set(dialect.name, made);
  }
  return made;
}
