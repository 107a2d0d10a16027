/**
 * Today's and this week's totals, the running timer included. The timer runs on a Clio activity whose quantity is the
 * time recorded before the running segment: that activity counts as the timer's elapsed time, once. Pure.
 */

export interface Counted {
  id: number;
  /** Seconds. */
  quantity: number;
}

export interface TotalsInput {
  /** Today's time entries from Clio. */
  today: readonly Counted[];
  /** Seconds of today's entries still waiting in the outbox. */
  waitingSeconds: number;
  /** This week's entries before today; null until Clio answered. */
  earlier: readonly Counted[] | null;
  /** The timer: the activity it runs on (null: only here) and its elapsed seconds now; null without a timer. */
  timer: { activityId: number | null; seconds: number } | null;
}

export function timeTotals({ today, waitingSeconds, earlier, timer }: TotalsInput): { today: number; week: number | null } {
  const notTimer = (a: Counted) => !timer || a.id !== timer.activityId;
  const sum = (list: readonly Counted[]) => list.filter(notTimer).reduce((s, a) => s + a.quantity, 0);
  const todayTotal = sum(today) + waitingSeconds + (timer ? Math.max(0, timer.seconds) : 0);
  return { today: todayTotal, week: earlier === null ? null : sum(earlier) + todayTotal };
}
