/**
 * What to do about a link's time column that holds dates in another type. Files often carry
 * dates as whole numbers (20240131) or as text in a layout the CSV reader did not take for dates
 * (31/01/2024); SegQL reads the column as it is typed, and a SQL view can retype it.
 */
import { quoteSql } from '../sql/sql-name.ts';
import { valueTypeOf } from './types.ts';

export function timeColumnHint(table: string, column: string, sqlType: string): string {
  const type = valueTypeOf(sqlType);
  const isInteger = type === 'number' && /INT/i.test(sqlType);
  if (!isInteger && type !== 'text') return '';
  const [t, c] = [quoteSql(table), quoteSql(column)];
  const [example, read] = isInteger ? ['as numbers, like 20240131', `strptime(cast(${c} as varchar), '%Y%m%d')`] : ['as text, like 31/01/2024', `strptime(${c}, '%d/%m/%Y')`];
  return `. If it holds dates written ${example}, make a view in a SQL cell that reads them as dates, and link the view: create view ${quoteSql(`${table}_dated`)} as select * replace (${read}::date as ${c}) from ${t}`;
}
