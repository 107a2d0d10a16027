/**
 * Right-click capture in Firefox: the `capture-lead` click (through triggers/menu-click, the function the
 * menu's listener calls) injects the capture dialog into the sandbox's contact page, prefilled from the
 * selection; sending it puts the lead in Grow's inbox. The shipping build keeps the dialog in a closed shadow
 * root, reached through WebDriver BiDi (closed-shadow.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { ClosedShadow } from './closed-shadow';
import { connectGrow, sandbox, signedIn, useFirefox } from './fixtures';
import { send, tabAt, until } from './page-helpers';
import { FIREFOX_SANDBOX } from './ports';

describe('Firefox: lead capture', () => {
  const firefox = useFirefox();

  it('captures the selection on a contact page and sends it to Grow’s inbox', async () => {
    const options = await signedIn(firefox(), { waitForSync: false });
    await connectGrow(firefox(), options);
    const page = await firefox().openUrl(`${FIREFOX_SANDBOX}/pages/contact`);
    const selectionText = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('#message')!);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    });
    const tab = await tabAt(options, page.url());
    await page.bringToFront();
    await send(options, 'triggers/menu-click', {
      info: { menuItemId: 'capture-lead', selectionText, pageUrl: page.url(), editable: false } as Browser.contextMenus.OnClickData,
      tab,
    });

    const dialog = new ClosedShadow(page, 'clio-capture-lead');
    await until(() => dialog.has('dialog', 'Capture lead'), { timeout: 20_000, message: 'the capture dialog in the page' });
    await until(async () => (await dialog.value('First name')) === 'Adaeze', { message: 'the first name read from the page' });
    expect(await dialog.value('Last name')).toBe('Okafor');
    expect(await dialog.value('Email')).toBe('adaeze@okafordental.example');
    expect(await dialog.value('Phone')).toBe('+16175550142');
    expect(await dialog.value('Message')).toMatch(/injured in a car accident on Route 9/);
    // The page's own scripts cannot see into the dialog.
    expect(await page.evaluate(() => document.querySelector('clio-capture-lead')?.shadowRoot ?? null)).toBeNull();

    await sandbox.clearLog();
    await dialog.click('button', 'Send to Clio Grow');
    await until(async () => (await dialog.text('status')).includes('Sent to Clio Grow'), { message: 'the dialog to say it was sent' });
    expect(await dialog.has('link', 'Open Grow inbox')).toBe(true);
    const { leads } = await sandbox.state();
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ first_name: 'Adaeze', last_name: 'Okafor', email: 'adaeze@okafordental.example', referring_url: page.url() });
    expect((await sandbox.log()).filter((r) => r.method === 'POST' && r.path === '/grow/inbox_leads')).toHaveLength(1);
  });
});
