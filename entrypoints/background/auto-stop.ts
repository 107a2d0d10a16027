/**
 * A timer the extension stops by itself (a set time, or away too long): stopped at the instant decided, through
 * the outbox like any stop, and kept in `autoStopItem` for the popup to tell of. Its alarms are set with
 * `setAlarmAt`, the one place they are cleared when off.
 */
import { browser } from 'wxt/browser';
import { accountItem } from '@/lib/auth/account-item';
import { isoDateIn } from '@/lib/dates';
import { autoStopItem, type AutoStop } from '@/lib/timer/reminder-items';
import { timerItem } from '@/lib/timer/timer-items';
import { isRunning } from '@/lib/timer/model';
import type { Services } from './services';

/** Sets the alarm `name` to fire at `when`, or clears it (null). */
export async function setAlarmAt(name: string, when: number | null): Promise<void> {
  if (when === null) await browser.alarms.clear(name);
  else await browser.alarms.create(name, { when: Math.max(when, Date.now() + 1000) });
}

/** Stops the running timer at `at`, a moment already past: the time since is not recorded. */
export async function stopTimerAt(services: Services, at: number, why: AutoStop['why'], back: number | null = null): Promise<void> {
  const timer = await timerItem.getValue();
  if (!isRunning(timer)) return;
  // Told first: the person may come back (and the popup open) while the stop is on its way to Clio.
  await autoStopItem.setValue({ why, at, matter: timer.matter, note: timer.note, activityDescriptionId: timer.activityDescriptionId, back });
  if (!(await services.timer.stopAsOf(at, timer))) await autoStopItem.setValue(null);
}

/** Answers are taken one at a time: a second click reads the notice the first one cleared, and does nothing. */
let deciding: Promise<void> = Promise.resolve();

/** The answer to "your timer stopped while you were away": the time away saved as an entry, dropped, or dropped and the timer started again. */
export function decideAway(services: Services, choice: 'keep' | 'discard' | 'continue'): Promise<void> {
  const next = deciding.then(() => decideAwayNow(services, choice));
  deciding = next.catch(() => undefined);
  return next;
}

async function decideAwayNow(services: Services, choice: 'keep' | 'discard' | 'continue'): Promise<void> {
  const stop = await autoStopItem.getValue();
  await autoStopItem.setValue(null);
  if (stop?.why !== 'away' || !stop.matter) return;
  const request = { matter: stop.matter, note: stop.note, activityDescriptionId: stop.activityDescriptionId };
  if (choice === 'continue') await services.timer.start(request);
  if (choice === 'keep' && stop.back !== null && stop.back > stop.at) {
    const date = isoDateIn(stop.at, (await accountItem.getValue()).user?.timeZone);
    await services.timeEntries.save({ ...request, date, seconds: Math.max(1, Math.round((stop.back - stop.at) / 1000)), nonBillable: false });
  }
}

/** A timer started again makes an old notice moot. */
export function watchAutoStop(): void {
  timerItem.watch((timer, old) => {
    if (isRunning(timer) && !isRunning(old)) void autoStopItem.getValue().then((s) => (s ? autoStopItem.setValue(null) : undefined));
  });
}
