/** How the Billing section writes dates: a calendar day, an instant, and today (all in the browser's locale and zone). */

/** "Jan 5, 2027" for a calendar date (no zone). */
export const billingDay = (date: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${date.slice(0, 10)}T00:00:00Z`));
/** "Jan 12, 2027, 10:00 AM" for an instant, in the browser's zone. */
export const billingWhen = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
/** YYYY-MM-DD in the browser's zone, `days` after today. */
export const localDay = (days = 0) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA');
