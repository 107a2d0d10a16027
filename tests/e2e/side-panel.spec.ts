import type { Page } from '@playwright/test';
import { RECORD_FIELDS } from '../../lib/matters/matter-record';
import { clioAsUser } from './clio-as-user';
import { expect, killServiceWorker, screenshot, signedIn, storedItems, test } from './fixtures';
import { sandbox } from './sandbox-admin';
import { E2E_SANDBOX } from './ports';

/** The extension API inside the worker (evaluated there, not in Node). */
declare const chrome: {
  contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
  tabs: { query(q: object): Promise<Array<{ id: number; windowId: number; url: string }>> };
};

async function panel(extensionPage: (p: 'sidepanel.html') => Promise<Page>): Promise<Page> {
  const page = await extensionPage('sidepanel.html');
  await page.setViewportSize({ width: 400, height: 800 });
  return page;
}

const results = (page: Page) => page.getByRole('list', { name: 'Matters' }).getByRole('listitem');

async function waitSynced(page: Page) {
  await expect(page.getByText(/Synced (just now|\d+ min ago)/)).toBeVisible({ timeout: 30_000 });
}

test('the first sync shows progress and costs ⌈N/200⌉ requests; then search answers locally', async ({ extensionPage }) => {
  await sandbox.faults({ latencyMs: 150, scope: 'manage' });
  await signedIn(extensionPage, { waitForSync: false });
  const page = await panel(extensionPage);
  await expect(page.getByRole('status').filter({ hasText: /Syncing [\d,]+ of 3,000 matters/ })).toBeVisible({ timeout: 20_000 });
  // Before the first sync is done, the box searches Clio itself (through the rate limiter).
  const [early] = await sandbox.matters('', 'Open');
  await page.getByRole('searchbox', { name: 'Search matters' }).fill(early!.display_number);
  await expect(page.getByText('Searching Clio directly until your matters are synced.')).toBeVisible();
  await expect(results(page).first()).toContainText(early!.display_number);
  expect((await sandbox.log()).some((r) => r.path.startsWith('/api/v4/matters') && r.query?.query === early!.display_number)).toBe(true);
  await screenshot(page, 'sidepanel-syncing');
  await page.getByRole('searchbox', { name: 'Search matters' }).fill('');
  await sandbox.clearFaults();
  await waitSynced(page);
  const pages = (await sandbox.log()).filter((r) => r.path.startsWith('/api/v4/matters') && !r.query?.query);
  expect(pages.length).toBeGreaterThanOrEqual(15);
  expect(pages.length).toBeLessThanOrEqual(16);

  // Typing sends nothing to Clio once synced (after the sign-in's own fetches beside the sync: activity
  // descriptions, expense categories and currency, then the firm's users and the user's calendars, the last step).
  await expect.poll(async () => 'activity-descriptions' in (await storedItems(page, ['activity-descriptions']))).toBe(true);
  await expect
    .poll(async () => {
      const paths = (await sandbox.log()).map((r) => r.path);
      return paths.includes('/api/v4/users.json') && paths.includes('/api/v4/calendars.json');
    })
    .toBe(true);
  await sandbox.clearLog();
  const [matter] = await sandbox.matters('', 'Open');
  const box = page.getByRole('searchbox', { name: 'Search matters' });
  await box.pressSequentially(matter!.display_number.slice(0, 8), { delay: 30 });
  await expect(results(page).first()).toContainText(matter!.display_number);
  expect((await sandbox.log()).filter((r) => r.path.startsWith('/api/v4'))).toHaveLength(0);
  await screenshot(page, 'sidepanel-results');
});

test('search by part of a client name, with a typo, and navigate with the keyboard to a detail; start its timer', async ({ extensionPage }) => {
  await signedIn(extensionPage);
  const page = await panel(extensionPage);
  await waitSynced(page);
  const [target] = await sandbox.matters('', 'Open');
  const surname = target!.client!.name.split(' ').at(-1)!;
  const box = page.getByRole('searchbox', { name: 'Search matters' });

  const first = target!.client!.name.split(' ')[0]!;
  await box.fill(`${first.slice(0, 3)} ${surname.slice(0, 4)}`);
  await expect(results(page).filter({ hasText: target!.display_number })).toHaveCount(1);

  // One letter swapped ("Jnoes" for "Jones") still finds it.
  const typo = surname.length >= 4 ? surname[0]! + surname[2]! + surname[1]! + surname.slice(3) : surname;
  await box.fill(`${typo} ${target!.display_number.slice(0, 5)}`);
  await expect(results(page).first()).toContainText(target!.display_number);
  await expect(results(page).first()).toContainText(target!.client!.name);

  await box.press('ArrowDown');
  await box.press('ArrowUp');
  await box.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(target!.display_number);
  await expect(page.getByText('Responsible attorney')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recent time' })).toBeVisible();
  // "Copy number" sits with the detail's other links, not alone under the buttons.
  const top = async (l: ReturnType<Page['getByRole']>) => (await l.boundingBox())!.y;
  expect(await top(page.getByRole('button', { name: 'Copy number' }))).toBeCloseTo(await top(page.getByRole('link', { name: 'Open in Clio' })), -1);
  await screenshot(page, 'sidepanel-detail');

  await page.getByRole('button', { name: 'Start timer' }).click();
  await expect(page.getByRole('status')).toContainText('Timer started');
  const state = await sandbox.state();
  const activity = state.createdActivities.find((a) => a.id === state.timers[0]?.activityId);
  expect(activity?.matter?.id).toBe(target!.id);

  // "Log time" opens the time-entry form with the matter filled in.
  await page.getByRole('button', { name: 'Log time' }).click();
  await expect(page.getByRole('combobox', { name: 'Matter' })).toHaveValue(new RegExp(`^${target!.display_number}`));
  await page.getByRole('textbox', { name: 'Duration' }).fill('20m');
  await page.getByRole('button', { name: 'Save time entry' }).click();
  await expect(page.getByText('Saved 20 min')).toBeVisible();
});

test('time typed in the panel and not saved comes back after the panel was closed; a save forgets it', async ({ extensionPage }) => {
  await signedIn(extensionPage);
  const [target] = await sandbox.matters('', 'Open');
  const openMatter = async () => {
    const page = await panel(extensionPage);
    await waitSynced(page);
    await page.getByRole('searchbox', { name: 'Search matters' }).fill(target!.display_number);
    await results(page).filter({ hasText: target!.display_number }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(target!.display_number);
    return page;
  };
  // What the panel has written so far (the page closes only once it is there, as a person would take longer).
  const kept = async (page: Page) =>
    (await storedItems<{ 'panel-entry-drafts'?: Record<string, unknown> }>(page, ['panel-entry-drafts']))['panel-entry-drafts']?.[target!.id] ?? null;
  let page = await openMatter();
  await page.getByRole('button', { name: 'Log time' }).click();
  await page.getByRole('textbox', { name: 'Duration' }).fill('45m');
  await page.getByRole('textbox', { name: 'Description' }).fill('Drafted the engagement letter');
  await expect(page.getByText('= 45 min')).toBeVisible();
  await expect.poll(() => kept(page)).toMatchObject({ duration: '45m', note: 'Drafted the engagement letter' });
  await page.close();

  page = await openMatter();
  const form = page.getByRole('region', { name: 'Log time' });
  await expect(form.getByRole('textbox', { name: 'Duration' })).toHaveValue('45m');
  await expect(form.getByRole('textbox', { name: 'Description' })).toHaveValue('Drafted the engagement letter');
  await screenshot(page, 'sidepanel-draft-kept');
  await form.getByRole('button', { name: 'Save time entry' }).click();
  await expect(page.getByText('Saved 45 min')).toBeVisible();
  expect((await sandbox.state()).createdActivities.filter((a) => a.matter?.id === target!.id && a.quantity === 2700)).toHaveLength(1);
  await expect.poll(() => kept(page)).toBeNull();
  await page.close();

  page = await openMatter();
  await expect(page.getByRole('region', { name: 'Log time' })).toHaveCount(0);
});

test('the search-matters menu item hands the selection to the panel as the query', async ({ extensionPage, context, worker }) => {
  await signedIn(extensionPage);
  const [target] = await sandbox.matters('', 'Open');
  const site = await context.newPage();
  await site.goto(`${E2E_SANDBOX}/pages/contact`);
  const [tab] = await worker.evaluate((url) => chrome.tabs.query({ url }), `${E2E_SANDBOX}/pages/*`);
  await worker.evaluate(
    ({ tab, text }) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'search-matters', selectionText: text, editable: false, pageUrl: tab.url }, tab),
    { tab: tab!, text: target!.display_number },
  );
  const page = await panel(extensionPage);
  await expect(page.getByRole('searchbox', { name: 'Search matters' })).toHaveValue(target!.display_number);
  await expect(results(page).first()).toContainText(target!.display_number);
});

test('matter text from Clio is shown as text, never run as HTML', async ({ extensionPage }) => {
  const [target] = await sandbox.matters('', 'Open');
  await sandbox.editMatter(target!.id, { description: 'Estate of <img src=x onerror="window.__xss=1"> Doe' });
  await signedIn(extensionPage);
  const page = await panel(extensionPage);
  await waitSynced(page);
  await page.getByRole('searchbox', { name: 'Search matters' }).fill('estate of');
  await expect(results(page).filter({ hasText: '<img src=x onerror="window.__xss=1">' })).toHaveCount(1);
  await results(page).filter({ hasText: 'Estate of <img' }).getByRole('button').click();
  await expect(page.getByText('Estate of <img src=x onerror="window.__xss=1"> Doe').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img').count()).toBe(0);
});

test('an edit in Clio reaches an open panel’s index with the next incremental sync, in place (the index is not read again)', async ({ extensionPage }) => {
  await signedIn(extensionPage);
  const page = await panel(extensionPage);
  await waitSynced(page);
  await page.getByRole('searchbox', { name: 'Search matters' }).fill('v.');
  await expect(results(page).first()).toBeVisible(); // the index is open
  // From here, count the panel's reads of the packed index and of whole ranges of matters.
  await page.evaluate(`(function () {
    window.__reads = 0;
    var get = IDBObjectStore.prototype.get, getAll = IDBObjectStore.prototype.getAll;
    IDBObjectStore.prototype.get = function (k) { if (this.name === 'packed') window.__reads++; return get.apply(this, arguments); };
    IDBObjectStore.prototype.getAll = function () { if (this.name === 'matters') window.__reads++; return getAll.apply(this, arguments); };
  })()`);
  const [target] = await sandbox.matters('', 'Open');
  await sandbox.editMatter(target!.id, { description: 'Quixotic renamed matter' });
  await sandbox.clearLog();
  await page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
      channel: 'clio-companion',
      type: 'matters/sync',
      data: {},
    }),
  );
  await page.getByRole('searchbox', { name: 'Search matters' }).fill('quixotic');
  await expect(results(page).first()).toContainText(target!.display_number, { timeout: 15_000 });
  const sync = (await sandbox.log()).filter((r) => r.path.startsWith('/api/v4/matters'));
  expect(sync.length).toBe(1);
  expect(sync[0]!.query?.updated_since).toBeTruthy();
  expect(await page.evaluate('window.__reads')).toBe(0);
});

test('the omnibox keyword suggests matters from the index, with Clio text escaped', async ({ extensionPage, worker }) => {
  const [target] = await sandbox.matters('', 'Open');
  await sandbox.editMatter(target!.id, { description: 'Zebra & <Sons> dispute' });
  await signedIn(extensionPage);
  const suggestions = await worker.evaluate(
    (q) =>
      new Promise<Array<{ content: string; description: string }>>((resolve) =>
        (
          globalThis as unknown as {
            chrome: { omnibox: { onInputChanged: { dispatch(t: string, s: (r: Array<{ content: string; description: string }>) => void): void } } };
          }
        ).chrome.omnibox.onInputChanged.dispatch(q, resolve),
      ),
    'zebra',
  );
  expect(suggestions[0]).toEqual({ content: `matter:${target!.id}`, description: expect.stringContaining('Zebra &amp; &lt;Sons&gt; dispute') });
});

test('“My matters” keeps only matters whose responsible attorney is me; “Include closed” brings closed ones back', async ({ extensionPage, worker }) => {
  await signedIn(extensionPage);
  const page = await panel(extensionPage);
  await waitSynced(page);
  const box = page.getByRole('searchbox', { name: 'Search matters' });
  await box.fill('v.');
  await expect(results(page).first()).toBeVisible();
  await page.getByRole('checkbox', { name: 'My matters' }).check();
  await expect(results(page).first()).toBeVisible();
  const numbers = await results(page).locator('.num').allTextContents();
  const me = (await sandbox.state()).users[0]!;
  for (const n of numbers.slice(0, 5)) {
    const found = (await clioAsUser(worker, 'GET', `/matters.json?fields=display_number,responsible_attorney{id}&query=${encodeURIComponent(n)}`)) as {
      data: Array<{ display_number: string; responsible_attorney: { id: number } }>;
    };
    expect(found.data.find((m) => m.display_number === n)?.responsible_attorney.id).toBe(me.id);
  }
  await expect(results(page).filter({ hasText: 'Closed' })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'My matters' }).uncheck();

  const [closed] = await sandbox.matters('', 'Closed');
  await box.fill(closed!.display_number);
  await expect(results(page).filter({ hasText: closed!.display_number })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Include closed' }).check();
  await expect(results(page).first()).toContainText(closed!.display_number);
  await expect(results(page).first()).toContainText('Closed');
});

/**
 * Rewrites the extension's matter store as the previous release (format 1) kept it: matters without their
 * clients' emails, phones or reference, no lookup keys, no packed index. Run in an extension page.
 */
const AS_FORMAT_ONE = `(async function () {
  function req(r) { return new Promise(function (res, rej) { r.onsuccess = function () { res(r.result); }; r.onerror = function () { rej(r.error); }; }); }
  var db = await req(indexedDB.open('clio-companion-matters'));
  var tx = db.transaction(['matters', 'meta'], 'readonly');
  var matters = await req(tx.objectStore('matters').getAll());
  var meta = await req(tx.objectStore('meta').get('sync'));
  db.close();
  await req(indexedDB.deleteDatabase('clio-companion-matters'));
  var open = indexedDB.open('clio-companion-matters', 1);
  open.onupgradeneeded = function () { open.result.createObjectStore('matters', { keyPath: 'id' }); open.result.createObjectStore('meta'); };
  var old = await req(open);
  var w = old.transaction(['matters', 'meta'], 'readwrite');
  var fields = ${JSON.stringify(RECORD_FIELDS)};
  matters.forEach(function (r) {
    var m = { id: r.id };
    fields.forEach(function (f, i) { m[f] = r.v[i]; });
    delete m.clientReference; delete m.clientEmails; delete m.clientPhones;
    w.objectStore('matters').put(m);
  });
  meta.formatVersion = 1;
  meta.inProgress = null;
  w.objectStore('meta').put(meta, 'sync');
  await new Promise(function (res) { w.oncomplete = res; });
  old.close();
  return matters.length;
})()`;

test('an index from the previous version is upgraded in place: search works at once, and a background pass learns the clients’ emails and phones in ⌈N/200⌉ requests', async ({
  extensionPage,
}) => {
  // The pass rewrites 3,000 matters' keys: on a loaded 2-core machine (two e2e workers) it takes longer than a minute.
  test.setTimeout(120_000);
  await signedIn(extensionPage);
  const options = await extensionPage('options.html'); // a page that holds no connection to the matter store
  expect(await options.evaluate(AS_FORMAT_ONE)).toBe(3_000);
  await sandbox.faults({ latencyMs: 250, scope: 'manage' }); // so the pass is still under way when the panel opens
  await sandbox.clearLog();

  // The new version's worker starts (headless Chromium cannot reload an unpacked extension, so no
  // runtime.onInstalled here: opening the panel asks for a sync, which an index still learning gets).
  await killServiceWorker(options);

  const page = await panel(extensionPage);
  const [target] = await sandbox.matters('', 'Open', true);
  await page.getByRole('searchbox', { name: 'Search matters' }).fill(target!.display_number);
  await expect(results(page).first()).toContainText(target!.display_number);
  await expect(page.getByText(/still learning clients’ emails and phones/)).toBeVisible();
  await screenshot(page, 'sidepanel-learning');
  expect((await sandbox.log()).filter((r) => r.path.startsWith('/api/v4/matters') && r.query?.query)).toHaveLength(0); // answered locally

  await sandbox.clearFaults();
  await expect(page.getByText(/still learning/)).toHaveCount(0, { timeout: 60_000 });
  const pages = (await sandbox.log()).filter((r) => r.path.startsWith('/api/v4/matters'));
  expect(pages).toHaveLength(15); // ⌈3,000 / 200⌉, every one asking for the client's fields
  expect(pages.every((r) => String(r.query?.fields).includes('client{id,name,primary_email_address'))).toBe(true);

  // Exact lookups by the client's email, phone and the matter's client reference now find it.
  const found = (await page.evaluate(
    (q) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        channel: 'clio-companion',
        type: 'matters/by-keys',
        data: q,
      }),
    { emails: [target!.client!.primary_email_address!], clientReferences: [target!.client_reference!] },
  )) as { ok: boolean; value: { learning: boolean; matches: Array<{ matter: { id: number }; matched: Array<{ kind: string }> }> } };
  expect(found.ok).toBe(true);
  expect(found.value.learning).toBe(false);
  expect(found.value.matches.find((m) => m.matter.id === target!.id)?.matched.map((k) => k.kind)).toEqual(['email', 'clientReference']);
});
