/**
 * How long a Clio Payments link stays payable: whole days as the person types them, sent as seconds. Clio's limit is
 * the spec's `duration` maximum, 7,776,000 s (90 days). Pure.
 */
import { type Phrase, phrase } from '../phrase';

/** The spec's maximum `duration` of a link, in seconds (90 days). */
export const MAX_LINK_SECONDS = 7_776_000;
export const DAY_SECONDS = 86_400;
export const MAX_LINK_DAYS = MAX_LINK_SECONDS / DAY_SECONDS;
/** What the form offers first. */
export const DEFAULT_LINK_DAYS = 7;

export type DurationResult = { ok: true; seconds: number } | { ok: false; error: Phrase };

/** Days typed ("7", " 30 ") → seconds; a whole number from 1 to 90, or why not. */
export function linkDuration(days: string): DurationResult {
  const s = days.trim();
  if (!/^\d+$/.test(s)) return { ok: false, error: phrase('billingDaysWhole', String(MAX_LINK_DAYS)) };
  const n = Number(s);
  if (n < 1 || n > MAX_LINK_DAYS) return { ok: false, error: phrase('billingDaysRange', String(MAX_LINK_DAYS)) };
  return { ok: true, seconds: n * DAY_SECONDS };
}
