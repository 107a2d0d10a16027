/** The toolbar badge shows the running timer (H:MM, or tenths of an hour as the options choose), derived from storage, repainted by an alarm. */
import { browser } from 'wxt/browser';
import { onAlarm } from './alarms';
import { formatBadge, formatBadgeHours } from '@/lib/duration-format';
import { decimalMarkOf } from '@/lib/expenses/amount';
import { t } from '@/lib/i18n';
import { uiLocale } from '@/lib/ui-locale';
import { settingsItem } from '@/lib/settings/settings-item';
import { timerItem } from '@/lib/timer/timer-items';
import { elapsedMs, isRunning } from '@/lib/timer/model';

export const BADGE_ALARM = 'timer-badge';
const RUNNING = '#17663a';
const PAUSED = '#5b6470';

export async function paintBadge(): Promise<void> {
  const [timer, settings] = await Promise.all([timerItem.getValue(), settingsItem.getValue()]);
  if (!timer) {
    await browser.action.setBadgeText({ text: '' });
    await browser.action.setTitle({ title: t('extensionName') });
    await browser.alarms.clear(BADGE_ALARM);
    return;
  }
  const elapsed = elapsedMs(timer, Date.now());
  const text = settings.badgeFormat === 'hours' ? formatBadgeHours(elapsed, decimalMarkOf(uiLocale())) : formatBadge(elapsed);
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color: isRunning(timer) ? RUNNING : PAUSED });
  await browser.action.setTitle({ title: badgeTitle(isRunning(timer), text, timer.matter ? timer.matter.displayNumber : undefined) });
  if (isRunning(timer) && !(await browser.alarms.get(BADGE_ALARM))) browser.alarms.create(BADGE_ALARM, { periodInMinutes: 0.5 });
  if (!isRunning(timer)) await browser.alarms.clear(BADGE_ALARM);
}

function badgeTitle(running: boolean, time: string, matter: string | undefined): string {
  if (matter !== undefined) return running ? t('badgeTimerRunningOn', time, matter) : t('badgeTimerPausedOn', time, matter);
  return running ? t('badgeTimerRunning', time) : t('badgeTimerPaused', time);
}

/**
 * Painted on every change, and once a session starts (`sessionStart` resolves true once stored shapes are migrated:
 * the timer may be on its way to where it lives now). The browser keeps the badge while the worker sleeps; a
 * browser start, an update or a re-enable clears it, and starts a session.
 */
export function watchBadge(sessionStart: Promise<boolean>): void {
  timerItem.watch(() => void paintBadge());
  settingsItem.watch((now, before) => void (now.badgeFormat !== before.badgeFormat ? paintBadge() : undefined));
  onAlarm(BADGE_ALARM, () => void paintBadge());
  void sessionStart.then((start) => (start ? paintBadge() : undefined));
}
