/**
 * Reminders and automatic stops, decided from what is stored and the clock: "Remind me to track", "Stop at a set
 * time" and "Away too long". Pure (times of day are the Date's local zone); the background's alarms ask these what
 * to do when they fire, so a worker killed in between changes nothing.
 */

export interface ReminderSettings {
  /** "Remind me to track": notify when no timer has run for `remindMinutes` within work hours. */
  remind: boolean;
  remindMinutes: number;
  /** Work hours, "HH:MM" local time; `workTo` before `workFrom` runs past midnight. */
  workFrom: string;
  workTo: string;
  /** Stop a running timer at `stopAtTime` ("HH:MM") each day. */
  stopAt: boolean;
  stopAtTime: string;
  /** Away (idle) longer than `awayMinutes`: the timer stops at the moment the person went away. */
  awayStop: boolean;
  awayMinutes: number;
}

/** All off until chosen. */
export const DEFAULT_REMINDERS: ReminderSettings = {
  remind: false,
  remindMinutes: 30,
  workFrom: '09:00',
  workTo: '18:00',
  stopAt: false,
  stopAtTime: '18:30',
  awayStop: false,
  awayMinutes: 30,
};

const MINUTE = 60_000;

/** Minutes since midnight of "HH:MM", or null when it is not a time of day. */
export function minutesOfDay(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value);
  return m && Number(m[1]) < 24 && Number(m[2]) < 60 ? Number(m[1]) * 60 + Number(m[2]) : null;
}

const onDayOf = (day: number, minutes: number, plusDays = 0): number => {
  const d = new Date(day);
  d.setDate(d.getDate() + plusDays);
  d.setHours(Math.floor(minutes / 60), minutes % 60, 0, 0);
  return d.getTime();
};

/** The latest instant at `time` (local) that is not after `now`; null when `time` is not a time of day. */
export function lastOccurrence(time: string, now: number): number | null {
  const minutes = minutesOfDay(time);
  if (minutes === null) return null;
  const today = onDayOf(now, minutes);
  return today <= now ? today : onDayOf(now, minutes, -1);
}

/** The first instant at `time` (local) after `now`. */
export function nextOccurrence(time: string, now: number): number | null {
  const minutes = minutesOfDay(time);
  if (minutes === null) return null;
  const today = onDayOf(now, minutes);
  return today > now ? today : onDayOf(now, minutes, 1);
}

/**
 * Stop at a set time: the instant a timer running since `runningSince` is stopped at (the first stop time after it
 * started, however late the alarm fired: a browser closed over a weekend stops Friday's timer at Friday's time), or
 * null while that time is still to come.
 */
export function stopAtDue(s: ReminderSettings, runningSince: number | null, now: number): number | null {
  if (!s.stopAt || runningSince === null) return null;
  const at = nextOccurrence(s.stopAtTime, runningSince);
  return at !== null && at <= now ? at : null;
}

/** When the stop-at alarm fires next (null: off). */
export const nextStopAt = (s: ReminderSettings, now: number): number | null => (s.stopAt ? nextOccurrence(s.stopAtTime, now) : null);

/** Whether `now` falls within work hours (an empty span, from = to, holds no time). */
export function withinWorkHours(s: Pick<ReminderSettings, 'workFrom' | 'workTo'>, now: number): boolean {
  const from = lastOccurrence(s.workFrom, now);
  const to = nextOccurrence(s.workTo, now);
  const nextFrom = nextOccurrence(s.workFrom, now);
  if (from === null || to === null || nextFrom === null || s.workFrom === s.workTo) return false;
  // Within when the day's end comes before the next start.
  return to <= nextFrom;
}

export interface ReminderFacts {
  /** A timer runs now. */
  running: boolean;
  /** When a timer last ran (its stop or pause), 0 when never seen. */
  lastRanAt: number;
  /** When the last reminder was shown, 0 when never. */
  remindedAt: number;
  /** The person is using the browser (not idle, not locked). */
  inUse: boolean;
}

export interface ReminderStep {
  notify: boolean;
  /** When to look again; null: not until a timer stops or the setting changes. */
  next: number | null;
}

/**
 * "Remind me to track": N minutes of work hours without a timer (counted from the last timer, the last reminder or
 * the start of work hours, whichever is latest) and the browser in use. Then again every N minutes.
 */
export function reminderStep(s: ReminderSettings, f: ReminderFacts, now: number): ReminderStep {
  if (!s.remind || f.running) return { notify: false, next: null };
  const n = Math.max(1, Math.round(s.remindMinutes)) * MINUTE;
  if (!withinWorkHours(s, now)) {
    const start = nextOccurrence(s.workFrom, now);
    return { notify: false, next: start === null ? null : start + n };
  }
  const due = Math.max(f.lastRanAt, f.remindedAt, lastOccurrence(s.workFrom, now)!) + n;
  if (now < due) return { notify: false, next: due };
  return { notify: f.inUse, next: now + n };
}

export interface AwaySpan {
  /** When the person went away. */
  from: number;
  /** When they came back; null while still away. */
  to: number | null;
  activityId: number | null;
}

/**
 * Away too long: the instant the running timer stops at (when the person went away, or when the timer started if
 * later), once the time away reaches `awayMinutes`; null otherwise. Asked by the alarm while away, and when they
 * come back (an alarm that did not fire while the computer slept).
 */
export function awayStopDue(
  s: ReminderSettings,
  span: AwaySpan | null,
  timer: { activityId: number | null; runningSince: number | null } | null,
  now: number,
): number | null {
  if (!s.awayStop || !span || !timer || timer.runningSince === null || timer.activityId !== span.activityId) return null;
  const away = (span.to ?? now) - span.from;
  return away >= Math.max(1, s.awayMinutes) * MINUTE ? Math.max(span.from, timer.runningSince) : null;
}

/**
 * The matter a reminder offers: the page's best suggestion when a page was read since the last timer ran (its
 * reading is the newest of any window's), else the last matter timed or logged.
 */
export function reminderMatter<M>(readings: Array<{ at: number; suggestions: Array<{ matter: M }> }>, lastRanAt: number, recent: M[]): M | null {
  const newest = readings.filter((r) => r.at > lastRanAt && r.suggestions.length > 0).sort((a, b) => b.at - a.at)[0];
  return newest?.suggestions[0]?.matter ?? recent[0] ?? null;
}
