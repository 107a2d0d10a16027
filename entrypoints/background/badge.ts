/** The toolbar badge shows the running timer (H:MM), derived from storage, repainted by an alarm. */
import { browser } from 'wxt/browser';
import { onAlarm } from './alarms';
import { formatBadge } from '@/lib/duration-format';
import { timerItem } from '@/lib/timer/timer-items';
import { elapsedMs, isRunning } from '@/lib/timer/model';

export const BADGE_ALARM = 'timer-badge';
const RUNNING = '#17663a';
const PAUSED = '#5b6470';

export async function paintBadge(): Promise<void> {
  const t = await timerItem.getValue();
  if (!t) {
    await browser.action.setBadgeText({ text: '' });
    await browser.action.setTitle({ title: 'Clio Companion' });
    await browser.alarms.clear(BADGE_ALARM);
    return;
  }
  const text = formatBadge(elapsedMs(t, Date.now()));
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color: isRunning(t) ? RUNNING : PAUSED });
  await browser.action.setTitle({ title: `Clio timer ${isRunning(t) ? 'running' : 'paused'}: ${text}${t.matter ? ` on ${t.matter.displayNumber}` : ''}` });
  if (isRunning(t) && !(await browser.alarms.get(BADGE_ALARM))) browser.alarms.create(BADGE_ALARM, { periodInMinutes: 0.5 });
  if (!isRunning(t)) await browser.alarms.clear(BADGE_ALARM);
}

export function watchBadge(): void {
  timerItem.watch(() => void paintBadge());
  onAlarm(BADGE_ALARM, () => void paintBadge());
  void paintBadge();
}
