/**
 * Text in quotes that a comparison with `lower(…)` or `upper(…)` can never meet: `lower(country) =
 * 'US'` compares text in lower case with text that has capitals, so it holds for no one (and `!=`
 * for everyone with a country) whatever the data says. Only the letters a–z and A–Z are judged:
 * DuckDB's case mapping of other letters need not be JavaScript's (`upper('ß')`).
 */
import type { Expr } from '../ast/nodes.ts';
import type { Span } from '../diagnostics.ts';

interface Fold {
  /** A letter the function's result never holds. */
  never: RegExp;
  fixed: (text: string) => string;
  inCase: string;
}

const FOLDS: Record<string, Fold> = {
  lower: { never: /[A-Z]/, fixed: (t) => t.replace(/[A-Z]+/g, (s) => s.toLowerCase()), inCase: 'lower case' },
  upper: { never: /[a-z]/, fixed: (t) => t.replace(/[a-z]+/g, (s) => s.toUpperCase()), inCase: 'upper case' },
};

export interface FoldedTextMiss {
  message: string;
  span: Span;
}

/** `side` compared with each of `others` (`=`, `!=`, `in`): the texts among them it can never be. */
export function foldedTextMisses(side: Expr, others: readonly Expr[], source: string): FoldedTextMiss[] {
  if (side.type !== 'call' || side.args.length !== 1) return [];
  const fold = FOLDS[side.name.text.toLowerCase()];
  if (!fold) return [];
  const written = source.slice(side.span.start, side.span.end);
  return others.flatMap((other) =>
    other.type === 'string' && fold.never.test(other.value)
      ? [{ message: `${written} is in ${fold.inCase}, so it is never ${quoted(other.value)}: write ${quoted(fold.fixed(other.value))}`, span: other.span }]
      : [],
  );
}

function quoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
