import type { Duration } from './ast/nodes.ts';

/**
 * Calendar arithmetic on 'YYYY-MM-DD' dates (spec §10): months clamp to the month's last day,
 * a year is 12 months, a week 7 days. Used where the compiler itself needs dates (trend steps).
 */
export function addDuration(date: string, duration: Pick<Duration, 'amount' | 'unit'>): string {
  const [y, m, d] = date.split('-').map(Number);
  if (duration.unit === 'day' || duration.unit === 'week') {
    const days = duration.amount * (duration.unit === 'week' ? 7 : 1);
    return formatDate(new Date(Date.UTC(y, m - 1, d + days)));
  }
  const months = duration.amount * (duration.unit === 'year' ? 12 : 1);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return formatDate(new Date(Date.UTC(year, month, Math.min(d, lastDay))));
}

/** Whether 'YYYY-MM-DD' names a real day (2024-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function formatDate(date: Date): string {
  const y = date.getUTCFullYear();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** For `within 30 dayz` or `every 1 fortnight`: what the word should have been. */
export function unknownUnitMessage(word: string): string {
  return `unknown unit '${word}': use days, weeks, months or years`;
}
