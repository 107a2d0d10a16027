/**
 * "Remind me to track": an alarm at the moment N minutes of work hours will have passed without a timer
 * (reminder-rules.ts `reminderStep`); it notifies if the browser is in use, offering "Start timer" on the page's
 * suggested matter or the last one. A timer's stop sets the next look; a start clears it.
 */
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { matterLabel } from '@/lib/matter-ref';
import { clearNotification, notificationsHaveButtons, notify, onNotificationAction } from '@/lib/browser/notifications';
import { settingsItem } from '@/lib/settings/settings-item';
import { pageSuggestionsItem } from '@/lib/suggestions/suggestion-items';
import { reminderClockItem, remindersItem } from '@/lib/timer/reminder-items';
import { reminderMatter, reminderStep } from '@/lib/timer/reminder-rules';
import { isRunning, type TimerState } from '@/lib/timer/model';
import { recentMattersItem, timerItem } from '@/lib/timer/timer-items';
import { onAlarm } from './alarms';
import { setAlarmAt } from './auto-stop';
import type { Services } from './services';

export const REMINDER_ALARM = 'track-reminder';
export const REMINDER_NOTIFICATION = 'track-reminder';

/** Decides from the stored times and the clock: notify now or not, and when to look again. */
export async function checkReminder(now = Date.now()): Promise<void> {
  const [settings, timer, clock] = await Promise.all([remindersItem.getValue(), timerItem.getValue(), reminderClockItem.getValue()]);
  const facts = { running: isRunning(timer), lastRanAt: clock.lastRanAt, remindedAt: clock.remindedAt, inUse: true };
  let step = reminderStep(settings, facts, now);
  if (step.notify) {
    // Due: only now is it worth asking whether the person is at the browser (within the idle setting's minutes).
    const away = (await settingsItem.getValue()).idleMinutes * 60;
    step = reminderStep(settings, { ...facts, inUse: (await browser.idle.queryState(Math.max(15, away))) === 'active' }, now);
  }
  if (step.notify) {
    const [readings, recent] = await Promise.all([pageSuggestionsItem.getValue(), recentMattersItem.getValue()]);
    const matter = reminderMatter(Object.values(readings), clock.lastRanAt, recent);
    const minutes = Math.max(1, Math.round(settings.remindMinutes));
    const label = matter ? matterLabel(matter) : null;
    const shown = await notify(REMINDER_NOTIFICATION, {
      title: t('reminderTitle'),
      message: [t('reminderNoTimer', String(minutes)), label ? (notificationsHaveButtons() ? t('reminderOffer', label) : t('reminderClickToStart', label)) : '']
        .filter(Boolean)
        .join(' '),
      action: t('startTimer'),
    });
    if (shown) await reminderClockItem.setValue({ ...clock, remindedAt: now, matter });
  }
  await setAlarmAt(REMINDER_ALARM, step.next);
}

/** The notification's "Start timer" (Firefox: a click on it): a timer on the matter it offered. */
export async function startFromReminder(services: Services, id: string): Promise<void> {
  if (id !== REMINDER_NOTIFICATION) return;
  await clearNotification(id);
  const { matter } = await reminderClockItem.getValue();
  if (matter && !isRunning(await timerItem.getValue())) await services.timer.start({ matter, note: '', activityDescriptionId: null });
}

async function timerChanged(timer: TimerState | null, old: TimerState | null): Promise<void> {
  if (isRunning(timer) === isRunning(old)) return;
  if (isRunning(timer)) {
    await setAlarmAt(REMINDER_ALARM, null);
    await clearNotification(REMINDER_NOTIFICATION);
    return;
  }
  await reminderClockItem.setValue({ ...(await reminderClockItem.getValue()), lastRanAt: Date.now() });
  await checkReminder();
}

/** Listens at once (the alarm or the notification may be what woke the worker); looks when a session starts. */
export function watchReminder(services: Services, sessionStart: Promise<boolean>): void {
  const ready = sessionStart.then(() => undefined);
  onAlarm(REMINDER_ALARM, () => void checkReminder());
  onNotificationAction((id) => void ready.then(() => startFromReminder(services, id)));
  // The permission is asked on the options page; the listener comes with it.
  browser.permissions.onAdded.addListener(() => onNotificationAction((id) => void ready.then(() => startFromReminder(services, id))));
  timerItem.watch((timer, old) => void timerChanged(timer, old));
  void sessionStart.then((start) => (start ? checkReminder() : undefined));
}

/** The settings changed (options page): every alarm follows at once. */
export const remindersChanged = checkReminder;
