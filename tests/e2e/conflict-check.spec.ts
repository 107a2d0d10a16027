/**
 * "Check conflicts for '…'" on a selection: the side panel's "Conflict check" finds the person in the local matter
 * list (as a client), in Clio's contacts with the other matter they are a party to (through its relationships),
 * and in Grow, each labelled with its source and how it matched, at most 1 + 5 Manage requests and 1 Grow request.
 * With Grow disconnected it says so. Nothing is written anywhere.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { openPage, select } from './capture-helpers';
import { connectGrow, expect, screenshot, signedIn, test } from './fixtures';
import { E2E_SANDBOX } from './ports';
import { sandbox } from './sandbox-admin';

declare const chrome: {
  tabs: { query(q: { url?: string }): Promise<Array<{ id?: number; url?: string }>> };
  contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
};

/** Shows `text` on a sandbox page, selects it, and right-clicks "Check conflicts for '…'" (dispatched as Chrome would). */
async function checkConflictsOn(context: BrowserContext, worker: Worker, text: string): Promise<Page> {
  const page = await openPage(context, 'contact');
  await page.evaluate((t) => {
    document.querySelector('#message')!.textContent = t;
  }, text);
  const selectionText = await select(page, '#message');
  await worker.evaluate(
    async ({ pages, url, selectionText }) => {
      const tab = (await chrome.tabs.query({ url: `${pages}/*` })).find((t) => t.url === url)!;
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'check-conflicts', selectionText, pageUrl: url, editable: false }, tab);
    },
    { pages: `${E2E_SANDBOX}/pages`, url: page.url(), selectionText },
  );
  return page;
}

test('a client who is also a party to another matter: found in the matters, in Clio contacts with that matter, and in Grow', async ({
  context,
  worker,
  extensionPage,
}) => {
  await signedIn(extensionPage);
  await connectGrow(extensionPage);
  const people = (await sandbox.conflictPeople()).filter((p) => p.email && p.related);
  const person = people.find((p) => p.in_grow) ?? people[0]!;
  await sandbox.clearLog();
  await checkConflictsOn(context, worker, person.email!);

  const panel = await extensionPage('sidepanel.html');
  const region = panel.getByRole('region', { name: 'Conflict check' });
  await expect(region.getByRole('textbox', { name: 'Name, email or phone' })).toHaveValue(person.email!);
  const hits = region.getByRole('list', { name: 'Conflict check' });
  const fromMatters = hits.getByRole('listitem').filter({ hasText: /^Matters/ });
  await expect(fromMatters.first()).toContainText('exact email');
  await expect(fromMatters.first()).toContainText(person.client_of[0]!.display_number);
  const fromClio = hits.getByRole('listitem').filter({ hasText: /^Clio contacts/ });
  await expect(fromClio.first()).toContainText(person.name);
  await expect(fromClio.first()).toContainText(`${person.related!.display_number}`);
  await expect(fromClio.first()).toContainText(person.related!.role);
  if (person.in_grow) await expect(hits.getByRole('listitem').filter({ hasText: /^Grow/ }).first()).toContainText('exact email');
  await screenshot(panel, 'sidepanel-conflict-check');

  // What it cost: one contacts request, a relationships request per contact shown (≤ 5), one Grow request; nothing written.
  const log = await sandbox.log();
  const api = log.filter((r) => r.path.startsWith('/api/v4/'));
  expect(api.filter((r) => r.path.startsWith('/api/v4/contacts'))).toHaveLength(1);
  expect(api.filter((r) => r.path.startsWith('/api/v4/relationships')).length).toBeLessThanOrEqual(5);
  expect(log.filter((r) => r.path === '/grow/contacts')).toHaveLength(1);
  expect(log.filter((r) => r.method !== 'GET' && !r.path.includes('oauth'))).toEqual([]);
});

test('with Grow disconnected, the check says Grow was not asked', async ({ context, worker, extensionPage }) => {
  await signedIn(extensionPage);
  const [person] = (await sandbox.conflictPeople()).filter((p) => p.email);
  await sandbox.clearLog();
  await checkConflictsOn(context, worker, person!.name);
  const panel = await extensionPage('sidepanel.html');
  const region = panel.getByRole('region', { name: 'Conflict check' });
  await expect(region.getByText(/Grow is not connected, so its contacts were not checked/)).toBeVisible();
  await expect(region.getByRole('list', { name: 'Conflict check' })).toContainText(person!.name);
  expect((await sandbox.log()).filter((r) => r.path.startsWith('/grow/'))).toEqual([]);
  await screenshot(panel, 'sidepanel-conflict-no-grow');
});
