/** BENCHMARKS.md: the machine, a summary of every row against its target, the chart, then each row's tables. */
import path from 'node:path';
import type { Machine } from './machine.ts';
import { ROWS, type BenchOptions } from './options.ts';
import type { RowReport, Table } from './report-types.ts';
import { MAX_ROUNDS } from './timing.ts';

export interface RunFacts {
  machine: Machine;
  options: BenchOptions;
  started: Date;
  minutes: number;
  loadAtEnd: string;
  /** Data generated during this run, in words, if any. */
  generated: string[];
}

export function benchmarksMarkdown(reports: RowReport[], facts: RunFacts, chartFile: string | undefined, outFile: string): string {
  const { machine, options } = facts;
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\`${options.quick ? ' --quick (small data, few runs: for development, not for reading)' : ''} on ${facts.started.toISOString().slice(0, 16).replace('T', ' ')} UTC at commit ${machine.commit}; ` +
      'regenerate rather than edit. Every comparison is measured side by side in the same run: the variants take turns run by run ' +
      `(A B, then B A), and each figure is the median of at least ${options.runs} runs after ${options.warmups} warm-up run${options.warmups === 1 ? '' : 's'} unless a row says otherwise ` +
      (options.minTotalMs ? `(quick queries get more runs, up to ${MAX_ROUNDS}, until each has run for ${options.minTotalMs / 1000} s in all). ` : '. ') +
      'The machine is shared with other work, so absolute times move between runs; the ratios, measured within one run, are what to compare.',
    '',
    '## Machine',
    '',
    ...markdownTable({
      columns: ['', ''],
      rows: [
        ['CPU', machine.cpus],
        ['memory', machine.memory],
        ['OS', machine.os],
        ['Node', machine.node],
        ['Chromium', machine.chromium],
        ['DuckDB', `${machine.duckdbWasm}; ${machine.duckdbNative}`],
        ['load average (1 / 5 / 15 min)', `${machine.loadAtStart} at the start, ${facts.loadAtEnd} at the end`],
        ['this run', `${facts.minutes.toFixed(1)} min${facts.generated.length ? `, including generating ${facts.generated.join(' and ')}` : ''}`],
      ],
    }),
    '',
    '## Summary',
    '',
    ...markdownTable({
      columns: ['row', 'target', 'result', 'met'],
      rows: reports.map((r) => [rowTitle(r), r.target, r.verdict, r.met === undefined ? '–' : r.met ? 'yes' : 'no']),
    }),
    '',
  ];
  if (chartFile) lines.push(`![Ratios of this run, one panel per row](${path.relative(path.dirname(outFile), chartFile)})`, '');
  for (const report of reports) {
    lines.push(`## ${rowTitle(report)}`, '', `Target: ${report.target}. Result: ${report.verdict}${report.met === undefined ? '' : report.met ? ' — met.' : ' — not met.'}`, '');
    for (const table of report.tables) lines.push(...markdownTable(table), '');
    for (const note of report.notes) lines.push(note, '');
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}

function rowTitle(report: RowReport): string {
  const row = ROWS.find((r) => r.id === report.id)!;
  return `${row.number}. ${row.title}`;
}

function markdownTable(table: Table): string[] {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const align = table.columns.map((_, i) => (table.numeric?.includes(i) ? '---:' : '---'));
  return [`| ${table.columns.map(cell).join(' | ')} |`, `| ${align.join(' | ')} |`, ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
}
