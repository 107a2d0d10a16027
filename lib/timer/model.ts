/**
 * The running timer as the extension keeps it: derived from stored timestamps, never from a
 * counter, so it is right after the service worker or the browser restarts. Pure.
 *
 * Clio keeps one timer per user on a TimeEntry ("activity"). The activity's quantity holds the time
 * recorded so far; a running timer adds the time since it started. Pausing is Clio's stop (the
 * running time goes into the quantity); resuming starts a timer on the same activity again.
 */
import type { MatterRef } from '../matter-ref';

export type { MatterRef };

export interface TimerState {
  /** The Clio TimeEntry the timer runs on; null while it runs only here (Clio could not be reached at start). */
  activityId: number | null;
  matter: MatterRef | null;
  note: string;
  activityDescriptionId: number | null;
  /** Time already recorded on the activity before the running segment, ms. */
  recordedMs: number;
  /** When the running segment started (epoch ms, local clock); null while paused. */
  runningSince: number | null;
  /** When Clio last confirmed this state (epoch ms). */
  syncedAt: number;
  /** Our correction on top of Clio's figures, ms: minus idle time the user discarded. Kept across syncs. */
  adjustMs: number;
  /** Activity etag as last seen. */
  etag?: string;
}

export const elapsedMs = (t: TimerState, now: number): number =>
  Math.max(0, t.recordedMs + t.adjustMs + (t.runningSince === null ? 0 : Math.max(0, now - t.runningSince)));

export const isRunning = (t: TimerState | null | undefined): t is TimerState & { runningSince: number } => !!t && t.runningSince !== null;

/** Pauses: the running segment joins what is recorded (as Clio's stop records it); our correction stays apart. */
export function pause(t: TimerState, now: number): TimerState {
  return t.runningSince === null ? t : { ...t, recordedMs: t.recordedMs + Math.max(0, now - t.runningSince), runningSince: null };
}

export function resume(t: TimerState, now: number): TimerState {
  return t.runningSince !== null ? t : { ...t, runningSince: now };
}

/** Idle time the user chose to discard comes off the timer (never below zero). */
export function discardIdle(t: TimerState, idleMs: number, now: number): TimerState {
  const canTake = Math.min(idleMs, elapsedMs(t, now));
  return { ...t, adjustMs: t.adjustMs - canTake };
}

/** Seconds to record on the activity when the timer stops. */
export const quantitySeconds = (t: TimerState, now: number): number => Math.round(elapsedMs(t, now) / 1000);

export interface ClioTimerJson {
  start_time?: string;
  /** Hours since the timer started (Clio's clock: immune to a skewed local clock). */
  elapsed_time?: number;
  activity?: { id: number; quantity?: number; note?: string | null; etag?: string };
}

/**
 * The timer Clio reports (GET /timer), as a TimerState. The running segment's start is derived from
 * `elapsed_time` where Clio gives it, so a local clock that is off does not skew the display.
 */
export function fromClioTimer(json: ClioTimerJson, now: number, known: TimerState | null): TimerState | null {
  const activity = json.activity;
  if (!activity) return null;
  const runningMs = typeof json.elapsed_time === 'number' ? json.elapsed_time * 3_600_000 : json.start_time ? now - Date.parse(json.start_time) : 0;
  const same = known && known.activityId === activity.id ? known : null;
  return {
    activityId: activity.id,
    adjustMs: same?.adjustMs ?? 0,
    matter: same?.matter ?? null,
    note: activity.note ?? same?.note ?? '',
    activityDescriptionId: same?.activityDescriptionId ?? null,
    recordedMs: (activity.quantity ?? 0) * 1000,
    runningSince: now - Math.max(0, runningMs),
    syncedAt: now,
    ...(activity.etag ? { etag: activity.etag } : {}),
  };
}

/** When the timer would have started had it run without a break: what "Started at" shows and edits. */
export const startOf = (t: TimerState, now: number): number => now - elapsedMs(t, now);

/**
 * "I started this call 10 minutes ago": the timer's time becomes the time since `start`, as our correction on top of
 * Clio's figures (kept across syncs, recorded exactly at stop). A start in the future is now.
 */
export function withStart(t: TimerState, start: number, now: number): TimerState {
  const wanted = Math.max(0, now - start);
  return { ...t, adjustMs: t.adjustMs + wanted - elapsedMs(t, now) };
}

/**
 * After Clio took our correction into the activity's recorded time (`quantity`, whole seconds): what is left of
 * it stays ours, so the time shown does not move.
 */
export function correctionTaken(t: TimerState, quantity: number): TimerState {
  const recordedMs = quantity * 1000;
  return { ...t, recordedMs, adjustMs: t.recordedMs + t.adjustMs - recordedMs };
}

/**
 * Where a switch or a split cuts the running timer: the time before `at` stays on it, the time since `at` goes to the
 * next matter. `at` is now for a switch (the stop instant is the start instant: no gap, no overlap); a split gives an
 * earlier one, never before the timer's start nor after now. Null when `at` is outside the timer's time.
 */
export function cut(t: TimerState, at: number, now: number): { beforeSeconds: number; afterSeconds: number } | null {
  if (at > now || at < startOf(t, now) || !isRunning(t)) return null;
  const afterSeconds = Math.round((now - at) / 1000);
  return { beforeSeconds: quantitySeconds(t, now) - afterSeconds, afterSeconds };
}

/** The running timer and the paused ones waiting here (Clio's one timer is the running one). */
export interface Timers {
  running: TimerState | null;
  paused: TimerState[];
}

const sameTimer = (a: TimerState, b: TimerState) => a.activityId !== null && a.activityId === b.activityId;

/**
 * What is stored, read as timers: a timer paused before paused timers were a list is the first of the list; a timer
 * both running and paused (a pause or resume cut short between its two writes) is the running one.
 */
export function timersOf(current: TimerState | null, paused: readonly TimerState[]): Timers {
  if (current && !isRunning(current)) return timersOf(null, [current, ...paused.filter((p) => !sameTimer(p, current))]);
  return { running: current, paused: current ? paused.filter((p) => !sameTimer(p, current)) : [...paused] };
}

/** Pauses the running timer into the list (first); nothing runs after. */
export function pauseRunning(ts: Timers, now: number): Timers {
  return ts.running ? { running: null, paused: [pause(ts.running, now), ...ts.paused] } : ts;
}

/** Which paused timer a click meant: a paused timer's entry and recorded time do not change while it waits. */
export interface PausedRef {
  activityId: number | null;
  recordedMs: number;
}

/**
 * The place in the list of the paused timer a click meant: `index` when it is still that timer (the list may have
 * changed since it was shown: a resume in Clio's web app, another window), else where that timer is now; -1 when it
 * is gone. Without `ref`, `index`.
 */
export function pausedIndex(paused: readonly TimerState[], index: number, ref?: PausedRef): number {
  const same = (t: TimerState | undefined) => !!t && t.activityId === ref!.activityId && t.recordedMs === ref!.recordedMs;
  if (!ref || same(paused[index])) return index;
  return paused.findIndex(same);
}

/** Resumes the paused timer at `index`; one that was running is paused at the same instant and waits in its place. */
export function resumePaused(ts: Timers, index: number, now: number): Timers {
  const chosen = ts.paused[index];
  if (!chosen) return ts;
  const rest = ts.paused.filter((_, i) => i !== index);
  return { running: resume(chosen, now), paused: ts.running ? [pause(ts.running, now), ...rest] : rest };
}
