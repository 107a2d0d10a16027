/**
 * "Away too long": when the person goes away with a timer running (idle.ts opens the idle span), an alarm at the
 * span's start + X stops the timer at the moment they went away (reminder-rules.ts `awayStopDue`). Coming back
 * decides too (the alarm may not have fired while the computer slept), and tells the stop when they came back, so
 * the popup can ask what to do with the time away. The time away is never kept without asking.
 */
import { autoStopItem, remindersItem } from '@/lib/timer/reminder-items';
import { awayStopDue } from '@/lib/timer/reminder-rules';
import { idleItem, timerItem, type IdleSpan } from '@/lib/timer/timer-items';
import { onAlarm } from './alarms';
import { setAlarmAt, stopTimerAt } from './auto-stop';
import type { Services } from './services';

export const AWAY_ALARM = 'timer-away';

const open = (span: IdleSpan | null): span is IdleSpan => !!span && span.to === null;

/** Stops the timer if the span (still open, or just closed) has lasted too long. */
export async function checkAway(services: Services, span: IdleSpan | null, now = Date.now()): Promise<void> {
  const [settings, timer] = await Promise.all([remindersItem.getValue(), timerItem.getValue()]);
  const at = awayStopDue(settings, span, timer, now);
  if (at === null || !span) return;
  await stopTimerAt(services, at, 'away', span.to);
  // Back already: the popup asks about the stopped timer, not about idle time on a running one.
  if (span.to !== null) await idleItem.setValue(null);
}

async function idleChanged(services: Services, span: IdleSpan | null, old: IdleSpan | null): Promise<void> {
  if (open(span) && !open(old)) {
    const settings = await remindersItem.getValue();
    await setAlarmAt(AWAY_ALARM, settings.awayStop ? span.from + Math.max(1, settings.awayMinutes) * 60_000 : null);
  } else if (open(old) && !open(span)) {
    await setAlarmAt(AWAY_ALARM, null);
    if (span) await checkAway(services, span);
    const stop = await autoStopItem.getValue();
    if (stop?.why === 'away' && stop.back === null) await autoStopItem.setValue({ ...stop, back: Date.now() });
  }
}

export function watchAway(services: Services): void {
  idleItem.watch((span, old) => void idleChanged(services, span, old));
  onAlarm(AWAY_ALARM, () => void idleItem.getValue().then((span) => (open(span) ? checkAway(services, span) : undefined)));
}
