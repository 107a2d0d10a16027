/**
 * What a content script (the extension's code in a page, which a hostile page can steer) can and cannot do to
 * what the background acts on: the outbox, the timer, the drafts and everything else the extension keeps live in
 * its IndexedDB, and the surfaces' copy of the outbox in storage.session, none of which a content script can read
 * or write. storage.local, which it can, holds nothing and is never read.
 */
import type { CDPSession, Page, Worker } from '@playwright/test';
import { expect, killServiceWorker, openPopup, pickMatter, serviceWorkerOf, signedIn, storedItems, test } from './fixtures';
import { E2E_SANDBOX } from './ports';
import { sandbox } from './sandbox-admin';

declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
};

/** Runs `expression` in the extension's isolated world in `page` (where its content script runs). */
async function inContentScript(cdp: CDPSession, contextId: number, expression: string): Promise<unknown> {
  const r = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
  if (r.exceptionDetails) throw new Error(`in the content script: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value;
}

async function injectCaptureScript(worker: Worker, page: Page): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as never));
  await cdp.send('Runtime.enable');
  const url = page.url();
  await worker.evaluate(
    async ({ url }) => {
      const [tab] = await chrome.tabs.query({ url });
      chrome.contextMenus.onClicked.dispatch(
        { menuItemId: 'capture-lead', selectionText: '', pageUrl: url, editable: false },
        { ...tab, url, title: 'Contact' },
      );
    },
    { url },
  );
  // The extension's isolated world is named after the extension (Playwright's own worlds are named otherwise).
  const ours = () => contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Clio Companion');
  await expect.poll(() => ours()?.id).toBeDefined();
  return { cdp, contextId: ours()!.id };
}

test('a content script can neither read the pending entries nor slip a forged one into what is sent', async ({ extensionPage, context, worker }) => {
  test.setTimeout(120_000);
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  // A pending entry: Clio cannot be reached when it is saved.
  const popup = await openPopup(extensionPage);
  await popup.getByRole('tab', { name: 'Log time' }).click();
  await pickMatter(popup, matter!.display_number);
  await popup.getByRole('textbox', { name: 'Duration' }).fill('30m');
  await popup.getByRole('textbox', { name: 'Description' }).fill('conflict: Acme v. Smith');
  await sandbox.faults({ fail5xx: 100, scope: 'manage' });
  await popup.getByRole('button', { name: 'Save time entry' }).click();
  await expect(popup.getByRole('status')).toContainText('can’t be reached');

  const page = await context.newPage();
  await page.goto(`${E2E_SANDBOX}/pages/contact`);
  const { cdp, contextId } = await injectCaptureScript(worker, page);
  // It cannot read what waits to be sent: not in storage.local, and storage.session is closed to it.
  expect(await inContentScript(cdp, contextId, `chrome.storage.local.get(null).then((all) => JSON.stringify(all))`)).not.toContain('Acme');
  expect(await inContentScript(cdp, contextId, `chrome.storage.session.get(null).then(() => 'read', () => 'refused')`)).toBe('refused');
  // A forged entry in the outbox's old place (0.1.0 kept it in storage.local), made to look like the user's own.
  const { account } = await storedItems<{ account: { owner: string } }>(popup, ['account']);
  const owner = account.owner;
  const forged = {
    id: 'forged',
    kind: 'time-entry',
    payload: {
      matter: { id: matter!.id, displayNumber: matter!.display_number, description: '' },
      date: '2026-12-01',
      seconds: 36000,
      note: 'FORGED',
      activityDescriptionId: null,
      nonBillable: false,
    },
    state: 'pending',
    attempts: 0,
    createdAt: Date.now(),
    nextAttemptAt: 0,
    owner,
  };
  await inContentScript(cdp, contextId, `chrome.storage.local.set({ outbox: [${JSON.stringify(forged)}] }).then(() => 'set')`);

  // Read while Clio is still away (the outbox's own retry could send it first); then Clio is back and the pending
  // entry goes; the forged one never does.
  const waiting = (await popup.evaluate(`chrome.storage.session.get('outbox-view').then(function (r) { return r['outbox-view']; })`)) as Array<{
    id: string;
    state: string;
  }>;
  expect(waiting.map((e) => e.id)).not.toContain('forged');
  const pending = waiting.find((e) => e.state !== 'sent')!;
  await sandbox.clearFaults();
  await popup.evaluate(`chrome.runtime.sendMessage({ channel: 'clio-companion', type: 'outbox/retry', data: { id: '${pending.id}' } })`);
  await expect
    .poll(async () => (await sandbox.state()).createdActivities.filter((a) => a.matter?.id === matter!.id).map((a) => a.note))
    .toEqual(['conflict: Acme v. Smith']);
  await expect.poll(async () => (await sandbox.state()).createdActivities.some((a) => a.note === 'FORGED')).toBe(false);
});

test('a content script finds nothing in storage.local (no timer, no drafts, no account), and a timer it forges there is never stopped nor sent', async ({
  extensionPage,
  context,
  worker,
}) => {
  test.setTimeout(120_000);
  const [matter, other] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  // A running timer and a half-typed entry, both privileged.
  let popup = await openPopup(extensionPage);
  await pickMatter(popup, matter!.display_number);
  await popup.getByRole('textbox', { name: 'Description' }).fill('Privileged: merger talks');
  await popup.getByRole('button', { name: 'Start timer' }).click();
  await expect(popup.getByRole('timer')).toBeVisible();
  await popup.getByRole('tab', { name: 'Log time' }).click();
  await popup.getByRole('textbox', { name: 'Description' }).fill('Draft: settlement figure');
  await expect
    .poll(async () => (await storedItems<{ 'popup-draft'?: { entry: { note: string } } }>(popup, ['popup-draft']))['popup-draft']?.entry.note)
    .toBe('Draft: settlement figure');

  const page = await context.newPage();
  await page.goto(`${E2E_SANDBOX}/pages/contact`);
  const { cdp, contextId } = await injectCaptureScript(worker, page);
  // storage.local, the one store it can reach, holds nothing: not the timer, not the drafts, not the account.
  expect(await inContentScript(cdp, contextId, `chrome.storage.local.get(null).then((all) => JSON.stringify(all))`)).toBe('{}');

  // The user stops their timer; then the content script forges a running timer of ten hours where 0.1.0 kept the
  // timer, and sets the stored shapes back to 0.1.0's so that a new worker would move storage.local in again.
  await popup.getByRole('tab', { name: 'Timer' }).click();
  await popup.getByRole('button', { name: 'Stop timer' }).click();
  await expect(popup.getByRole('button', { name: 'Start timer' })).toBeVisible();
  await expect.poll(async () => (await sandbox.state()).timers.length).toBe(0);
  const forged = {
    activityId: null,
    matter: { id: other!.id, displayNumber: other!.display_number, description: '' },
    note: 'FORGED',
    activityDescriptionId: null,
    recordedMs: 36_000_000,
    runningSince: Date.now(),
    syncedAt: Date.now(),
    adjustMs: 0,
  };
  await inContentScript(cdp, contextId, `chrome.storage.local.set({ timer: ${JSON.stringify(forged)}, 'storage-version': 1 }).then(() => 'set')`);

  // A new worker (it runs the migration chain again) and a new popup see no timer; the keyboard command, which stops
  // a stored timer, starts the user's last matter's instead.
  await popup.close();
  await killServiceWorker(page);
  popup = await openPopup(extensionPage);
  await expect(popup.getByRole('button', { name: 'Start timer' })).toBeVisible();
  await expect(popup.getByText(other!.display_number)).toHaveCount(0);
  await (await serviceWorkerOf(context)).evaluate(() =>
    (globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(c: string): void } } } }).chrome.commands.onCommand.dispatch('toggle-timer'),
  );
  await expect(popup.getByRole('timer')).toBeVisible();
  await expect(popup.getByText(matter!.display_number)).toBeVisible();
  await expect.poll(async () => (await sandbox.state()).timers.length).toBe(1);
  const state = await sandbox.state();
  expect(state.createdActivities.map((a) => a.matter?.id)).toEqual([matter!.id, matter!.id]);
  expect(state.createdActivities.some((a) => a.note === 'FORGED')).toBe(false);
});
