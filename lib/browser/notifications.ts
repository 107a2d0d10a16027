/**
 * System notifications, behind a small interface: the `notifications` API exists only once its optional permission
 * is granted (and fakeBrowser has none). Chrome's notifications carry a button; Firefox's have no buttons, so there
 * a click on the notification itself is the action (its text says so).
 */
import { browser } from 'wxt/browser';

interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string; buttons?: { title: string }[] }): Promise<string>;
  clear(id: string): Promise<boolean>;
  onClicked: { addListener(cb: (id: string) => void): void };
  onButtonClicked?: { addListener(cb: (id: string, index: number) => void): void };
}

export const NOTIFICATIONS_PERMISSION = { permissions: ['notifications' as const] };

const api = (): NotificationsApi | undefined => (browser as unknown as { notifications?: NotificationsApi }).notifications;

/** Whether a notification's button can carry the action (Chrome), or only a click on it (Firefox). */
export const notificationsHaveButtons = (): boolean => !import.meta.env.FIREFOX;

/** Shows a notification with one action; false when the permission is not (or no longer) granted. */
export async function notify(id: string, n: { title: string; message: string; action: string }): Promise<boolean> {
  const notifications = api();
  if (!notifications) return false;
  await notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: n.title,
    message: n.message,
    ...(notificationsHaveButtons() ? { buttons: [{ title: n.action }] } : {}),
  });
  return true;
}

export const clearNotification = (id: string): Promise<unknown> => api()?.clear(id) ?? Promise.resolve(false);

let listening = false;

/**
 * Calls `act(id)` when a notification's action is chosen: its button in Chrome, the notification itself in Firefox
 * (Chrome's own click only closes it). Registered at the worker's start; again harmlessly once the permission comes.
 */
export function onNotificationAction(act: (id: string) => void): void {
  const notifications = api();
  if (!notifications || listening) return;
  listening = true;
  if (notificationsHaveButtons() && notifications.onButtonClicked) {
    notifications.onButtonClicked.addListener((id, index) => (index === 0 ? act(id) : undefined));
    notifications.onClicked.addListener((id) => void notifications.clear(id));
  } else {
    notifications.onClicked.addListener(act);
  }
}
