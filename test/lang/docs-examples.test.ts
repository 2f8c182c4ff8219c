/**
 * Every ```seg example of docs/language.md, compiled and run for real on DuckDB-WASM (the Node
 * engine) over the conformance data set, as of 2024-06-30: no diagnostics, every statement
 * executes, and each result has the columns its statement promises (spec §5).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine, QueryResult } from '../../src/engine/types.ts';
import { buildProgram, compileCell, type Catalog, type ResultStatement } from '../../src/lang/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = path.resolve(ROOT, '../shared/conformance/data');
const TABLES: Record<string, string> = {
  customers: 'retail/customers.csv',
  orders: 'retail/orders.csv',
  accounts: 'b2b/accounts.csv',
  deals: 'b2b/deals.csv',
};
const ASOF = '2024-06-30';
const STATEMENTS = ['population', 'link', 'let', 'segment', 'partition', 'split', 'asof', 'compare', 'overlap', 'profile', 'trend', 'show', 'expect'];

interface Example {
  source: string;
  /** 1-based line of the opening fence in docs/language.md. */
  line: number;
}

/** Fenced blocks whose info string starts with `language`; fences nested in a longer fence are not examples. */
function examples(markdown: string, language: string): Example[] {
  return new MarkdownIt()
    .parse(markdown, {})
    .filter((t) => t.type === 'fence' && t.info.trim().split(/\s+/)[0] === language)
    .map((t) => ({ source: t.content, line: (t.map?.[0] ?? 0) + 1 }));
}

interface Ran {
  statement: ResultStatement;
  result: QueryResult;
}

const markdown = fs.readFileSync(path.join(ROOT, 'docs/language.md'), 'utf8');
const docs = examples(markdown, 'seg');
const sqlDocs = examples(markdown, 'sql');
let engine: Engine;
let catalog: Catalog;

beforeAll(async () => {
  engine = await startNodeEngine();
  for (const [name, file] of Object.entries(TABLES)) await engine.loadTable(name, { kind: 'path', path: path.join(DATA, file) });
  catalog = await engine.catalog();
}, 60_000);

afterAll(async () => {
  await engine?.close();
});

/**
 * Compiles one example as a one-cell notebook and runs it: the views first, then the results in
 * order, then `whileViewsExist` (SQL that reads the views) before the views are dropped.
 */
async function run(source: string, whileViewsExist?: () => Promise<void>): Promise<{ problems: string[]; ran: Ran[]; analyses: number; keys: string[] }> {
  const program = buildProgram([{ index: 0, source }]);
  const compiled = compileCell(program, 0, catalog, { asof: ASOF });
  const problems = compiled.diagnostics.map((d) => `line ${d.span.line}, column ${d.span.column}: ${d.message}`);
  const statements = program.cells[0].parsed.statements;
  const analyses = statements.filter((s) => ['compare', 'overlap', 'profile', 'trend', 'show', 'split', 'expect'].includes(s.kind)).length;
  const keys = statements.flatMap((s) => (s.kind === 'population' ? [s.key.text.toLowerCase()] : []));
  const views = compiled.statements.flatMap((s) => (s.kind === 'view' ? [s] : []));
  const ran: Ran[] = [];
  try {
    for (const view of views) await engine.query(view.sql);
    for (const s of compiled.statements) if (s.kind === 'result') ran.push({ statement: s.statement, result: await engine.query(s.sql) });
    await whileViewsExist?.();
  } finally {
    // Examples are independent notebooks: one example's views must not become another's tables.
    for (const view of views) await engine.query(`DROP VIEW IF EXISTS "${view.name.replace(/"/g, '""')}"`);
  }
  return { problems, ran, analyses, keys };
}

function expectShape({ statement, result }: Ran, keys: string[]): void {
  const { columns, types, rows } = result;
  switch (statement) {
    case 'compare':
      expect(columns[0]).toBe('segment');
      expect(columns.slice(1, 4)).toContain('size');
      expect(columns[columns.indexOf('size') + 1]).toBe('share');
      break;
    case 'overlap':
      expect(columns.at(-1)).toBe('size');
      expect(types.slice(0, -1).every((t) => t === 'BOOLEAN')).toBe(true);
      break;
    case 'profile':
      expect(columns).toEqual(['attribute', 'value', 'segment_share', 'baseline_share', 'lift']);
      break;
    case 'trend':
      expect(columns).toEqual(['asof', 'segment', 'size']);
      break;
    case 'show':
      expect(keys).toContain(columns[0].toLowerCase());
      break;
    case 'split':
      expect(columns).toEqual(['arm', 'size', 'share']);
      break;
    case 'expect':
      expect(columns).toEqual(['expectation', 'passed', 'detail']);
      expect(rows).toHaveLength(1);
      expect(rows[0][1], `the documented expectation '${rows[0][0]}' should hold`).toBe(true);
      break;
  }
}

describe('docs/language.md', () => {
  it('has an example for every statement', () => {
    expect(docs.length).toBeGreaterThan(10);
    const missing = STATEMENTS.filter((kw) => !docs.some((e) => new RegExp(`^\\s*${kw}\\b`, 'im').test(e.source)));
    expect(missing).toEqual([]);
  });

  for (const example of docs) {
    const title = example.source.split('\n').find((l) => /^\s*(compare|overlap|profile|trend|show|expect|split)\b/i.test(l)) ?? example.source.split('\n')[0];
    it(`line ${example.line}: ${title.trim()}`, async () => {
      const { problems, ran, analyses, keys } = await run(example.source);
      expect(problems).toEqual([]);
      expect(ran).toHaveLength(analyses);
      for (const r of ran) expectShape(r, keys);
    }, 30_000);
  }
});

describe('documented results', () => {
  const find = (text: string) => {
    const example = docs.find((e) => e.source.includes(text));
    if (!example) throw new Error(`docs/language.md has no example with '${text}'`);
    return example.source;
  };

  it('compare lists its segments in list order, with share of the population', async () => {
    const { ran } = await run(find('compare big_spenders, lapsed, everyone'));
    const { columns, rows } = ran[0].result;
    expect(columns).toEqual(['segment', 'size', 'share', 'avg(spend)', 'pct(email_opt_in)']);
    expect(rows.map((r) => r[0])).toEqual(['big_spenders', 'lapsed', 'everyone']);
    expect(rows[2].slice(1, 3)).toEqual([2000, 1]);
  });

  it('split gives one row per arm whose shares add up to 1', async () => {
    const { ran } = await run(find('split campaign'));
    const split = ran.find((r) => r.statement === 'split')!.result;
    expect(split.rows.map((r) => r[0])).toEqual(['control', 'treatment']);
    expect((split.rows[0][2] as number) + (split.rows[1][2] as number)).toBeCloseTo(1, 12);
  });

  it('trend steps by calendar months from the end of January, clamped', async () => {
    const { ran } = await run(find('trend active, lapsed, everyone'));
    const { rows } = ran[0].result;
    expect([...new Set(rows.map((r) => r[0]))]).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30']);
    expect(rows.slice(0, 3).map((r) => r[1])).toEqual(['active', 'lapsed', 'everyone']);
  });

  it('a partition name in a list stands for its parts, in definition order', async () => {
    const { ran } = await run(find('compare value_tier, high_web'));
    expect(ran[0].result.rows.map((r) => r[0])).toEqual(['value_tier.high', 'value_tier.mid', 'value_tier.low', 'high_web']);
  });

  it('show lists the key, the columns in table order, then the lets', async () => {
    const { ran } = await run(find('show over_80 limit 10'));
    const { columns, rows } = ran[0].result;
    expect(columns).toEqual(['customer_id', 'gender', 'age', 'country', 'city_size', 'signup_date', 'email_opt_in', 'Annual Income (k$)', 'spend']);
    expect(rows.length).toBeLessThanOrEqual(10);
    expect(rows.every((r) => (r[2] as number) > 80)).toBe(true);
  });
});

describe('SQL cell examples', () => {
  it('run on the views of the segment and the partition examples', async () => {
    expect(sqlDocs.length).toBeGreaterThan(0);
    const views = [docs.find((e) => e.source.includes('segment big_spenders'))!, docs.find((e) => e.source.includes('partition value_tier'))!];
    const results: QueryResult[] = [];
    const runSql = async () => {
      for (const sql of sqlDocs) results.push(await engine.query(sql.source));
    };
    await run(views[0].source, async () => {
      await run(views[1].source, runSql);
    });
    expect(results).toHaveLength(sqlDocs.length);
    expect(results[0].columns).toEqual(['country', 'vips', 'avg_spend']);
    expect(results[1].rows.length).toBe(10);
  });
});
