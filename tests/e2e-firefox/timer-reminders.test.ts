/**
 * "Stop at a set time" in Firefox: the alarm, fired after Firefox stopped the event page (through triggers/alarm, the
 * function the alarm's listener calls: Firefox has no `onAlarm.dispatch`), stops the timer at the set time, decided
 * from the stored times; the popup says so. Nothing waits in real time: the stored start is set back.
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
    await until(async () => !(await popup.evaluate(() => document.body.innerText.includes('the time set in Options'))), { message: 'the note to go' });
  });
});
