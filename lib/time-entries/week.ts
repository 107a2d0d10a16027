/**
 * "This week" for the totals: the days of the user's week before today, today being the date in the user's Clio
 * time zone. The week starts on the locale's first day (Monday where the locale says nothing). Pure.
 */

/** 1 = Monday … 7 = Sunday, as `Intl.Locale`'s week info numbers days. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The locale's first day of the week (Chrome: `getWeekInfo()`; older engines: `weekInfo`; none: Monday). */
export function firstDayOfWeek(locale: string | undefined): Weekday {
  try {
    const l = new Intl.Locale(locale || 'en') as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const day = (l.getWeekInfo?.() ?? l.weekInfo)?.firstDay;
    return day !== undefined && day >= 1 && day <= 7 ? (day as Weekday) : 1;
  } catch {
    return 1;
  }
}

const utcDay = (date: string) => Date.parse(`${date}T00:00:00Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** The first day of the week `today` (YYYY-MM-DD) is in. */
export function weekStart(today: string, firstDay: Weekday): string {
  const ms = utcDay(today);
  const weekday = new Date(ms).getUTCDay() || 7; // 1 = Monday … 7 = Sunday
  return isoOf(ms - ((weekday - firstDay + 7) % 7) * DAY_MS);
}

/** The days of this week before today, inclusive; null when today is the week's first day (nothing to ask Clio). */
export function earlierThisWeek(today: string, firstDay: Weekday): { start: string; end: string } | null {
  const start = weekStart(today, firstDay);
  return start === today ? null : { start, end: isoOf(utcDay(today) - DAY_MS) };
}
