/** Damerau–Levenshtein distance (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[s.length][t.length];
}

/** The candidate nearest to `name`, if it is near enough to be what the analyst meant. */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.floor(name.length / 3));
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance && distance <= limit) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ?? onlyLongerName(name, candidates);
}

/** `signup` for `signup_date`: the first word of exactly one name (of three letters or more, so `a` suggests nothing). */
function onlyLongerName(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length < 3) return undefined;
  const lower = name.toLowerCase();
  const longer = [...candidates].filter((c) => c.length > name.length && c.toLowerCase().startsWith(lower) && /[_\s(]/.test(c[name.length]!));
  return longer.length === 1 ? longer[0] : undefined;
}

export function didYouMean(name: string, candidates: Iterable<string>): string {
  const hit = nearest(name, candidates);
  return hit ? ` — did you mean '${hit}'?` : '';
}
