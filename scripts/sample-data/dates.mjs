// Dates as whole days since 1970-01-01 (UTC), written as YYYY-MM-DD.
const MS_PER_DAY = 86_400_000;

export const day = (iso) => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
export const isoDay = (days) => new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
export const monthOf = (days) => new Date(days * MS_PER_DAY).getUTCMonth();
export const yearOf = (days) => new Date(days * MS_PER_DAY).getUTCFullYear();
/** 0 = Sunday. */
export const weekdayOf = (days) => new Date(days * MS_PER_DAY).getUTCDay();

/** The Friday after the fourth Thursday of November. */
export function blackFriday(year) {
  const first = day(`${year}-11-01`);
  const firstThursday = first + ((4 - weekdayOf(first) + 7) % 7);
  return firstThursday + 22;
}

/** The last day of the quarter holding `days`. */
export function quarterEnd(days) {
  const year = yearOf(days);
  const quarterLastMonth = Math.floor(monthOf(days) / 3) * 3 + 3;
  return quarterLastMonth === 12 ? day(`${year}-12-31`) : day(`${year}-${String(quarterLastMonth + 1).padStart(2, '0')}-01`) - 1;
}
