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

export function pause(t: TimerState, now: number): TimerState {
  return t.runningSince === null ? t : { ...t, recordedMs: elapsedMs(t, now), runningSince: null };
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
