import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.ts';

const usage = (argv: string[]) => {
  try {
    parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  return 'no error';
};

describe('segbook command line', () => {
  it('reads run with every option, in both spellings', () => {
    expect(parseArgs(['run', 'nb.seg.md', '--data', 'a=x.csv', '--data=b=y.parquet', '--asof=2024-01-31', '--format', 'json', '--out', 'r.json'])).toEqual({
      command: 'run',
      notebook: 'nb.seg.md',
      data: [
        { name: 'a', path: 'x.csv' },
        { name: 'b', path: 'y.parquet' },
      ],
      asof: '2024-01-31',
      format: 'json',
      out: 'r.json',
    });
    expect(parseArgs(['sql', 'nb.seg.md', '--dialect', 'duckdb'])).toEqual({ command: 'sql', notebook: 'nb.seg.md', data: [], dialect: 'duckdb' });
    expect(parseArgs(['sql', 'nb.seg.md', '--dialect=postgres'])).toEqual({ command: 'sql', notebook: 'nb.seg.md', data: [], dialect: 'postgres' });
    expect(parseArgs(['sql', 'nb.seg.md'])).toMatchObject({ dialect: 'duckdb' });
    expect(parseArgs(['run', 'nb.seg.md'])).toMatchObject({ format: 'text' });
  });

  it('reads run over several notebooks as grading, with the same options', () => {
    expect(parseArgs(['run', 'a.seg.md', 'b.seg.md', '--asof', '2024-12-31', '--format', 'json'])).toEqual({
      command: 'grade',
      notebooks: ['a.seg.md', 'b.seg.md'],
      data: [],
      asof: '2024-12-31',
      format: 'json',
    });
    expect(parseArgs(['run', 'submissions/', 'late.seg.md'])).toMatchObject({ command: 'grade', format: 'text' });
  });

  it('turns every mistake into one sentence', () => {
    expect(usage([])).toBe('missing command: run or sql');
    expect(usage(['go'])).toBe("unknown command 'go' (use run or sql)");
    expect(usage(['run', 'nb.seg.md', '--fast'])).toBe("unknown option --fast for 'segbook run'");
    expect(usage(['run', 'nb.seg.md', '--dialect', 'duckdb'])).toBe("unknown option --dialect for 'segbook run'");
    expect(usage(['run'])).toBe('missing NOTEBOOK: segbook run NOTEBOOK.seg.md');
    expect(usage(['sql', 'a', 'b'])).toBe('one notebook at a time (got a, b)');
    expect(usage(['run', 'a', 'b', '--format', 'html'])).toBe('--format html reports on one notebook; several are summarised as text or json');
    expect(usage(['run', 'nb', '--data', 'x.csv'])).toBe("--data 'x.csv' must be NAME=PATH");
    expect(usage(['run', 'nb', '--data', 'my table=x.csv'])).toBe("--data table name 'my table' must be a plain name (letters, digits, _)");
    expect(usage(['run', 'nb', '--asof', '2024-13-01'])).toBe("--asof '2024-13-01' is not a date like 2024-06-30");
    expect(usage(['run', 'nb', '--format', 'pdf'])).toBe("--format 'pdf' is not one of text, json, html");
    expect(usage(['run', 'nb', '--out'])).toBe('--out needs a value');
    expect(usage(['sql', 'nb', '--dialect', 'mysql'])).toBe("--dialect 'mysql' is not one of duckdb, postgres");
  });
});
