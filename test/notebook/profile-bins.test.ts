import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine } from '../../src/engine/types.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { NotebookRunner } from '../../src/notebook/runner.ts';
import { segql } from '../../src/notebook/segql.ts';

let engine: Engine;

beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);
afterAll(async () => {
  await engine?.close();
});

// Whole numbers with ties, fractional numbers with nulls, and text, in one profile: its numbers
// are binned together (one window over every attribute), which must give each the quartiles
// spec §10 defines for it alone.
const PEOPLE = `select range as id, (range % 7)::INTEGER as visits,
  case when range % 5 = 0 then null else (range * 37 % 101) / 4.0 end::DOUBLE as spend,
  ['basic', 'plus', 'pro'][range % 3 + 1] as plan
from range(1, 41)`;

/** The bins by the definition: a value's bin is ⌈4·k/n⌉, k the non-null values ≤ it, n all non-null values. */
const REFERENCE = `with bins as (
  select spend > 20 as vip,
    'Q' || ceil(4 * (select count(*) from people q where q.visits <= p.visits) / (select count(visits) from people))::INTEGER as visits,
    case when p.spend is not null then 'Q' || ceil(4 * (select count(*) from people q where q.spend <= p.spend) / (select count(spend) from people))::INTEGER end as spend,
    plan
  from people p
), cells as (
  select 'visits' as attribute, visits as value, vip from bins
  union all select 'spend', spend, vip from bins
  union all select 'plan', plan, vip from bins
)
select attribute, value, count(*) filter (where vip) / sum(count(*) filter (where vip)) over (partition by attribute) as segment_share,
  count(*) / sum(count(*)) over (partition by attribute) as baseline_share
from cells group by attribute, value`;

/** Each bin's smallest and largest value, by the same definition. */
const REFERENCE_RANGES = ['visits', 'spend']
  .map(
    (a) => `select '${a}' as attribute, 'Q' || ceil(4 * (select count(*) from people q where q.${a} <= p.${a}) / (select count(${a}) from people))::INTEGER as value,
  min(${a}) as low, max(${a}) as high
from people p where ${a} is not null group by value`,
  )
  .join('\nunion all\n');

async function run(text: string, profileRanges = false) {
  const runner = new NotebookRunner({ engine, compiler: segql, resolveData: (path) => ({ kind: 'path', path }), today: () => '2030-01-01', profileRanges });
  runner.update({ notebook: parseNotebook(text) });
  const report = await runner.run();
  expect(report.cells.flatMap((c) => c.errors)).toEqual([]);
  return report;
}

describe('profile bins numbers (spec §5, §10)', () => {
  it('gives every numeric attribute its own quartiles, ties sharing a bin and nulls their own value', async () => {
    const text =
      '---\nasof: 2024-06-30\n---\n\n```sql people\n' + PEOPLE + '\n```\n\n```seg\npopulation people key id\nsegment vip = spend > 20\nprofile vip\n```\n';
    const report = await run(text);
    const profile = report.cells[1]!.results[0]!;
    expect(profile.columns).toEqual(['attribute', 'value', 'segment_share', 'baseline_share', 'lift']);
    const reference = await engine.query(REFERENCE);
    const key = (row: unknown[]) => `${row[0]}|${row[1]}`;
    const expected = new Map(reference.rows.filter((r) => Number(r[2]) > 0 || Number(r[3]) > 0).map((r) => [key(r), [Number(r[2]), Number(r[3])]]));
    const got = new Map(profile.rows.map((r) => [key(r), [Number(r[2]), Number(r[3])]]));
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [k, [segment, baseline]] of expected) {
      expect(got.get(k)![0], k).toBeCloseTo(segment!, 12);
      expect(got.get(k)![1], k).toBeCloseTo(baseline!, 12);
    }
    expect([...got.keys()].filter((k) => k.startsWith('visits|')).sort()).toEqual(['visits|Q1', 'visits|Q2', 'visits|Q3', 'visits|Q4']);
    expect(got.has('spend|null')).toBe(true);
  });

  it("adds each bin's smallest and largest value as from and to, for the app to say which values a bin holds", async () => {
    const text =
      '---\nasof: 2024-06-30\n---\n\n```sql people\n' + PEOPLE + '\n```\n\n```seg\npopulation people key id\nsegment vip = spend > 20\nprofile vip\n```\n';
    const profile = (await run(text, true)).cells[1]!.results[0]!;
    expect(profile.columns).toEqual(['attribute', 'value', 'segment_share', 'baseline_share', 'lift', 'from', 'to']);
    const reference = await engine.query(REFERENCE_RANGES);
    const expected = new Map(reference.rows.map((r) => [`${r[0]}|${r[1]}`, [Number(r[2]), Number(r[3])]]));
    const got = new Map(profile.rows.filter((r) => r[0] !== 'plan' && r[1] !== null).map((r) => [`${r[0]}|${r[1]}`, [Number(r[5]), Number(r[6])]]));
    expect(got).toEqual(expected);
    // Text values and the null value have no range.
    expect(profile.rows.filter((r) => r[0] === 'plan' || r[1] === null).map((r) => [r[5], r[6]])).toEqual([...Array(4)].map(() => [null, null]));
  });

  it('orders lifts equally far from 1 (2.5 and 0.4) as ties: by attribute, then value', async () => {
    // Segment S: a is X 2/10, b is Y 5/10; baseline T: a is X 5/10, b is Y 2/10.
    const people = Array.from({ length: 20 }, (_, i) => {
      const s = i < 10;
      const a = s ? (i < 2 ? 'X' : 'Z') : i - 10 < 5 ? 'X' : 'Z';
      const b = s ? (i < 5 ? 'Y' : 'W') : i - 10 < 2 ? 'Y' : 'W';
      return `select ${i + 1} as id, '${s ? 'S' : 'T'}' as g, '${a}' as a, '${b}' as b`;
    }).join(' union all ');
    const text = `---\nasof: 2024-06-30\n---\n\n\`\`\`sql people\n${people}\n\`\`\`\n\n\`\`\`seg\npopulation people key id\nsegment s = g = 'S'\nsegment t = g = 'T'\nprofile s vs t\n\`\`\`\n`;
    const report = await run(text);
    const rows = report.cells[1]!.results[0]!.rows.map((r) => [r[0], r[1], r[4]]);
    expect(rows.slice(0, 4)).toEqual([
      ['a', 'X', expect.closeTo(0.4, 12)],
      ['b', 'Y', expect.closeTo(2.5, 12)],
      ['a', 'Z', expect.closeTo(1.6, 12)],
      ['b', 'W', expect.closeTo(0.625, 12)],
    ]);
  });

  it('gives an empty segment null shares and lifts, not 0, and an empty baseline null baseline shares', async () => {
    const text = `---\nasof: 2024-06-30\n---\n\n\`\`\`sql people\n${PEOPLE}\n\`\`\`\n\n\`\`\`seg\npopulation people key id\nsegment nobody = id > 100\nsegment vip = spend > 20\nprofile nobody\nprofile vip vs nobody\n\`\`\`\n`;
    const report = await run(text);
    const [empty, againstEmpty] = report.cells[1]!.results.map((r) => r.rows);
    expect(empty!.length).toBeGreaterThan(0);
    for (const [attribute, value, segmentShare, baselineShare, lift] of empty!) {
      expect([segmentShare, lift], `${attribute}|${value}`).toEqual([null, null]);
      expect(baselineShare).toBeGreaterThan(0);
    }
    for (const [, , segmentShare, baselineShare, lift] of againstEmpty!) {
      expect(segmentShare).toBeGreaterThan(0);
      expect([baselineShare, lift]).toEqual([null, null]);
    }
  });

  it('gives no rows, and no error, for a population with nothing to profile', async () => {
    const text = '---\nasof: 2024-06-30\n---\n\n```sql days\nselect range as id, DATE \'2024-01-01\' + range::INTEGER as day from range(5)\n```\n\n```seg\npopulation days key id\nsegment early = id < 2\nprofile early\n```\n';
    const report = await run(text);
    expect(report.cells[1]!.results[0]!.rows).toEqual([]);
  });
});
