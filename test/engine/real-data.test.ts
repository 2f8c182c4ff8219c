// Real files nobody on this team wrote (../shared/datasets, read-only): the loader reads them,
// or says in words which file is wrong — never a crash, a hang or a stack trace.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataLoadError } from '../../src/engine/errors.ts';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine, ReaderOptions } from '../../src/engine/types.ts';

const DATASETS = join(import.meta.dirname, '../../../shared/datasets');
const SPECTRUM = join(DATASETS, 'csv-corpus/csv-spectrum');
const DUCKDB_CORPUS = join(DATASETS, 'csv-corpus/duckdb');

describe('real data files', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await startNodeEngine();
  });
  afterAll(async () => {
    await engine?.close();
  });

  const load = (name: string, path: string, options?: ReaderOptions) => engine.loadTable(name, { kind: 'path', path: join(DATASETS, path) }, options);
  const rows = async (sql: string) => (await engine.query(sql)).rows;

  it('Mall Customers: CRLF, zero-padded ids, a column name needing quotes', async () => {
    const loaded = await load('mall', 'mall_customers/Mall_Customers.csv');
    expect(loaded.rowCount).toBe(200);
    expect(loaded.columns.map((c) => c.name)).toContain('Annual Income (k$)');
    expect(await rows('SELECT max("Annual Income (k$)") FROM mall')).toEqual([[137]]);
  });

  it('Mall Customers variants: renamed headers, blanks and question marks load', async () => {
    for (const file of readdirSync(join(DATASETS, 'mall_customers/variants_not_canonical'))) {
      const loaded = await load('mall_variant', `mall_customers/variants_not_canonical/${file}`);
      expect(loaded.rowCount, file).toBeGreaterThanOrEqual(200);
      expect(loaded.columns, file).toHaveLength(5);
    }
  });

  it('Marketing campaign: tab-separated under a .csv name, empty incomes', async () => {
    const loaded = await load('campaign', 'marketing_campaign/marketing_campaign.csv');
    expect(loaded.rowCount).toBe(2240);
    expect(loaded.columns).toHaveLength(29);
    expect(await rows('SELECT count(*) FROM campaign WHERE Income IS NULL')).toEqual([[24]]);
  });

  it('Marketing campaign variants: semicolons with slash dates, a UTF-8 BOM', async () => {
    const semicolon = await load('campaign_sc', 'marketing_campaign/variants_not_canonical/Klein146__marketing_campaign.semicolon_crlf_slashdates.csv', {
      dateformat: '%d/%m/%Y',
    });
    expect(semicolon.columns).toContainEqual({ name: 'Dt_Customer', type: 'DATE' });
    const bom = await load('campaign_bom', 'marketing_campaign/variants_not_canonical/Shery-1402__marketing_campaign.utf8bom_comma.csv');
    expect(bom.columns[0]?.name).toBe('ID');
  });

  it('CDNOW: white-space-aligned text, with and without a header', async () => {
    const master = await load('cdnow', 'cdnow/CDNOW_master.txt', { types: { customer_id: 'INTEGER' }, dateformat: '%Y%m%d' });
    expect(master.rowCount).toBe(69659);
    expect(master.columns.map((c) => c.name)).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    expect(await rows('SELECT count(DISTINCT customer_id), min(customer_id) FROM cdnow')).toEqual([[23570, 1]]);
    const sample = await load('cdnow_sample', 'cdnow/CDNOW_sample.txt', { header: false, names: ['master_id', 'sample_id', 'date', 'cds', 'dollars'] });
    expect(sample.rowCount).toBe(6919);
  });

  it('Online Retail and S&P 500 files load', async () => {
    expect((await load('retail', 'online_retail_sample/online_retail_sample.csv')).rowCount).toBe(2709);
    const retail = await load('retail_typed', 'online_retail_sample/online_retail_sample.csv', { nullstr: 'NA', timestampformat: '%m/%d/%Y %H:%M' });
    const typeOf = (name: string) => retail.columns.find((c) => c.name === name)?.type;
    expect([typeOf('CustomerID'), typeOf('InvoiceDate')]).toEqual(['BIGINT', 'TIMESTAMP']);
    // The same answers from the text as read without the options.
    const typed = await rows('SELECT count(*) FILTER (WHERE CustomerID IS NULL), max(InvoiceDate)::VARCHAR, sum(CustomerID) FROM retail_typed');
    const fromText = await rows("SELECT count(*) FILTER (WHERE CustomerID = 'NA'), max(strptime(InvoiceDate, '%m/%d/%Y %H:%M'))::VARCHAR, sum(TRY_CAST(CustomerID AS BIGINT)) FROM retail");
    expect(typed).toEqual(fromText);
    expect(Number(typed[0]![0])).toBeGreaterThan(0);
    expect((await load('sp500', 'sp500/constituents.csv')).rowCount).toBeGreaterThan(400);
    expect((await load('sp500_fin', 'sp500/constituents-financials.historical.csv')).rowCount).toBeGreaterThan(400);
  });

  it("the corpus's UTF-16, Latin-1 and Shift_JIS files read as their text", async () => {
    const encodings = 'csv-corpus/duckdb/data/csv/encodings';
    await load('utf16', `${encodings}/utf16.csv`);
    expect(await rows('SELECT * FROM utf16 LIMIT 2')).toEqual([['José Álvarez', 30], ['Müller', 25]]);
    await expect(load('latin1', `${encodings}/latin1.csv`)).rejects.toThrow(/^latin1\.csv.*not UTF-8 text: give its encoding/);
    await load('latin1', `${encodings}/latin1.csv`, { encoding: 'latin1' });
    expect(await rows('SELECT * FROM latin1 LIMIT 2')).toEqual([['José Álvarez', 30], ['Müller', 25]]);
    await load('sjis', `${encodings}/shift_jis.csv`, { encoding: 'shift_jis' });
    expect(await rows('SELECT * FROM sjis LIMIT 2')).toEqual([['名前', 25], ['山田', 30]]);
  });

  it('csv-spectrum: every edge case reads as its expected values', async () => {
    for (const file of readdirSync(join(SPECTRUM, 'csvs'))) {
      const expected: unknown = JSON.parse(readFileSync(join(SPECTRUM, 'json', file.replace(/\.csv$/, '.json')), 'utf8'));
      if (!Array.isArray(expected) || expected.length === 0) continue;
      const names = Object.keys(expected[0] as object);
      await load('spectrum', `csv-corpus/csv-spectrum/csvs/${file}`, { types: Object.fromEntries(names.map((n) => [n, 'VARCHAR'])) });
      const result = await engine.query('SELECT * FROM spectrum');
      const actual = result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i] ?? ''])));
      expect(actual, file).toEqual(expected);
    }
  });

  it("DuckDB's nasty CSVs each load or name the file in the error", async () => {
    const files = readFileSync(join(DUCKDB_CORPUS, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t')[0]!);
    const outcomes = { loaded: 0, refused: 0 };
    for (const file of files) {
      const name = file.split('/').pop()!;
      try {
        await engine.loadTable('nasty', { kind: 'path', path: join(DUCKDB_CORPUS, file) });
        outcomes.loaded++;
      } catch (error) {
        expect(error, file).toBeInstanceOf(DataLoadError);
        expect((error as Error).message.startsWith(`${name}`), `${file}: ${(error as Error).message}`).toBe(true);
        expect((error as Error).message).not.toMatch(/\n\s+at /);
        outcomes.refused++;
      }
    }
    console.log(`DuckDB CSV corpus: ${outcomes.loaded} loaded, ${outcomes.refused} refused with a message`);
    expect(outcomes.loaded + outcomes.refused).toBe(files.length);
  });
});
