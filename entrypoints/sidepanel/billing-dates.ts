/** How the Billing section writes dates: a calendar day, an instant (in the UI's locale), and today (the browser's zone). */
import { dayIn, dayTimeIn } from '@/lib/locale-format';
import { uiLocale } from '@/lib/ui-locale';

/** "Jan 5, 2027" for a calendar date (no zone). */
export const billingDay = (date: string) => dayIn(date.slice(0, 10), uiLocale());
/** "Jan 12, 2027, 10:00 AM" for an instant, in the browser's zone. */
export const billingWhen = (iso: string) => dayTimeIn(Date.parse(iso), uiLocale());
/** YYYY-MM-DD in the browser's zone, `days` after today. */
export const localDay = (days = 0) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA');
