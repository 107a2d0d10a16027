/**
 * Times, days, counts and sizes as people read them in their locale (lib/ui-locale.ts gives it): "2:05 PM" and
 * "14 h 05", "Jan 5, 2027" and "5 janv. 2027", "1,234" and "1 234", "12 kB" and "12 ko". Pure: the locale is an
 * argument (durations keep h/min/s, written the same in both languages: duration-format.ts).
 */

/** A time of day at the instant `ms`, in the browser's zone: "2:05 PM", "14 h 05"; with seconds when asked. */
export const timeIn = (ms: number, locale: string, seconds = false): string =>
  new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) }).format(ms);

/** A calendar day (YYYY-MM-DD, no zone): "Jan 5, 2027", "5 janv. 2027". */
export const dayIn = (date: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));

/** An instant as a day and time in an IANA zone (the browser's own when undefined): "Jan 5, 2027, 10:00 AM". */
export const dayTimeIn = (ms: number, locale: string, zone?: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(ms);

/** A count: "1,234", "1 234". */
export const countIn = (n: number, locale: string): string => new Intl.NumberFormat(locale).format(n);

const MB = 1024 * 1024;

/** A file's size: "12 kB" / "12 ko" under a megabyte (at least 1), else "1.5 MB" / "1,5 Mo". */
export const sizeIn = (bytes: number, locale: string): string =>
  bytes < MB
    ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte' }).format(Math.max(1, Math.round(bytes / 1024)))
    : new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / MB);
