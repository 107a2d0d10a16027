/**
 * "Add deadline" in Firefox: the `add-deadline` click on a selection (through triggers/menu-click, the function the
 * menu's listener calls) makes the `deadline` content script mount the dialog's extension frame over a docket page;
 * the hearing read from the selection becomes a calendar entry at 10:00 in the user's zone.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { pickMatter, sandbox, signedIn, useFirefox } from './fixtures';
import { click, dialogFrameOn, has, send, tabAt, until, visibleText } from './page-helpers';
import { FIREFOX_SANDBOX } from './ports';

describe('Firefox: add deadline', () => {
  const firefox = useFirefox();

  it('a hearing on a docket page becomes a calendar entry at 10:00 New York time', async () => {
    const options = await signedIn(firefox());
    const [matter] = await sandbox.matters();
    const page = await firefox().openUrl(`${FIREFOX_SANDBOX}/pages/docket`);
    const selectionText = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('#hearing')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    const tab = await tabAt(options, page.url());
    await page.bringToFront();
    await send(options, 'triggers/menu-click', {
      info: { menuItemId: 'add-deadline', selectionText, pageUrl: page.url(), editable: false } as Browser.contextMenus.OnClickData,
      tab,
    });
    const frame = await until(() => dialogFrameOn(page, 'deadline-window'), { timeout: 20_000, message: 'the deadline dialog’s frame in the page' });
    await until(() => has(frame, 'dialog', 'Add deadline'), { message: 'the deadline dialog in its frame' });
    await until(async () => (await visibleText(frame)).includes('Tuesday, January 5, 2027'), { message: 'the date in words' });
    await pickMatter(frame, matter!.display_number);
    expect((await sandbox.state()).calendarEntries).toEqual([]);
    await click(frame, 'button', 'Add to Clio');
    await until(async () => (await visibleText(frame)).includes('Calendar entry added to Clio'), { timeout: 30_000, message: 'the entry added' });
    const { calendarEntries } = await sandbox.state();
    expect(calendarEntries).toHaveLength(1);
    expect(calendarEntries[0]).toMatchObject({ matter: { id: matter!.id }, all_day: false });
    expect(Date.parse(calendarEntries[0]!.start_at)).toBe(Date.parse('2027-01-05T15:00:00Z'));
  });
});
