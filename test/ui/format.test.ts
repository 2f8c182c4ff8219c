import { describe, expect, it } from 'vitest';
import { columnFormat, formatCompact, formatDate, formatLift, formatNumber, formatPercent, formatTimestamp, formatValue, isNumericFormat, isNumericType, plural } from '../../src/ui/format.ts';

describe('how a column reads, from its name and DuckDB type', () => {
  it.each([
    ['size', 'BIGINT', 'integer'],
    ['won_value', 'HUGEINT', 'integer'],
    ['spend', 'DOUBLE', 'decimal'],
    ['amount', 'DECIMAL(18,2)', 'decimal'],
    ['share', 'DOUBLE', 'percent'],
    ['segment_share', 'DOUBLE', 'percent'],
    ['baseline_share', 'DOUBLE', 'percent'],
    ['pct(orders > 3)', 'DOUBLE', 'percent'],
    ['PCT(x)', 'DOUBLE', 'percent'],
    ['lift', 'DOUBLE', 'lift'],
    ['asof', 'DATE', 'date'],
    ['ordered_at', 'TIMESTAMP', 'timestamp'],
    ['seen', 'TIMESTAMP WITH TIME ZONE', 'timestamp'],
    ['email_opt_in', 'BOOLEAN', 'boolean'],
    ['segment', 'VARCHAR', 'text'],
    ['share', 'VARCHAR', 'text'],
    ['lift', 'VARCHAR', 'text'],
    ['sharer', 'DOUBLE', 'decimal'],
    ['customer_id', 'BIGINT', 'label'],
    ['ID', 'BIGINT', 'label'],
    ['customerID', 'INTEGER', 'label'],
    ['Year_Birth', 'BIGINT', 'label'],
    ['signup year', 'BIGINT', 'label'],
    ['zipCode', 'INTEGER', 'label'],
    ['Kidhome', 'BIGINT', 'integer'],
    ['paid', 'BIGINT', 'integer'],
    ['years_active', 'BIGINT', 'integer'],
    ['NumWebPurchases', 'BIGINT', 'integer'],
    ['customer_id', 'DOUBLE', 'decimal'],
    ['year(signup_date)', 'BIGINT', 'label'],
    ['max(Year_Birth)', 'BIGINT', 'label'],
    ['count_distinct(customer_id)', 'BIGINT', 'integer'],
    ['count(orders where order_id > 5)', 'BIGINT', 'integer'],
  ])('%s %s reads as %s', (column, type, format) => {
    expect(columnFormat(column, type)).toBe(format);
  });

  it("reads a pct() metric the analyst named as a percentage, as the result says, and no other column of that name", () => {
    expect(columnFormat('opted_in', 'DOUBLE', ['opted_in'])).toBe('percent');
    expect(columnFormat('opted_in', 'DOUBLE')).toBe('decimal');
    expect(columnFormat('opted_in', 'VARCHAR', ['opted_in'])).toBe('text');
  });

  it('knows the numeric types and right-aligns numbers only', () => {
    expect(['TINYINT', 'INTEGER', 'UBIGINT', 'FLOAT', 'double', 'DECIMAL(9,3)'].every(isNumericType)).toBe(true);
    expect(['VARCHAR', 'DATE', 'BOOLEAN', 'INTERVAL'].some(isNumericType)).toBe(false);
    expect(isNumericFormat('percent')).toBe(true);
    expect(isNumericFormat('label')).toBe(true);
    expect(isNumericFormat('date')).toBe(false);
  });
});

describe('numbers for people', () => {
  it.each([
    [0, '0'],
    [741, '741'],
    [1234567, '1,234,567'],
    [-98765, '-98,765'],
    [535.1940485829956, '535.19'],
    [267150.32258064515, '267,150.32'],
    [12.5, '12.5'],
    [0.41632, '0.4163'],
    [0.000123456, '0.0001235'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, '∞'],
  ])('%s → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('integers beyond 2^53 arrive as digit strings and are grouped exactly', () => {
    expect(formatValue('12345678901234567890', 'integer')).toBe('12,345,678,901,234,567,890');
    expect(formatValue('-9007199254740993', 'integer')).toBe('-9,007,199,254,740,993');
  });

  it('follows the locale when given one', () => {
    expect(formatNumber(1234567.891, 'de-DE')).toBe('1.234.567,89');
    expect(formatValue('12345678901234567890', 'integer', 'de-DE')).toBe('12.345.678.901.234.567.890');
  });

  it('shortens axis ticks', () => {
    expect([950, 1200, 45000, 3_000_000, 2.5, 5e18].map((v) => formatCompact(v))).toEqual(['950', '1.2K', '45K', '3M', '2.5', '5E18']);
  });
});

describe('shares, lifts, dates', () => {
  it.each([
    [0.247, '24.7%'],
    [1, '100%'],
    [0, '0%'],
    [0.05066, '5.1%'],
    [0.0332, '3.3%'],
    [0.00123, '0.12%'],
    [0.5803333333333334, '58%'],
  ])('share %s → %s', (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });

  it('writes lift as a multiplier with two decimals', () => {
    expect(formatLift(3.2615554783496528)).toBe('×3.26');
    expect(formatLift(1)).toBe('×1.00');
    expect(formatLift(0)).toBe('×0.00');
    expect(formatLift(1234.5)).toBe('×1,234.50');
  });

  it('writes dates as YYYY-MM-DD and timestamps without T, Z or a zero fraction', () => {
    expect(formatDate('2024-12-31')).toBe('2024-12-31');
    expect(formatDate('2024-12-31T00:00:00.000Z')).toBe('2024-12-31');
    expect(formatTimestamp('2024-03-09T14:05:00.000Z')).toBe('2024-03-09 14:05:00');
    expect(formatTimestamp('2024-03-09T14:05:00.250Z')).toBe('2024-03-09 14:05:00.25');
    expect(formatTimestamp('2024-03-09T14:05:00+02:00')).toBe('2024-03-09 14:05:00 +02:00');
    expect(formatTimestamp('not a time')).toBe('not a time');
  });

  it('formats any value by its column, null as the word null', () => {
    expect(formatValue(null, 'percent')).toBe('null');
    expect(formatValue(0.1533, 'percent')).toBe('15.3%');
    expect(formatValue(2.5, 'lift')).toBe('×2.50');
    expect(formatValue(true, 'boolean')).toBe('true');
    expect(formatValue('FR', 'text')).toBe('FR');
    expect(formatValue(3000, 'integer')).toBe('3,000');
    expect(formatValue(1957, 'label')).toBe('1957');
    expect(formatValue('12345678901234567890', 'label')).toBe('12345678901234567890');
    expect(formatValue('2024-01-05', 'date')).toBe('2024-01-05');
  });

  it('counts things in words', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(100000, 'row')).toBe('100,000 rows');
    expect(plural(0, 'row')).toBe('0 rows');
  });
});
