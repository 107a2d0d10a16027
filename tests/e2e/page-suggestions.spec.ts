/**
 * "Suggested for this page" on the shipped build: the person presses the toolbar button on a page that mentions
 * a client's email (a real activeTab grant over CDP; the real popup reads the page), and the popup (opened as a
 * tab, which shows the last page read in its window) preselects that client's matter, labelled, with its reason,
 * at 0 Clio requests. The matter used is remembered for the site, and can be forgotten.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { captureDialog, field, openPage, rightClickCapture, select } from './capture-helpers';
import { expect, pressToolbarButton, screenshot, signedIn, test } from './fixtures';
import { E2E_SANDBOX } from './ports';
import { sandbox } from './sandbox-admin';

declare const chrome: {
  storage: { session: { get(k: string): Promise<Record<string, Record<string, { state: string; pageUrl: string }>>> } };
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value: { state: string } }> };
  windows: { getCurrent(): Promise<{ id: number }> };
};

/** A page on the sandbox's second origin (no host permission) whose message is from `client`, as webmail writes it. */
async function clientMailPage(context: BrowserContext, client: { name: string; primary_email_address: string | null }): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${E2E_SANDBOX.replace('127.0.0.1', 'localhost')}/pages/webmail`);
  await page.evaluate(
    ({ name, email }) => {
      document.querySelector('.message-body')!.textContent = `From: ${name} <${email}>\nHello, about our case: could you call me back?`;
    },
    { name: client.name, email: client.primary_email_address! },
  );
  return page;
}

/** Brings `page` to the front, presses the toolbar button on it, and waits until the popup it opened has read the page. */
async function pressAndRead(worker: Worker, page: Page, context: BrowserContext, extensionId: string): Promise<void> {
  const read = () => worker.evaluate(async () => JSON.stringify(await chrome.storage.session.get('page-suggestions')));
  const before = await read();
  await page.bringToFront();
  await pressToolbarButton(context, extensionId, page.url());
  await expect.poll(read, { timeout: 15_000 }).not.toBe(before);
}

test('a page mentioning a client’s email: the popup preselects the client’s matter, says why, costs 0 requests; the site is remembered and can be forgotten', async ({
  context,
  worker,
  extensionId,
  extensionPage,
}) => {
  await signedIn(extensionPage);
  const [matter] = (await sandbox.matters()).filter((m) => m.client?.primary_email_address);
  const client = matter!.client!;
  // On the sandbox's second origin, which no build has host permission for: only the toolbar press lets it be read.
  const page = await clientMailPage(context, client);
  await sandbox.clearLog();
  await pressAndRead(worker, page, context, extensionId);

  const popup = await extensionPage('popup.html');
  const picker = popup.getByRole('combobox', { name: 'Matter' });
  await expect(popup.getByText(/Suggested for this page: client’s email on this page/)).toBeVisible();
  const chosen = await picker.inputValue();
  const suggested = await sandbox.matters(client.name);
  expect(suggested.map((m) => `${m.display_number} — ${m.description}`)).toContain(chosen);
  await picker.focus();
  const group = popup.getByRole('group', { name: 'Suggested for this page' });
  await expect(group.getByRole('option').first()).toContainText('client’s email on this page');
  await expect(group.getByRole('option', { name: new RegExp(matter!.display_number) })).toBeVisible();
  await screenshot(popup, 'popup-suggested-for-page');
  // The time-entry form preselects it too.
  await picker.press('Escape');
  await popup.getByRole('tab', { name: 'Log time' }).click();
  await expect(popup.getByRole('combobox', { name: 'Matter' })).toHaveValue(chosen);
  await expect(popup.getByText(/Suggested for this page: client’s email on this page/)).toBeVisible();
  await popup.getByRole('tab', { name: 'Timer' }).click();
  // Nothing about the page went to Clio: no matter or contact request (the popup's timer check is its only one).
  const paths = (await sandbox.log()).map((r) => r.path);
  expect(paths.filter((p) => /\/api\/v4\/(matters|contacts)/.test(p))).toEqual([]);

  // Starting the timer on another matter remembers it for this site: next time it is offered first.
  const other = (await sandbox.matters('', 'Open')).find((m) => !suggested.some((s) => s.id === m.id))!;
  await picker.fill(other.display_number);
  await popup.getByRole('option', { name: new RegExp(other.display_number) }).click();
  await popup.getByRole('button', { name: 'Start timer' }).click();
  await expect(popup.getByRole('timer')).toBeVisible();
  await popup.getByRole('button', { name: 'Stop timer' }).click();
  await expect(popup.getByRole('status')).toContainText(/./);
  await popup.close();

  await pressAndRead(worker, page, context, extensionId);
  const again = await extensionPage('popup.html');
  await expect(again.getByRole('combobox', { name: 'Matter' })).toHaveValue(`${other.display_number} — ${other.description}`);
  await expect(again.getByText(/Suggested for this page: used on this site before/)).toBeVisible();
  await screenshot(again, 'popup-suggested-remembered');
  await again.getByRole('combobox', { name: 'Matter' }).press('Escape'); // the list (open on focus) covers the note
  await again.getByRole('button', { name: 'Forget this site' }).click();
  await expect(again.getByText(/Forgotten for http:\/\/localhost:\d+\/pages/)).toBeVisible();
  await again.close();

  await pressAndRead(worker, page, context, extensionId);
  const third = await extensionPage('popup.html');
  await expect(third.getByText(/Suggested for this page: client’s email on this page/)).toBeVisible();
  expect(await third.getByRole('combobox', { name: 'Matter' }).inputValue()).not.toBe(`${other.display_number} — ${other.description}`);

  // "Never read this site": the next opening reads nothing there, and suggests nothing; Options can undo it.
  await third.getByRole('combobox', { name: 'Matter' }).press('Escape');
  await third.getByRole('button', { name: 'Never read this site' }).click();
  await expect(third.getByText(/will not be read again/)).toBeVisible();
  await third.close();
  await pressAndRead(worker, page, context, extensionId);
  const fourth = await extensionPage('popup.html');
  await expect(fourth.getByRole('combobox', { name: 'Matter' })).toHaveValue('');
  await expect(fourth.getByText(/Suggested for this page/)).toHaveCount(0);
  const options = await extensionPage('options.html');
  const never = options.getByRole('list', { name: 'Sites never read' });
  await expect(never).toContainText('localhost');
  await screenshot(options, 'options-sites');
  await never.getByRole('button', { name: /^Read .* again$/ }).click();
  await expect(never).toHaveCount(0);
});

test('the side panel: a page it may not read is explained plainly; once the page is read on a gesture, its suggestions show and open', async ({
  context,
  worker,
  extensionId,
  extensionPage,
}) => {
  await signedIn(extensionPage);
  const [matter] = (await sandbox.matters()).filter((m) => m.client?.primary_email_address);
  const options = await extensionPage('options.html');
  const page = await clientMailPage(context, matter!.client!);
  await page.bringToFront();
  // Asked with no gesture on the page (as the panel's button is): nothing may be read there.
  const asked = await options.evaluate(async () =>
    chrome.runtime.sendMessage({ channel: 'clio-companion', type: 'suggestions/for-page', data: { windowId: (await chrome.windows.getCurrent()).id } }),
  );
  expect(asked.value.state).toBe('no-grant');

  const panel = await extensionPage('sidepanel.html');
  const section = panel.getByRole('region', { name: 'Suggested for this page' });
  await expect(section.getByText(/only after you use it there/)).toBeVisible();
  await expect(section.getByRole('button', { name: 'Suggest for this page' })).toBeVisible();
  await screenshot(panel, 'sidepanel-suggest-no-grant');

  // The person presses the toolbar button on the page: the panel follows what was read in its window.
  await pressAndRead(worker, page, context, extensionId);
  await panel.bringToFront();
  const hit = section.getByRole('button', { name: new RegExp(`${matter!.display_number}.*client’s email on this page`) });
  await expect(hit).toBeVisible();
  await screenshot(panel, 'sidepanel-suggested-for-page');
  await hit.click();
  await expect(panel.getByRole('heading', { name: new RegExp(matter!.display_number) })).toBeVisible();
});

test('the capture dialog: a person who is already a client shows their matters, from the local index, with why', async ({ context, worker, extensionPage }) => {
  await signedIn(extensionPage);
  const [matter] = (await sandbox.matters()).filter((m) => m.client?.primary_email_address);
  const client = matter!.client!;
  const page = await openPage(context, 'contact');
  await page.evaluate(
    ({ name, email }) => {
      for (const a of document.querySelectorAll('a[href^="mailto:"], a[href^="tel:"], script[type="application/ld+json"]')) a.remove();
      document.querySelector('#message')!.textContent = `Hello, this is ${name} (${email}). I need help with a new matter.`;
    },
    { name: client.name, email: client.primary_email_address! },
  );
  await sandbox.clearLog();
  await rightClickCapture(worker, page, await select(page, '#message'));
  const dialog = await captureDialog(page);
  await expect(field(dialog, 'Email')).toHaveValue(client.primary_email_address!);
  const known = dialog.getByRole('group', { name: 'Suggested for this page' });
  await expect(known).toContainText(matter!.display_number);
  await expect(known).toContainText('client’s email on this page');
  await screenshot(page, 'capture-already-client');
  expect((await sandbox.log()).filter((r) => /\/api\/v4\/(matters|contacts)/.test(r.path))).toEqual([]);
});
