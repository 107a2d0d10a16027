/**
 * Times of day as a person types them in a time field ("14:05", the browser's local time) and the instants they
 * mean for the timer: a start, a split point, an entry's from and to. Pure (the local zone is the Date's).
 */

/** "HH:MM" of an instant, local time: what a time field shows. */
export function timeOfDay(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

const minutesOf = (value: string): number | null => {
  const m = /^(\d{1,2}):(\d{2})/.exec(value);
  return m && Number(m[1]) < 24 && Number(m[2]) < 60 ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/**
 * The latest instant at that local time of day that is not after `now` (a time later than now is yesterday's: a
 * call started before midnight). The minute typed now is now. Null when `value` is not a time.
 */
export function lastAt(value: string, now: number): number | null {
  const minutes = minutesOf(value);
  if (minutes === null) return null;
  const d = new Date(now);
  d.setHours(Math.floor(minutes / 60), minutes % 60, 0, 0);
  if (timeOfDay(now) === value.slice(0, 5)) return now;
  if (d.getTime() > now) d.setDate(d.getDate() - 1);
  return d.getTime();
}

/**
 * A running timer's new start typed as a time of day: the latest such instant not after `now`, but never yesterday's
 * for a timer that started today (a time later than now is then a mistake, not a call started before midnight).
 * Null when it is not a time, or is such a mistake.
 */
export function startAt(value: string, now: number, currentStart: number): number | null {
  const at = lastAt(value, now);
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  return at !== null && at < midnight && currentStart >= midnight ? null : at;
}

/** Seconds from one time of day to the next ("23:30" to "00:15" is 45 minutes); null unless both are times. */
export function spanSeconds(from: string, to: string): number | null {
  const a = minutesOf(from);
  const b = minutesOf(to);
  if (a === null || b === null) return null;
  return ((((b - a) % 1440) + 1440) % 1440) * 60;
}
