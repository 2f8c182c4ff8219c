import { describe, expect, it } from 'vitest';
import { tableNameFor, tableNameProblem } from '../../src/data/table-name.ts';

describe('table names from file names', () => {
  it('keeps the stem in lower case with other characters as _', () => {
    expect(tableNameFor('Customers.csv')).toBe('customers');
    expect(tableNameFor('Mall Customers (2024).CSV')).toBe('mall_customers_2024');
    expect(tableNameFor('orders.csv.gz')).toBe('orders');
    expect(tableNameFor('données-été.tsv')).toBe('donnees_ete');
    expect(tableNameFor('C:\\data\\sales.parquet')).toBe('sales');
  });

  it('makes names SegQL can use without backticks', () => {
    expect(tableNameFor('2024_sales.csv')).toBe('t_2024_sales');
    expect(tableNameFor('###.csv')).toBe('data');
    expect(tableNameFor('segment.csv')).toBe('segment_2');
    expect(tableNameFor('orders.json', ['Orders', 'orders_2'])).toBe('orders_3');
  });

  it('says what is wrong with a name the analyst typed', () => {
    expect(tableNameProblem('sales')).toBeUndefined();
    expect(tableNameProblem('')).toBe('give the table a name');
    expect(tableNameProblem('my sales')).toMatch(/letters, digits and _/);
    expect(tableNameProblem('1st')).toMatch(/not starting with a digit/);
    expect(tableNameProblem('Compare')).toBe("'Compare' is a SegQL keyword");
    expect(tableNameProblem('orders', ['ORDERS'])).toBe("a table named 'orders' is already in the notebook");
  });
});
