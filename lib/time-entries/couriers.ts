/** How time entries and timer stops travel from the outbox to Clio. */
import { createTimeEntry, findTimeEntry, runningTimer, stopClioTimer, updateTimeEntry, type ActivityJson, type NewTimeEntry } from '../clio/activities';
import type { ClioClient } from '../clio/client';
import type { AppError } from '../errors';
import type { Courier } from '../outbox/outbox';
import type { MatterRef } from '../timer/model';

export const TIME_ENTRY = 'time-entry';
export const TIMER_STOP = 'timer-stop';

/** A time entry as the user made it; the matter is kept whole so pending entries read well. */
export interface TimeEntryPayload extends Omit<NewTimeEntry, 'matterId'> {
  matter: MatterRef;
}

const toNew = ({ matter, ...rest }: TimeEntryPayload): NewTimeEntry => ({ ...rest, matterId: matter.id });

export interface TimerStopPayload {
  activityId: number;
  /** The whole time to record, as the user saw it when they pressed stop. */
  seconds: number;
  note: string;
  matterLabel: string;
  /** Was Clio's timer last seen on this activity so long ago that it must be checked before stopping? */
  verify: boolean;
  /** Is Clio's timer running on it at all (not paused)? */
  running: boolean;
}

/** A create that failed with a dropped connection or a 5xx may still have been made in Clio. */
const createMayHaveReached = (e: AppError) => e.kind === 'network' || e.kind === 'server';

export function timeEntryCourier(client: ClioClient): Courier<TimeEntryPayload> {
  return {
    deliver: (p) => createTimeEntry(client, toNew(p)),
    find: (p, entry, claimed) => findTimeEntry(client, toNew(p), entry.createdAt, claimed),
    mayHaveReached: createMayHaveReached,
  };
}

/**
 * Stopping is safe to repeat: stop Clio's timer if it still runs on this activity, then record the
 * exact time (Clio rounds it; we never round twice). Two requests, one more when Clio must be checked.
 */
export function timerStopCourier(client: ClioClient): Courier<TimerStopPayload> {
  return {
    async deliver(p, entry) {
      if (p.running) {
        if (p.verify || entry.attempts > 1) {
          const timer = await runningTimer(client);
          if (timer?.activity.id === p.activityId) await stopClioTimer(client);
        } else {
          await stopClioTimer(client);
        }
      }
      // No If-Match: stopping just changed the entry, and the time the user saw is the truth.
      return updateTimeEntry(client, p.activityId, undefined, { seconds: p.seconds, note: p.note });
    },
    find: async () => null, // repeating a stop is harmless
    mayHaveReached: () => false,
  };
}

export type { ActivityJson };
