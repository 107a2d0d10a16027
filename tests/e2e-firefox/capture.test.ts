/**
 * Right-click capture in Firefox: the `capture-lead` click (through triggers/menu-click, the function the
 * menu's listener calls) makes the content script mount the capture dialog's extension frame over the sandbox's
 * contact page, prefilled from the selection; sending it puts the lead in Grow's inbox. The build is the one
 * that ships: the test reaches the dialog through its frame, as the page never can.
 */
import type { Frame, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { connectGrow, sandbox, signedIn, useFirefox } from './fixtures';
import { click, dialogFrameOn, fieldValue, fill, has, send, tabAt, textOf, until } from './page-helpers';
import { FIREFOX_SANDBOX } from './ports';

/** The capture dialog's frame on `page`, if there is one. */
const captureFrame = (page: Page): Promise<Frame | undefined> => dialogFrameOn(page, 'capture-window');

/** Selects the page's `#message`, as a person dragging over it would. */
function selectMessage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#message')!);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  });
}

describe('Firefox: lead capture', () => {
  const firefox = useFirefox();

  /** Opens the sandbox page `name`, selects its message, right-clicks "Capture as Clio Grow lead", and waits for the dialog's frame. */
  async function captureOn(options: Page, name: string): Promise<{ page: Page; frame: Frame }> {
    const page = await firefox().openUrl(`${FIREFOX_SANDBOX}/pages/${name}`);
    const selectionText = await selectMessage(page);
    const tab = await tabAt(options, page.url());
    await page.bringToFront();
    await send(options, 'triggers/menu-click', {
      info: { menuItemId: 'capture-lead', selectionText, pageUrl: page.url(), editable: false } as Browser.contextMenus.OnClickData,
      tab,
    });
    const frame = await until(() => captureFrame(page), { timeout: 20_000, message: 'the capture dialog’s frame in the page' });
    return { page, frame };
  }

  it('captures the selection on a contact page in the dialog’s frame and sends it to Grow’s inbox', async () => {
    const options = await signedIn(firefox(), { waitForSync: false });
    await connectGrow(firefox(), options);
    const { page, frame } = await captureOn(options, 'contact');
    expect(await frame.evaluate(() => location.protocol)).toBe('moz-extension:');
    await until(() => has(frame, 'dialog', 'Capture lead'), { message: 'the capture dialog in its frame' });
    await until(async () => (await fieldValue(frame, 'textbox', 'First name')) === 'Adaeze', { message: 'the first name read from the page' });
    expect(await fieldValue(frame, 'textbox', 'Last name')).toBe('Okafor');
    expect(await fieldValue(frame, 'textbox', 'Email')).toBe('adaeze@okafordental.example');
    expect(await fieldValue(frame, 'textbox', 'Phone')).toBe('(617) 555-0142');
    expect(await fieldValue(frame, 'textbox', 'Message')).toMatch(/injured in a car accident on Route 9/);
    // The page's own scripts see an empty box: a closed root, and a frame of another origin.
    expect(await page.evaluate(() => document.querySelector('clio-capture-lead')?.shadowRoot ?? null)).toBeNull();
    expect(await page.evaluate(() => document.querySelectorAll('input, textarea').length)).toBe(0);

    await sandbox.clearLog();
    await click(frame, 'button', 'Send to Clio Grow');
    await until(async () => (await textOf(frame, 'status')).includes('Sent to Clio Grow'), { message: 'the dialog to say it was sent' });
    expect(await has(frame, 'link', 'Open Grow inbox')).toBe(true);
    const { leads } = await sandbox.state();
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ first_name: 'Adaeze', last_name: 'Okafor', email: 'adaeze@okafordental.example', referring_url: page.url() });
    expect((await sandbox.log()).filter((r) => r.method === 'POST' && r.path === '/grow/inbox_leads')).toHaveLength(1);

    // Done closes the frame.
    await click(frame, 'button', 'Done');
    await until(async () => !(await captureFrame(page)), { message: 'the frame to go' });
    expect(await page.evaluate(() => document.querySelector('clio-capture-lead'))).toBeNull();
  });

  it('on a hostile page, nothing typed into the dialog reaches the page (it listens to every key, input and mutation)', async () => {
    const options = await signedIn(firefox(), { waitForSync: false });
    const { page, frame } = await captureOn(options, 'keylogger');
    await until(async () => (await fieldValue(frame, 'textbox', 'Email')) === 'dana.whitfield@example.org', { message: 'the email read from the page' });
    await fill(frame, 'textbox', 'Message', 'conflict: Acme v. Smith');
    await fill(frame, 'textbox', 'Last name', 'Whitfield-Acme');
    await new Promise((r) => setTimeout(r, 1_000));
    const seen = (await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).join('\n');
    expect(seen).not.toContain('Acme');
    expect(seen).not.toMatch(/^(?:key(?:down|up|press)|input|beforeinput):trusted/m);
    expect(seen).toMatch(/^keydown:synthetic:Enter/m); // it was listening, and trying
    expect(await fieldValue(frame, 'textbox', 'Message')).toBe('conflict: Acme v. Smith');
  });
});
