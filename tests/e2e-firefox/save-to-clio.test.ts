/**
 * "Save to Clio" in Firefox: the `file-to-matter` click (through triggers/menu-click, the function the menu's
 * listener calls) makes the `save` content script mount the dialog's extension frame over a docket page and copy
 * the page; saving it uploads the copy through Clio's three steps to the sandbox's separate upload origin, and a
 * selection becomes a communication with its time entry.
 */
import type { Frame, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { pickMatter, sandbox, signedIn, useFirefox } from './fixtures';
import { click, dialogFrameOn, fill, has, send, tabAt, until, visibleText } from './page-helpers';
import { FIREFOX_SANDBOX } from './ports';

describe('Firefox: save to Clio', () => {
  const firefox = useFirefox();

  async function saveOn(options: Page, name: string, selector?: string): Promise<{ page: Page; frame: Frame }> {
    const page = await firefox().openUrl(`${FIREFOX_SANDBOX}/pages/${name}`);
    const selectionText = selector
      ? await page.evaluate((sel) => {
          const range = document.createRange();
          range.selectNodeContents(document.querySelector(sel)!);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          return getSelection()!.toString();
        }, selector)
      : '';
    const tab = await tabAt(options, page.url());
    await page.bringToFront();
    await send(options, 'triggers/menu-click', {
      info: { menuItemId: 'file-to-matter', selectionText, pageUrl: page.url(), editable: false } as Browser.contextMenus.OnClickData,
      tab,
    });
    const frame = await until(() => dialogFrameOn(page, 'save-window'), { timeout: 20_000, message: 'the save dialog’s frame in the page' });
    await until(() => has(frame, 'dialog', 'Save to Clio'), { message: 'the save dialog in its frame' });
    return { page, frame };
  }

  it('saves a copy of a docket page as a document, uploaded to the separate upload origin, without its scripts', async () => {
    const options = await signedIn(firefox());
    const [matter] = await sandbox.matters();
    const { frame } = await saveOn(options, 'docket');
    await pickMatter(frame, matter!.display_number);
    await until(async () => /A copy of the page \(\d+ kB\) is ready/.test(await visibleText(frame)), { timeout: 20_000, message: 'the copy' });
    await fill(frame, 'textbox', 'Document name', 'Docket 142');
    await click(frame, 'button', 'Save to Clio');
    await until(async () => (await visibleText(frame)).includes('Document saved to Clio.'), { timeout: 30_000, message: 'the document saved' });
    const { documents } = await sandbox.state();
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ name: 'Docket 142', matter: { id: matter!.id } });
    const html = (await sandbox.documentBytes(documents[0]!.id)).bytes.toString('utf8');
    expect(html).toContain('Okafor v. Harlan Logistics');
    expect(html).not.toMatch(/<script|onclick/i);
  });

  it('logs a selection as a communication with 0.3 h linked to it', async () => {
    const options = await signedIn(firefox());
    const [matter] = await sandbox.matters();
    const { frame } = await saveOn(options, 'webmail', '.message-body');
    await pickMatter(frame, matter!.display_number);
    await click(frame, 'checkbox', 'Save a copy of the page');
    await click(frame, 'checkbox', 'Log as communication');
    await fill(frame, 'textbox', 'Subject', 'Warehouse lock-out');
    await fill(frame, 'textbox', 'Duration', '0.3');
    await click(frame, 'button', 'Save to Clio');
    await until(async () => (await visibleText(frame)).includes('Communication saved to Clio.'), { timeout: 30_000, message: 'the communication saved' });
    const { communications } = await sandbox.state();
    expect(communications).toHaveLength(1);
    expect(communications[0]).toMatchObject({ subject: 'Warehouse lock-out', matter: { id: matter!.id } });
    expect(communications[0]!.time_entries).toEqual([{ id: expect.any(Number), quantity: 1080 }]);
  });
});
