/**
 * What reminders and automatic stops keep. Written by the background only (the options page asks it through
 * `reminders/set`, so the alarms are set with the setting). The settings are the person's: work hours and a stop
 * time are one lawyer's habits, not the browser's, so they go aside when another Clio user signs in and come back
 * with them ('keep'); what happened (a reminder's time, a stop to tell of) is cleared ('reset').
 */
import type { MatterRef } from '../matter-ref';
import { defineItem } from '../storage/item';
import { DEFAULT_REMINDERS, type ReminderSettings } from './reminder-rules';

export const remindersItem = defineItem<ReminderSettings>('local:timer-reminders', { fallback: DEFAULT_REMINDERS, perUser: 'keep' });

export interface ReminderClock {
  /** When a timer last ran (its stop or pause), 0 when never seen. */
  lastRanAt: number;
  /** When the last reminder was shown, 0 when never. */
  remindedAt: number;
  /** The matter the last reminder offered: its "Start timer" starts on this one. */
  matter: MatterRef | null;
}

/** "Remind me to track": what it counts from, and what it offered. */
export const reminderClockItem = defineItem<ReminderClock>('local:timer-reminder-clock', {
  fallback: { lastRanAt: 0, remindedAt: 0, matter: null },
  perUser: 'reset',
});

/** A timer the extension stopped by itself, to tell of the next time the popup opens. */
export interface AutoStop {
  why: 'stop-at' | 'away';
  /** The instant the timer was stopped at (the set time, or when the person went away). */
  at: number;
  matter: MatterRef | null;
  note: string;
  activityDescriptionId: number | null;
  /** Away: when the person came back (null while still away). */
  back: number | null;
}

export const autoStopItem = defineItem<AutoStop | null>('local:timer-auto-stop', { fallback: null, perUser: 'reset' });
