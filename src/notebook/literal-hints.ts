/**
 * A segment with no members says nothing of why. When its condition compares a column with text in
 * quotes that no one holds exactly but some hold in another case or with spaces around it ('us'
 * where the data says 'US'), the text is most likely the reason: a warning at it says so. The data
 * is asked only about segments and partition parts that came out empty.
 */
import type { Engine } from '../engine/types.ts';
import type { LiteralProbe } from './compiler.ts';
import { Cancelled, type Execution } from './execute.ts';
import type { CellError } from './outcome.ts';

/** The execution with a warning for each such text of its empty views; `probes` compiles the queries for those views. */
export async function withLiteralHints(execution: Execution, probes: (views: string[]) => LiteralProbe[], engine: Engine, signal?: AbortSignal): Promise<Execution> {
  const empty = execution.summary.filter((s) => s.size === 0).map((s) => s.name);
  if (empty.length === 0) return execution;
  const warnings: CellError[] = [];
  for (const probe of probes(empty)) {
    if (signal?.aborted) throw new Cancelled();
    // A hint is a courtesy: a probe that fails (data changed under a view) leaves the cell as it ran.
    const found = await engine.query(probe.sql, { signal }).catch(() => undefined);
    if (signal?.aborted) throw new Cancelled();
    for (const [pair, exact, nearest, count] of found?.rows ?? []) {
      const comparison = probe.comparisons[Number(pair)];
      if (!comparison || Number(exact) > 0 || typeof nearest !== 'string') continue;
      warnings.push({ message: literalHint(probe.population, comparison.written, comparison.value, nearest, Number(count)), line: comparison.span.line, column: comparison.span.column });
    }
  }
  return warnings.length > 0 ? { ...execution, warnings } : execution;
}

function literalHint(population: string, column: string, wanted: string, found: string, count: number): string {
  const caseDiffers = wanted.trim() !== found.trim();
  const spacesDiffer = wanted.toLowerCase() !== found.toLowerCase();
  const what = caseDiffers && spacesDiffer ? 'case and spaces' : spacesDiffer ? 'spaces' : 'case';
  const have = `${count.toLocaleString('en-US')} ${count === 1 ? 'has' : 'have'}`;
  return `no one in ${population} has ${column} ${quoted(wanted)}; ${have} ${quoted(found)} — text comparisons are exact, ${what} included`;
}

function quoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
