/** "Stop at a set time": an alarm at the day's stop time, which stops a timer that ran past it (reminder-rules.ts). */
import { remindersItem } from '@/lib/timer/reminder-items';
import { nextStopAt, stopAtDue } from '@/lib/timer/reminder-rules';
import { timerItem } from '@/lib/timer/timer-items';
import { onAlarm } from './alarms';
import { setAlarmAt, stopTimerAt } from './auto-stop';
import type { Services } from './services';

export const STOP_AT_ALARM = 'timer-stop-at';

/**
 * Decides from the stored timer and the clock (however late the alarm fired), then sets the next day's alarm.
 * `onlySchedule`: a stop time just chosen applies from its next occurrence, not to one already past.
 */
export async function checkStopAt(services: Services, now = Date.now(), { onlySchedule = false } = {}): Promise<void> {
  const [settings, timer] = await Promise.all([remindersItem.getValue(), timerItem.getValue()]);
  const at = onlySchedule ? null : stopAtDue(settings, timer?.runningSince ?? null, now);
  if (at !== null) await stopTimerAt(services, at, 'stop-at');
  await setAlarmAt(STOP_AT_ALARM, nextStopAt(settings, now));
}

/** The alarm's handler, and a check when a session starts (a browser closed over the stop time). */
export function watchStopAt(services: Services, sessionStart: Promise<boolean>): void {
  onAlarm(STOP_AT_ALARM, () => void checkStopAt(services));
  void sessionStart.then((start) => (start ? checkStopAt(services) : undefined));
}
