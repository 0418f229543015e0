/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD') in UTC, so no time zone or DST can move a
 * deadline by a day. ISO dates compare correctly as strings.
 */

function parts(d: string): [number, number, number] {
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

function iso(t: Date): string {
  return t.toISOString().slice(0, 10);
}

/**
 * The same day n months later, clamped to the month's end ("within 1 month" of 01-31 is 02-28/29).
 * @example addMonths('2025-01-31', 1) // '2025-02-28'
 */
export function addMonths(d: string, n: number): string {
  const [y, m, day] = parts(d);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, last))));
}

/** @example addDays('2025-12-31', 1) // '2026-01-01' */
export function addDays(d: string, n: number): string {
  const [y, m, day] = parts(d);
  return iso(new Date(Date.UTC(y, m - 1, day + n)));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: string): number {
  const [y, m, day] = parts(d);
  return new Date(Date.UTC(y, m - 1, day)).getUTCDay();
}

/** Today's date in China (UTC+8), whatever the server's time zone. */
export function chinaDate(now: Date): string {
  return iso(new Date(now.getTime() + 8 * 3600_000));
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  const [y1, m1, d1] = parts(a);
  const [y2, m2, d2] = parts(b);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}
