/** Time entries in Firefox: one saved from the popup, and one saved while Clio's connections drop, sent exactly once. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { openPopup, pickMatter, sandbox, signedIn, useFirefox } from './fixtures';
import { byRole, click, fieldValue, fill, until, visibleText, waitForText } from './page-helpers';

/** The Activity list's options as shown. */
const activityTexts = async (popup: Page) =>
  (await byRole(popup, 'combobox', 'Activity')).evaluate((s) => [...(s as HTMLSelectElement).options].map((o) => o.text));

async function logTimeForm(popup: Page, matterNumber: string) {
  await click(popup, 'tab', 'Log time');
  await pickMatter(popup, matterNumber);
  // The pick asks the Activity list's rates (1 request): answered before a test arranges faults or reads the log.
  await until(async () => (await activityTexts(popup))[1]?.endsWith('/h') ?? false, { message: 'the rates of the picked matter' });
}

describe('Firefox: time entry', () => {
  const firefox = useFirefox();

  it('1h30m is saved as 5,400 seconds with one request, and says so', async () => {
    const [matter] = await sandbox.matters('', 'Open');
    await signedIn(firefox());
    const popup = await openPopup(firefox());
    await logTimeForm(popup, matter!.display_number);
    await fill(popup, 'textbox', 'Duration', '1h30m');
    await waitForText(popup, '= 1 h 30 min');
    // The rate Clio would apply on this matter, beside each activity.
    const texts = await activityTexts(popup);
    expect(texts[1]).toMatch(/^Legal research — \$[\d,]+\.\d\d\/h$/);
    expect(texts.filter((t) => /^Filing — flat \$[\d,]+\.\d\d$/.test(t))).toHaveLength(1);
    const activity = await byRole(popup, 'combobox', 'Activity');
    const second = await activity.evaluate((s) => (s as HTMLSelectElement).options[1]?.value ?? '');
    expect(second).not.toBe('');
    await activity.select(second);
    await fill(popup, 'textbox', 'Description', 'Call with opposing counsel');
    await click(popup, 'checkbox', 'Non-billable');
    await sandbox.clearLog();
    await click(popup, 'button', 'Save time entry');

    await waitForText(popup, 'Saved 1 h 30 min');
    const [entry] = (await sandbox.state()).createdActivities;
    expect(entry).toMatchObject({ quantity: 5400, note: 'Call with opposing counsel', non_billable: true, matter: { id: matter!.id } });
    expect((await sandbox.log()).filter((r) => r.path.startsWith('/api/v4'))).toHaveLength(1);
    await until(async () => (await fieldValue(popup, 'textbox', 'Duration')) === '', { message: 'the form to clear' });
  });

  it('with connections dropping, an entry goes pending and arrives exactly once', async () => {
    const [matter] = await sandbox.matters('', 'Open');
    await signedIn(firefox());
    const popup = await openPopup(firefox());
    await logTimeForm(popup, matter!.display_number);
    await fill(popup, 'textbox', 'Duration', '45m');
    await fill(popup, 'textbox', 'Description', 'Drafted motion');
    // The first request dies before Clio sees it, the second (the look-up) too, then one arrives but its answer is lost.
    await sandbox.faults({ dropBefore: 2, dropAfter: 1, scope: 'manage' });
    await click(popup, 'button', 'Save time entry');
    await waitForText(popup, 'can’t be reached');
    await click(popup, 'tab', 'Today');

    // Once the outbox holds nothing but sent entries, nothing more will go: count what arrived.
    await until(
      async () => {
        // The outbox lives in IndexedDB; the surfaces see the background's copy in storage.session.
        const outbox = (await popup.evaluate(() =>
          (globalThis as unknown as { browser: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).browser.storage.session
            .get('outbox-view')
            .then((r) => r['outbox-view']),
        )) as Array<{ state: string }> | undefined;
        return !!outbox?.length && outbox.every((e) => e.state === 'sent');
      },
      { timeout: 60_000, message: 'the outbox to deliver the entry' },
    );
    const created = (await sandbox.state()).createdActivities;
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ quantity: 2700, note: 'Drafted motion', matter: { id: matter!.id } });
    const posts = (await sandbox.log()).filter((r) => r.method === 'POST' && r.path.startsWith('/api/v4/activities'));
    expect(posts.length).toBeGreaterThanOrEqual(2); // the dropped attempts and the one that arrived
    await waitForText(popup, 'Drafted motion', 30_000);
    await until(async () => !(await visibleText(popup)).includes('Pending'), { timeout: 30_000, message: 'no entry pending' });
  });
});
