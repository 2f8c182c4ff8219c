/** The notebook's reference date (spec §3): the runner's flag, then the `asof` statement, then the front matter, then today. */
export interface AsofSources {
  override?: string;
  statement?: string;
  frontMatter?: string;
  today: string;
}

export function resolveAsof({ override, statement, frontMatter, today }: AsofSources): string {
  return override ?? statement ?? frontMatter ?? today;
}

/** Today's date where the analyst is, as 'YYYY-MM-DD'. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
