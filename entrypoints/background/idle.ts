/**
 * Time away from the computer while a timer runs: noted when the browser reports idle or locked,
 * closed when the user is back, and asked about in the popup (keep or discard).
 */
import { browser } from 'wxt/browser';
import { settingsItem } from '@/lib/settings/settings-item';
import { idleItem, timerItem } from '@/lib/timer/timer-items';
import { isRunning } from '@/lib/timer/model';

/**
 * Listens at once; reads stored state once `ready` (stored shapes migrated). The detection interval belongs to the
 * extension, not to its worker: set when a session starts (`ready` resolves true) and when the setting changes.
 */
export function watchIdle(ready: Promise<boolean>): void {
  const detectAfter = (s: { idleMinutes: number }) => browser.idle.setDetectionInterval(Math.max(1, s.idleMinutes) * 60);
  void ready.then((start) => (start ? settingsItem.getValue().then(detectAfter) : undefined));
  settingsItem.watch(detectAfter);
  browser.idle.onStateChanged.addListener((state) => void ready.then(() => onIdleState(state)));
}

async function onIdleState(state: string): Promise<void> {
  const now = Date.now();
  const [timer, span] = await Promise.all([timerItem.getValue(), idleItem.getValue()]);
  if (state === 'idle' || state === 'locked') {
    if (!isRunning(timer) || (span && span.to === null)) return;
    // "idle" fires after the detection interval without input: the user left that long ago.
    const threshold = state === 'idle' ? (await settingsItem.getValue()).idleMinutes * 60_000 : 0;
    await idleItem.setValue({ from: Math.max(timer.runningSince, now - threshold), to: null, activityId: timer.activityId });
  } else if (state === 'active' && span && span.to === null) {
    if (!timer || timer.activityId !== span.activityId) await idleItem.setValue(null);
    else await idleItem.setValue({ ...span, to: now });
  }
}
