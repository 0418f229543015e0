import { addDays, weekday } from './dates.ts';

/**
 * The Chinese working-day calendar: statutory holidays and make-up working days (调休上班) as
 * data rows per year (work_calendar); every other Monday–Friday is a working day.
 */
export type WorkCalendar = ReadonlyMap<string, 'holiday' | 'workday'>;

export function isWorkingDay(cal: WorkCalendar, d: string): boolean {
  const kind = cal.get(d);
  if (kind) return kind === 'workday';
  const w = weekday(d);
  return w !== 0 && w !== 6;
}

/**
 * The last day of a 公示 of n working days that starts on `start` (a start on a rest day counts
 * from the next working day).
 * @example noticeEnd(cal2025, '2025-09-29', 5) // '2025-10-11' (9-29, 9-30, 10-9, 10-10, make-up Saturday 10-11)
 */
export function noticeEnd(cal: WorkCalendar, start: string, n: number): string {
  let d = start;
  let counted = 0;
  for (let guard = 0; guard < 400; guard++, d = addDays(d, 1)) {
    if (isWorkingDay(cal, d)) counted += 1;
    if (counted === n) return d;
  }
  throw new Error(`no ${n} working days within 400 days of ${start}`);
}

/** Working days from a to b, both included. */
export function workingDaysBetween(cal: WorkCalendar, a: string, b: string): number {
  let n = 0;
  for (let d = a; d <= b; d = addDays(d, 1)) if (isWorkingDay(cal, d)) n += 1;
  return n;
}
