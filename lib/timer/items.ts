/** What the timer keeps in storage: the timer itself, idle time waiting for the user's decision, recent matters. */
import { defineItem } from '../storage/item';
import { timerForOwner, type MatterRef, type TimerState } from './model';

export const timerItem = defineItem<TimerState | null>('local:timer', { fallback: null, version: 1 });

/** When Clio was last asked whether a timer runs. */
export const timerCheckedAtItem = defineItem<number>('local:timer-checked-at', { fallback: 0, version: 1 });

export interface IdleSpan {
  /** When the user went idle (epoch ms). */
  from: number;
  /** When they came back; null while still away. */
  to: number | null;
  /** The timer this idle time belongs to. */
  activityId: number | null;
}

export const idleItem = defineItem<IdleSpan | null>('local:timer-idle', { fallback: null, version: 1 });

/** The last matters the user timed or logged time on, newest first. */
export const recentMattersItem = defineItem<MatterRef[]>('local:recent-matters', { fallback: [], version: 1 });

export const RECENT_MATTERS_KEPT = 8;

export async function rememberMatter(m: MatterRef): Promise<void> {
  const recent = await recentMattersItem.getValue();
  await recentMattersItem.setValue([m, ...recent.filter((r) => r.id !== m.id)].slice(0, RECENT_MATTERS_KEPT));
}

/** Timers of other users of this browser, kept until they sign in again (see `timerForOwner`). */
export const timersAsideItem = defineItem<Record<string, TimerState>>('local:timers-aside', { fallback: {}, version: 1 });

/** After a sign-in: shows only the signed-in user's timer; a switch of user also asks Clio afresh. */
export async function showTimerOf(owner: string): Promise<void> {
  const next = timerForOwner(await timerItem.getValue(), await timersAsideItem.getValue(), owner);
  if (next.changed) {
    await timersAsideItem.setValue(next.aside);
    await idleItem.setValue(null); // idle time belonged to the timer put aside (which keeps it)
    await timerCheckedAtItem.setValue(0);
  }
  await timerItem.setValue(next.timer);
}
