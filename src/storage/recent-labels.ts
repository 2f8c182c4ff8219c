/**
 * The line under each title in Recent. Titles come from the notebooks' text, so different
 * notebooks can share one (two new "Untitled notebook"s, a tutorial worked on twice, a tab's copy);
 * the line adds the file, "copy" and when it was last changed, to the second where the minute (or
 * the day) would read as another's. Which notebook is open plays no part, so a line does not
 * change as the analyst moves between them.
 */
import type { RecentNotebook } from './notebook-store.ts';

export type RecentEntry = RecentNotebook & { detail: string };

export function describeRecent(recent: RecentNotebook[], now = new Date()): RecentEntry[] {
  const brief = recent.map((notebook) => detail(notebook, when(notebook.updatedAt, now)));
  return recent.map((notebook, i) => {
    const lookalike = recent.some((other, j) => j !== i && other.title === notebook.title && brief[j] === brief[i]);
    return { ...notebook, detail: lookalike ? detail(notebook, toTheSecond(notebook.updatedAt, now)) : brief[i] };
  });
}

function detail({ fileName, copy }: RecentNotebook, time: string): string {
  return [fileName, copy ? 'copy' : '', time].filter(Boolean).join(' · ');
}

/** "14:05" today, "3 Nov" otherwise. */
function when(time: number, now: Date): string {
  const date = new Date(time);
  return sameDay(date, now) ? clock(date, false) : day(date);
}

/** "14:05:12" today, "3 Nov, 14:05:12" otherwise. */
function toTheSecond(time: number, now: Date): string {
  const date = new Date(time);
  return sameDay(date, now) ? clock(date, true) : `${day(date)}, ${clock(date, true)}`;
}

function sameDay(a: Date, b: Date): boolean {
  return a.toDateString() === b.toDateString();
}

function day(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
}

function clock(date: Date, seconds: boolean): string {
  return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) });
}
