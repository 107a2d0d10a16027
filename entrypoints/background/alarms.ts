/**
 * The one dispatcher of alarms: each feature names its alarm and what to do when it fires; one
 * listener, registered synchronously in main() (an alarm may be what woke the worker).
 */
import { browser } from 'wxt/browser';

const handlers = new Map<string, () => void>();

/** What to do when the alarm `name` fires. */
export function onAlarm(name: string, handler: () => void): void {
  handlers.set(name, handler);
}

/** What the alarm `name` does when it fires (`triggers/alarm`: the same call the listener makes). */
export const fireAlarm = (name: string): unknown => handlers.get(name)?.();

/** Alarms wait for `ready` (stored shapes migrated). */
export function dispatchAlarms(ready: Promise<unknown>): void {
  browser.alarms.onAlarm.addListener((alarm) => void ready.then(() => handlers.get(alarm.name)?.()));
}
