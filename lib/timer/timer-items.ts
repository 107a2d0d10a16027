/** What the timer keeps in storage: the running timer, the paused ones, idle time waiting for the user's decision, recent matters. */
import { defineItem } from '../storage/item';
import type { MatterRef, TimerState } from './model';

/** The running timer (Clio's one timer). Written by the background only. */
export const timerItem = defineItem<TimerState | null>('local:timer', { fallback: null, perUser: 'keep' });

/** Paused timers waiting here, newest first; each resumes with one click. Written by the background only. */
export const pausedTimersItem = defineItem<TimerState[]>('local:paused-timers', { fallback: [], perUser: 'keep' });

/** When Clio was last asked whether a timer runs. */
export const timerCheckedAtItem = defineItem<number>('local:timer-checked-at', { fallback: 0, perUser: 'reset' });

export interface IdleSpan {
  /** When the user went idle (epoch ms). */
  from: number;
  /** When they came back; null while still away. */
  to: number | null;
  /** The timer this idle time belongs to. */
  activityId: number | null;
}

export const idleItem = defineItem<IdleSpan | null>('local:timer-idle', { fallback: null, perUser: 'reset' });

/** The last matters the user timed or logged time on, newest first. */
export const recentMattersItem = defineItem<MatterRef[]>('local:recent-matters', { fallback: [], perUser: 'keep' });

export const RECENT_MATTERS_KEPT = 8;

export async function rememberMatter(m: MatterRef): Promise<void> {
  const recent = await recentMattersItem.getValue();
  await recentMattersItem.setValue([m, ...recent.filter((r) => r.id !== m.id)].slice(0, RECENT_MATTERS_KEPT));
}
