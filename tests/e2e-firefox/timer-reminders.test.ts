/**
 * Reminders and automatic stops in Firefox, each alarm fired after Firefox stopped the event page (through
 * triggers/alarm, the function the alarm's listener calls: Firefox has no `onAlarm.dispatch`) and decided from the
 * stored times: "Stop at a set time" stops the timer at that time and the popup says so; "Remind me to track" shows
 * its reminder (the permission granted as an accepted prompt would), and its click (triggers/notification, the
 * function Firefox's `notifications.onClicked` listener calls) starts the timer. Nothing waits in real time.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ITEMS, writeItemsInPage } from '../../scripts/stored-items';
import { DEFAULT_REMINDERS } from '../../lib/timer/reminder-rules';
import { openPopup, pickMatter, sandbox, signedIn, storedItems, useFirefox } from './fixtures';
import { byRole, click, has, send, until, waitForText } from './page-helpers';

const HOUR = 3_600_000;
const storeItems = (page: Page, values: Record<string, unknown>) => page.evaluate(writeItemsInPage, { values, ...ITEMS });

describe('Firefox: reminders and automatic stops', () => {
  const firefox = useFirefox();

  it('stop at a set time: fired after the event page stopped, the timer stops at that time and the popup says so', async () => {
    const [matter] = await sandbox.matters('', 'Open');
    const options = await signedIn(firefox());
    let popup = await openPopup(firefox());
    await pickMatter(popup, matter!.display_number);
    await click(popup, 'button', 'Start timer');
    await byRole(popup, 'timer');
    const { timer } = await storedItems<{ timer: { runningSince: number } }>(popup, ['timer']);
    const startedAt = Date.now() - 2 * HOUR;
    await storeItems(popup, { timer: { ...timer, runningSince: startedAt } });
    const stopAt = Date.now() - HOUR;
    const stopAtTime = await popup.evaluate((at) => {
      const d = new Date(at);
      return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    }, stopAt);
    await send(options, 'reminders/set', { ...DEFAULT_REMINDERS, stopAt: true, stopAtTime });
    expect((await sandbox.state()).timers).toHaveLength(1); // chosen now, it applies from its next occurrence
    await popup.close();

    await firefox().terminateBackground();
    await send(options, 'triggers/alarm', { name: 'timer-stop-at' });
    await until(async () => (await sandbox.state()).timers.length === 0, { message: 'the timer to stop' });
    const entry = (await sandbox.state()).createdActivities.find((a) => a.matter?.id === matter!.id)!;
    const ran = (Math.floor(stopAt / 60_000) * 60_000 - startedAt) / 1000; // to the set minute: an hour, not two
    expect(entry.quantity).toBeGreaterThanOrEqual(Math.floor(ran) - 2);
    expect(entry.quantity).toBeLessThanOrEqual(Math.ceil(ran) + 5);

    popup = await openPopup(firefox());
    await waitForText(popup, 'the time set in Options');
    expect(await has(popup, 'timer')).toBe(false);
    await click(popup, 'button', 'OK');
    await until(async () => !(await has(popup, 'button', 'OK')), { message: 'the note to go' });
  });

  it('remind me to track: the alarm, fired after the event page stopped, shows the reminder; its click (triggers/notification) starts the timer', async () => {
    const [matter] = await sandbox.matters('', 'Open');
    const options = await signedIn(firefox());
    let popup = await openPopup(firefox());
    await pickMatter(popup, matter!.display_number);
    await click(popup, 'button', 'Start timer');
    await click(popup, 'button', 'Stop timer');
    await until(async () => (await sandbox.state()).timers.length === 0, { message: 'the timer to stop' });
    await popup.close();
    type Notifications = { getAll(): Promise<Record<string, { message: string }>> };
    const notifications = (page: Page) =>
      page.evaluate(() => (globalThis as unknown as { browser: { notifications?: Notifications } }).browser.notifications?.getAll() ?? Promise.resolve(null));
    expect(await notifications(options)).toBeNull(); // not granted at install

    await firefox().grantPermission('notifications');
    await send(options, 'reminders/set', { ...DEFAULT_REMINDERS, remind: true, remindMinutes: 1, workFrom: '00:00', workTo: '23:59' });
    const { 'timer-reminder-clock': clock } = await storedItems<{ 'timer-reminder-clock': object }>(options, ['timer-reminder-clock']);
    await storeItems(options, { 'timer-reminder-clock': { ...clock, lastRanAt: Date.now() - 5 * 60_000 } });
    await firefox().terminateBackground();
    const fired = Date.now();
    await send(options, 'triggers/alarm', { name: 'track-reminder' });
    // Headless Firefox has no alerts service: the notification is closed as soon as it is made (getAll is empty), so the
    // test reads what the background recorded of it: shown now, offering the last matter.
    const shown = await until(
      async () => {
        const { 'timer-reminder-clock': c } = await storedItems<{ 'timer-reminder-clock': { remindedAt: number; matter: { id: number } | null } }>(options, [
          'timer-reminder-clock',
        ]);
        return c.remindedAt >= fired ? c : null;
      },
      { message: 'the reminder' },
    );
    expect(shown.matter?.id).toBe(matter!.id);

    await send(options, 'triggers/notification', { id: 'track-reminder' });
    await until(async () => (await sandbox.state()).timers.length === 1, { message: 'the timer to start' });
    popup = await openPopup(firefox());
    await byRole(popup, 'timer');
    await waitForText(popup, matter!.display_number);
  });
});
