/**
 * "Suggested for this page" in Firefox: with the sandbox's page (a host this build holds) in front, the background
 * reads it through the page-signals script (scripting.executeScript in Firefox), matches the client's email against
 * the local index, and the popup opened as a tab shows that reading for its window, the client's matter preselected.
 */
import { describe, expect, it } from 'vitest';
import { openPopup, sandbox, signedIn, useFirefox } from './fixtures';
import { fieldValue, send, until, waitForText } from './page-helpers';
import { FIREFOX_SANDBOX } from './ports';

describe('Firefox: suggested for this page', () => {
  const firefox = useFirefox();

  it('a page mentioning a client’s email: its matter is suggested, with why, and preselected in the popup', async () => {
    const options = await signedIn(firefox());
    const [matter] = (await sandbox.matters()).filter((m) => m.client?.primary_email_address);
    const client = matter!.client!;
    const page = await firefox().openUrl(`${FIREFOX_SANDBOX}/pages/webmail`);
    await page.evaluate(
      ({ name, email }) => {
        document.querySelector('.message-body')!.textContent = `From: ${name} <${email}>\nCould you call me back?`;
      },
      { name: client.name, email: client.primary_email_address! },
    );
    await page.bringToFront();
    const windowId = await options.evaluate(
      async () => (await (globalThis as unknown as { browser: { windows: { getCurrent(): Promise<{ id: number }> } } }).browser.windows.getCurrent()).id,
    );
    await sandbox.clearLog();
    const reading = await send(options, 'suggestions/for-page', { windowId });
    expect(reading.state).toBe('ok');
    const first = reading.suggestions[0]!;
    expect(first.matter.clientName).toBe(client.name);
    expect(first.reasons).toContain('client’s email on this page');
    expect(reading.suggestions.map((s) => s.matter.id)).toContain(matter!.id);
    expect((await sandbox.log()).filter((r) => r.path.startsWith('/api/v4'))).toHaveLength(0);

    const popup = await openPopup(firefox());
    await waitForText(popup, 'Suggested for this page: client’s email on this page');
    await until(async () => (await fieldValue(popup, 'combobox', 'Matter')) === `${first.matter.displayNumber} — ${first.matter.description}`, {
      message: 'the suggested matter preselected',
    });
  });
});
