/** ReaderOptions (spec §8, DuckDB's meanings) → the argument list of DuckDB's read_csv. */
import { quoteLiteral } from '../sql-text.ts';
import type { ReaderOptions } from '../types.ts';

export function readCsvCall(file: string, options: ReaderOptions): string {
  const args = [quoteLiteral(file)];
  if (options.delimiter !== undefined) args.push(`delim=${quoteLiteral(options.delimiter)}`);
  if (options.header !== undefined) args.push(`header=${options.header}`);
  if (options.names?.length) args.push(`names=[${options.names.map(quoteLiteral).join(', ')}]`);
  if (options.skip !== undefined) args.push(`skip=${Math.max(0, Math.trunc(options.skip))}`);
  if (options.dateformat !== undefined) args.push(`dateformat=${quoteLiteral(options.dateformat)}`);
  if (options.timestampformat !== undefined) args.push(`timestampformat=${quoteLiteral(options.timestampformat)}`);
  if (options.nullstr !== undefined) {
    args.push(`nullstr=${typeof options.nullstr === 'string' ? quoteLiteral(options.nullstr) : `[${options.nullstr.map(quoteLiteral).join(', ')}]`}`);
  }
  const types = Object.entries(options.types ?? {});
  if (types.length) args.push(`types={${types.map(([column, type]) => `${quoteLiteral(column)}: ${quoteLiteral(type)}`).join(', ')}}`);
  return `read_csv(${args.join(', ')})`;
}
