/**
 * Totals and the badge in Firefox: with "Tenths of an hour" chosen on the options page, a running timer's badge reads
 * "0.1h"; Today's and this week's totals include the timer and tick.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { openPopup, pickMatter, sandbox, signedIn, storedItems, useFirefox } from './fixtures';
import { byRole, click, until, visibleText } from './page-helpers';

const badge = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { browser: { action: { getBadgeText(d: object): Promise<string> } } }).browser.action.getBadgeText({}));

/** Seconds of the total after `label` ("Today: 1 h 4 min 3 s"), or null while it is not shown. */
async function total(page: Page, label: string): Promise<number | null> {
  const line = (await visibleText(page)).split('\n').find((l) => l.startsWith(label));
  if (!line) return null;
  const part = (unit: string) => Number(new RegExp(`(\\d+) ${unit}\\b`).exec(line)?.[1] ?? 0);
  return part('h') * 3600 + part('min') * 60 + part('s');
}

describe('Firefox: totals and the badge', () => {
  const firefox = useFirefox();

  it('the badge shows tenths of an hour when chosen; Today’s and the week’s totals include the running timer', async () => {
    const [matter] = await sandbox.matters('', 'Open');
    const options = await signedIn(firefox());
    const format = await byRole(options, 'combobox', 'A running timer shows as');
    await format.select('hours');
    await until(async () => (await storedItems<{ settings?: { badgeFormat?: string } }>(options, ['settings'])).settings?.badgeFormat === 'hours', {
      message: 'the badge’s format stored',
    });
    await options.close();

    const popup = await openPopup(firefox());
    await pickMatter(popup, matter!.display_number);
    await click(popup, 'button', 'Start timer');
    await byRole(popup, 'timer');
    await until(async () => ((await badge(popup)) === '0.1h' ? true : Promise.reject(new Error(await badge(popup)))), {
      message: 'the badge in tenths of an hour',
    });

    await click(popup, 'tab', 'Today');
    const week = await until(() => total(popup, 'This week:'), { message: 'the week’s total' });
    const today = (await total(popup, 'Today:'))!;
    expect(week).toBeGreaterThanOrEqual(today);
    // The totals tick with the timer.
    await until(async () => ((await total(popup, 'Today:')) ?? 0) > today, { message: 'today’s total to grow with the timer' });
  });
});
