/** The reminders' settings, written here only: each alarm follows the new settings at once. */
import { watchStateOwner } from '@/lib/storage/user-state';
import { remindersItem } from '@/lib/timer/reminder-items';
import { DEFAULT_REMINDERS, minutesOfDay, type ReminderSettings } from '@/lib/timer/reminder-rules';
import { AWAY_ALARM } from './away-stop';
import { setAlarmAt } from './auto-stop';
import type { Services } from './services';
import { checkStopAt } from './stop-at';
import { checkReminder } from './track-reminder';

const time = (value: string, fallback: string) => (minutesOfDay(value) === null ? fallback : value);
const minutes = (n: number, fallback: number) => (Number.isFinite(n) && n >= 1 ? Math.min(Math.round(n), 24 * 60) : fallback);

export async function saveReminders(services: Services, s: ReminderSettings): Promise<void> {
  const d = DEFAULT_REMINDERS;
  await remindersItem.setValue({
    remind: !!s.remind,
    remindMinutes: minutes(s.remindMinutes, d.remindMinutes),
    workFrom: time(s.workFrom, d.workFrom),
    workTo: time(s.workTo, d.workTo),
    stopAt: !!s.stopAt,
    stopAtTime: time(s.stopAtTime, d.stopAtTime),
    awayStop: !!s.awayStop,
    awayMinutes: minutes(s.awayMinutes, d.awayMinutes),
  });
  await scheduleReminders(services);
}

/** The alarms as the settings now say: after they are saved, and when another user's settings come in with them. */
async function scheduleReminders(services: Services): Promise<void> {
  // A stop time chosen now applies from now on: the next one, not one already past.
  await checkStopAt(services, Date.now(), { onlySchedule: true });
  await checkReminder();
  if (!(await remindersItem.getValue()).awayStop) await setAlarmAt(AWAY_ALARM, null);
}

/** Another Clio user signing in brings their own settings (per user, 'keep'): the alarms follow them. */
export function watchReminderOwner(services: Services): void {
  watchStateOwner(() => void scheduleReminders(services).catch(() => undefined));
}
