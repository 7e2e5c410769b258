/**
 * Days, in UTC. A day is written YYYY-MM-DD; a span of days is counted over whole 24-hour periods,
 * so the count never depends on the machine's time zone or daylight saving.
 */

/** One day in milliseconds. */
export const DAY = 86_400_000;

export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The calendar day (YYYY-MM-DD) of an instant: a Date's day in UTC, or the day an ISO timestamp
 * names as written ("2026-03-01T23:30:00-05:00" is 2026-03-01, the day its writer meant).
 */
export function isoDay(at: Date | string): string {
  return typeof at === 'string' ? at.slice(0, 10) : at.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD that names a real day (not 2026-02-30), as midnight UTC; otherwise undefined. */
export function parseDay(s: string): Date | undefined {
  if (!ISO_DAY.test(s)) return undefined;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDay(d) === s ? d : undefined;
}

/**
 * Whole days from `a` to `b` (b − a), rounded down: 89 days and 23 hours is 89 days, so an age
 * reaches a threshold only once it is complete, and a time left is never overstated. A YYYY-MM-DD
 * counts as midnight UTC, so two days give their exact difference. Negative when `b` is before `a`.
 */
export function daysBetween(a: Date | string, b: Date | string): number {
  return Math.floor((new Date(b).getTime() - new Date(a).getTime()) / DAY);
}

/** The same calendar day a year later, in UTC (29 February becomes 1 March): a decision's default review date. */
export function oneYearAfter(d: Date): string {
  const next = new Date(d.getTime());
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  return isoDay(next);
}

/** The instant `days` whole days after `at` (before, when negative). */
export function addDays(at: Date | string, days: number): Date {
  return new Date(new Date(at).getTime() + days * DAY);
}
