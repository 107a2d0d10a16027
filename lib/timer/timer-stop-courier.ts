/** How a timer stop travels from the outbox to Clio. */
import type { ClioClient } from '../clio/client';
import type { Courier } from '../outbox/outbox';
import { updateTimeEntry } from '../time-entries/clio-activities';
import { runningTimer, stopClioTimer } from './clio-timer';

export const TIMER_STOP = 'timer-stop';

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

/**
 * Stopping is safe to repeat: stop Clio's timer if it still runs on this activity, then record the
 * exact time (Clio rounds it; we never round twice). Two requests, one more when Clio must be checked.
 */
export function timerStopCourier(client: ClioClient): Courier<TimerStopPayload> {
  return {
    async deliver(p, entry) {
      // A resend looks first: Clio's timer may run on another entry by now (a switch started one after this stop).
      // `entry` is as it was before this attempt: 0 attempts on the first send.
      if (p.running) {
        if (p.verify || entry.attempts > 0) {
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
