/**
 * "Capture as Clio Grow lead": the context-menu click (dispatched from the service worker, as
 * Chrome would), the content script mounting the dialog's extension frame over the page, extraction,
 * duplicates, sending to Grow, and the extension-window fallback where nothing can be injected.
 * The build is the one that ships: the frame's host is a closed shadow root, and the tests reach the
 * dialog through the frame (Playwright sees every frame of the page).
 */
import { captureDialog, captureFrame, captureFrames, expectClosed, field, openPage, rightClickCapture, select } from './capture-helpers';
import { connectGrow, expect, pressToolbarButton, screenshot, signedIn, test } from './fixtures';
import { E2E_SANDBOX } from './ports';
import { sandbox } from './sandbox-admin';

/** The extension API inside the worker (evaluated there, not in Node). */
declare const chrome: {
  tabs: { query(q: { url?: string }): Promise<Array<{ id?: number; url?: string }>> };
  contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
};

const PAGES = `${E2E_SANDBOX}/pages`;

const GROW_LEAD_KEYS = ['email', 'first_name', 'from_message', 'from_source', 'last_name', 'phone_number', 'referring_url'];

test('captures the selection on a contact page and sends exactly Grow’s fields', async ({ context, worker, extensionPage }) => {
  await signedIn(extensionPage);
  await connectGrow(extensionPage);
  const page = await openPage(context, 'contact');
  const selected = await select(page, '#message');
  await rightClickCapture(worker, page, selected);

  const dialog = await captureDialog(page);
  await expect(dialog).toBeVisible();
  await expect(field(dialog, 'First name')).toHaveValue('Adaeze');
  await expect(field(dialog, 'Last name')).toHaveValue('Okafor');
  await expect(field(dialog, 'Email')).toHaveValue('adaeze@okafordental.example');
  await expect(field(dialog, 'Phone')).toHaveValue('(617) 555-0142');
  await expect(field(dialog, 'Message')).toHaveValue(/injured in a car accident on Route 9/);
  await expect(dialog.getByText(page.url(), { exact: true })).toBeVisible();
  // Everything required is filled in: focus starts on First name.
  await expect(field(dialog, 'First name')).toBeFocused();
  await screenshot(page, 'capture-contact');

  await sandbox.clearLog();
  await dialog.getByRole('button', { name: 'Send to Clio Grow' }).click();
  await expect(dialog.getByRole('status')).toContainText('Sent to Clio Grow');
  const inbox = dialog.getByRole('link', { name: 'Open Grow inbox' });
  await expect(inbox).toBeVisible();
  await expect(inbox).toHaveAttribute('target', '_blank');
  await screenshot(page, 'capture-contact-sent');

  const { leads } = await sandbox.state();
  expect(leads).toHaveLength(1);
  expect(leads[0]).toMatchObject({ first_name: 'Adaeze', last_name: 'Okafor', email: 'adaeze@okafordental.example', referring_url: page.url() });
  const posts = (await sandbox.log()).filter((r) => r.method === 'POST' && r.path === '/grow/inbox_leads');
  expect(posts).toHaveLength(1);
  const body = posts[0]!.body as { data: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['data']);
  expect(Object.keys(body.data).sort()).toEqual(GROW_LEAD_KEYS);
  expect(body.data.referring_url).toBe(page.url());
  // Sending costs one Grow request (the duplicate look-up happened when the dialog opened).
  expect((await sandbox.log()).filter((r) => r.path.startsWith('/grow/') && !r.path.startsWith('/grow/oauth'))).toHaveLength(1);
});

test('a webmail message: the sender from the From: mailto link, the phone from the signature, other candidates to pick', async ({
  context,
  worker,
  extensionPage,
}) => {
  await connectGrow(extensionPage);
  const page = await openPage(context, 'webmail');
  await rightClickCapture(worker, page, await select(page, '.message-body'));
  const dialog = await captureDialog(page);
  await expect(field(dialog, 'First name')).toHaveValue('Jane');
  await expect(field(dialog, 'Last name')).toHaveValue('Smith');
  await expect(field(dialog, 'Email')).toHaveValue('jane.smith@brightwater-logistics.example');
  await expect(field(dialog, 'Phone')).toHaveValue('(312) 555-0187');
  await expect(field(dialog, 'Message')).toHaveValue(/locked us out of the Elm Street warehouse/);
  // The Cc: address is offered, with where it was found.
  const other = dialog.getByRole('button', { name: /ops@brightwater-logistics\.example · from a mailto link/ });
  await expect(other).toBeVisible();
  await screenshot(page, 'capture-webmail');
  await other.click();
  await expect(field(dialog, 'Email')).toHaveValue('ops@brightwater-logistics.example');
  await expect(dialog.getByRole('button', { name: /jane\.smith@brightwater-logistics\.example/ })).toBeVisible();
});

test('a directory entry with an h-card prefills from the page’s contact card', async ({ context, worker }) => {
  const page = await openPage(context, 'directory');
  await rightClickCapture(worker, page, await select(page, '#note'));
  const dialog = await captureDialog(page);
  await expect(field(dialog, 'First name')).toHaveValue('Marcus');
  await expect(field(dialog, 'Last name')).toHaveValue('Delacroix-Whitman');
  await expect(field(dialog, 'Email')).toHaveValue('mdw@dwo-law.example');
  await expect(field(dialog, 'Phone')).toHaveValue('(312) 555-0164');
  // Grow is not connected: the form says so and stays usable; the draft is kept.
  await expect(dialog.getByText('Connect Clio Grow on the extension’s options page first.').first()).toBeVisible();
  await screenshot(page, 'capture-directory-not-connected');
  await dialog.getByRole('button', { name: 'Send to Clio Grow' }).click();
  await expect(dialog.getByRole('status')).toContainText('Connect Clio Grow');
  await expect(field(dialog, 'First name')).toHaveValue('Marcus');
  expect((await sandbox.state()).leads).toHaveLength(0);
});

test('warns when the contact is already in Grow, and says what Grow needs at the field', async ({ context, worker, extensionPage }) => {
  await connectGrow(extensionPage);
  const page = await openPage(context, 'intake-form');
  await rightClickCapture(worker, page, await select(page, '#message'));
  const dialog = await captureDialog(page);
  await expect(field(dialog, 'First name')).toHaveValue('Noémie');
  await expect(field(dialog, 'Email')).toHaveValue('noemie.nakagawa@proton.me');
  await expect(dialog.getByText(/Already in Grow: Noémie Nakagawa/)).toBeVisible();
  await screenshot(page, 'capture-duplicate');

  // Editing the email re-checks (debounced): a new address is not in Grow.
  await field(dialog, 'Email').fill('noemie.n@example.org');
  await field(dialog, 'Phone').fill('');
  await expect(dialog.getByText(/Already in Grow/)).toBeHidden();

  await field(dialog, 'Last name').fill('');
  await field(dialog, 'Email').fill('not-an-email');
  await dialog.getByRole('button', { name: 'Send to Clio Grow' }).click();
  await expect(dialog.getByText('Clio Grow needs a last name.')).toBeVisible();
  await expect(dialog.getByText(/not an email address/)).toBeVisible();
  await expect(field(dialog, 'Last name')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(dialog, 'Last name')).toBeFocused();
  expect((await sandbox.state()).leads).toHaveLength(0);

  await field(dialog, 'Last name').fill('Nakagawa');
  await field(dialog, 'Email').fill('noemie.nakagawa@proton.me');
  await dialog.getByRole('button', { name: 'Send to Clio Grow' }).click();
  await expect(dialog.getByRole('status')).toContainText('Sent to Clio Grow');
  expect((await sandbox.state()).leads).toHaveLength(1);
});

test('keyboard: focus starts in the dialog, Tab stays inside, Escape closes and gives focus back; a second click re-focuses', async ({ context, worker }) => {
  const page = await openPage(context, 'contact');
  await page.locator('a[href^="mailto:"]').focus();
  const selected = await select(page, '#message');
  await rightClickCapture(worker, page, selected);
  const dialog = await captureDialog(page);
  await expect(field(dialog, 'First name')).toHaveValue('Adaeze');
  await expect(field(dialog, 'First name')).toBeFocused();

  // Shift+Tab from the first field reaches the close button; once more wraps to the last control.
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Send to Clio Grow' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    // The page's focus stays on the frame's host; inside the frame, on one of the dialog's controls.
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('clio-capture-lead');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }

  // Injecting again does not open a second dialog.
  await field(dialog, 'Message').fill('Edited before the second click.');
  await rightClickCapture(worker, page, selected);
  await page.waitForTimeout(500);
  expect(captureFrames(page)).toHaveLength(1);
  await expect(field(dialog, 'Message')).toHaveValue('Edited before the second click.');

  await page.keyboard.press('Escape');
  await expectClosed(page);
  await expect(page.locator('a[href^="mailto:"]')).toBeFocused();
  expect(await page.locator('clio-capture-lead').count()).toBe(0);

  // The close button closes too.
  await rightClickCapture(worker, page, selected);
  const again = await captureDialog(page);
  await expect(again).toBeVisible();
  await again.getByRole('button', { name: 'Close' }).click();
  await expectClosed(page);
});

test('a strict-CSP page with hostile CSS still gets a readable, working dialog', async ({ context, worker, extensionPage }) => {
  await connectGrow(extensionPage);
  const page = await openPage(context, 'strict-hostile');
  // The page's own dialog and inputs are hidden by its CSS, and a max-z-index overlay covers it.
  await expect(page.locator('body > dialog')).toBeHidden();
  await rightClickCapture(worker, page, await select(page, '#message'));
  const dialog = await captureDialog(page);
  await expect(dialog).toBeVisible();
  await expect(field(dialog, 'First name')).toHaveValue('Priya');
  await expect(field(dialog, 'Last name')).toHaveValue('Raman');
  await expect(field(dialog, 'Email')).toHaveValue('priya.raman@lakeshore-mail.example');
  const look = await field(dialog, 'Email').evaluate((el) => {
    const s = getComputedStyle(el);
    return { fontSize: s.fontSize, color: s.color, display: s.display };
  });
  expect(look).toEqual({ fontSize: '14px', color: 'rgb(27, 31, 36)', display: 'block' });
  const box = (await (await (await captureFrame(page)).frameElement()).boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(441);
  expect(box.x + box.width).toBeGreaterThan(1100 - 40); // top-right
  expect(box.y).toBeLessThan(40);
  // The page's CSS is hostile on purpose (a white-on-pink cookie wall, hidden inputs): axe checks our frame only.
  await screenshot(page, 'capture-strict-hostile', { axe: 'extension' });
  await dialog.getByRole('button', { name: 'Send to Clio Grow' }).click();
  await expect(dialog.getByRole('status')).toContainText('Sent to Clio Grow');
  expect((await sandbox.state()).leads).toHaveLength(1);
});

test('page text is shown as text: payloads in it never run', async ({ context, worker }) => {
  const page = await openPage(context, 'xss');
  await rightClickCapture(worker, page, await select(page, '#message'));
  const dialog = await captureDialog(page);
  await expect(field(dialog, 'Email')).toHaveValue('mallory.jones@example.org');
  await expect(field(dialog, 'Message')).toHaveValue(/<img src=x onerror="window.__xss=1">/);
  await expect(field(dialog, 'Message')).toHaveValue(/<script>window.__xss=2<\/script>/);
  await screenshot(page, 'capture-xss');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await dialog.locator('img, script, svg').count()).toBe(0);
});

test('where nothing can be injected, the same form opens in an extension window', async ({ context, worker, extensionPage }) => {
  await connectGrow(extensionPage);
  const before = await worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id));
  const browserPage = await context.newPage();
  await browserPage.goto('chrome://version/');
  const tabId = await worker.evaluate(async (known) => (await chrome.tabs.query({})).map((t) => t.id).find((id) => !known.includes(id)), before);
  expect(tabId).toBeDefined();
  const opened = context.waitForEvent('page');
  const selectionText = 'Please call me, Tomasz Wiśniewski, at (646) 555-0133 (in London: +44 20 7946 0958) or tomasz.w@example.org about my visa.';
  await worker.evaluate(
    ({ tabId, selectionText }) =>
      chrome.contextMenus.onClicked.dispatch(
        { menuItemId: 'capture-lead', selectionText, pageUrl: 'chrome://version/', editable: false },
        { id: tabId, url: 'chrome://version/', title: 'About Version', index: 0, windowId: -1 },
      ),
    { tabId, selectionText },
  );
  const win = await opened;
  await win.waitForLoadState();
  expect(win.url()).toMatch(/\/capture-window\.html\?id=/);
  await expect(win.getByRole('heading', { name: 'Capture lead' })).toBeVisible();
  await expect(field(win, 'Email')).toHaveValue('tomasz.w@example.org');
  // The firm's own country's number in its national format, another country's in the international one.
  await expect(field(win, 'Phone')).toHaveValue('(646) 555-0133');
  await expect(win.getByRole('button', { name: /^\+44 20 7946 0958 · / })).toBeVisible();
  await expect(field(win, 'Message')).toHaveValue(selectionText);
  await expect(win.getByText('chrome://version/', { exact: true })).toBeVisible();
  await screenshot(win, 'capture-window');
  if (!(await field(win, 'First name').inputValue())) {
    await field(win, 'First name').fill('Tomasz');
    await field(win, 'Last name').fill('Wiśniewski');
  }
  await win.getByRole('button', { name: 'Send to Clio Grow' }).click();
  await expect(win.getByRole('status')).toContainText(/Sent to Clio Grow|Clio Grow/);
});

test('when Grow cannot be reached the lead is kept for later, and the dialog scrolls in a short window', async ({ context, worker, extensionPage }) => {
  test.setTimeout(120_000);
  await connectGrow(extensionPage);
  const page = await openPage(context, 'webmail');
  await page.setViewportSize({ width: 800, height: 480 });
  await rightClickCapture(worker, page, await select(page, '.message-body'));
  const dialog = await captureDialog(page);
  await expect(field(dialog, 'First name')).toHaveValue('Jane');
  // The frame fits the window; the dialog scrolls inside it.
  const frame = await captureFrame(page);
  const box = (await (await frame.frameElement()).boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(480);
  expect(await frame.evaluate(() => document.scrollingElement!.scrollHeight > innerHeight)).toBe(true);

  await sandbox.faults({ fail5xx: 50, scope: 'grow' });
  const send = dialog.getByRole('button', { name: 'Send to Clio Grow' });
  await send.scrollIntoViewIfNeeded();
  await send.click();
  await expect(dialog.getByRole('status')).toContainText(/kept and will be sent/, { timeout: 30_000 });
  await expect(send).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeVisible();
  await screenshot(page, 'capture-pending-short-window');

  // The options page lists it; when Grow answers again it arrives, once.
  const options = await extensionPage('options.html');
  await expect(options.getByRole('heading', { name: 'Leads waiting to reach Grow' })).toBeVisible();
  await expect(options.getByText('Jane Smith')).toBeVisible();
  await screenshot(options, 'options-leads-waiting');
  await sandbox.clearFaults();
  // The outbox tries again by itself (backing off); the lead arrives once.
  await expect.poll(async () => (await sandbox.state()).leads.length, { timeout: 60_000 }).toBe(1);
  await expect(options.getByRole('heading', { name: 'Leads waiting to reach Grow' })).toHaveCount(0);
});

test('without a Platform app, the firm’s Lead Inbox token sends the lead to the legacy inbox', async ({ context, worker, extensionPage }) => {
  await signedIn(extensionPage);
  const options = await extensionPage('options.html');
  await options.getByLabel('Lead Inbox token').fill('sandbox-inbox-token');
  await options.getByRole('button', { name: 'Save token' }).click();
  await expect(options.getByText('Lead Inbox token saved.')).toBeVisible();

  const page = await openPage(context, 'contact');
  const selected = await select(page, '#message');
  await rightClickCapture(worker, page, selected);
  const dialog = await captureDialog(page);
  await expect(field(dialog, 'Last name')).toHaveValue('Okafor');
  await sandbox.clearLog();
  await dialog.getByRole('button', { name: 'Send to Clio Grow' }).click();
  await expect(dialog.getByRole('status')).toContainText('Sent to Clio Grow');

  const state = await sandbox.state();
  expect(state.leads).toHaveLength(0);
  expect(state.legacyLeads).toHaveLength(1);
  const posts = (await sandbox.log()).filter((r) => r.method === 'POST');
  expect(posts.map((r) => r.path)).toEqual(['/inbox_leads']);
  // The token travels in the body to Grow and nowhere else: the log (and storage.local) never holds it.
  expect(Object.keys((posts[0]!.body as { inbox_lead: object }).inbox_lead).sort()).toEqual([
    'from_email',
    'from_first',
    'from_last',
    'from_message',
    'from_phone',
    'from_source',
    'referring_url',
  ]);
});

test('the page address sent to Grow leaves out the query and fragment; the full address shows, and the person can change what is sent', async ({
  context,
  worker,
  extensionPage,
}) => {
  await connectGrow(extensionPage);
  const page = await context.newPage();
  await page.goto(`${PAGES}/contact?session=s3cr3t-token&q=acme#reply`);
  const selected = await select(page, '#message');
  await rightClickCapture(worker, page, selected);
  const dialog = await captureDialog(page);
  await expect(field(dialog, 'Page address')).toHaveValue(`${PAGES}/contact`);
  await expect(dialog.getByText(page.url(), { exact: true })).toBeVisible();

  await dialog.getByRole('button', { name: 'Send to Clio Grow' }).click();
  await expect(dialog.getByRole('status')).toContainText('Sent to Clio Grow');
  expect((await sandbox.state()).leads.map((l) => (l as { referring_url: string }).referring_url)).toEqual([`${PAGES}/contact`]);
  expect(JSON.stringify(await sandbox.log())).not.toContain('s3cr3t-token');

  // The person may send another address (here, the full one) on purpose.
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expectClosed(page);
  await rightClickCapture(worker, page, selected);
  const second = await captureDialog(page);
  await field(second, 'Page address').fill(page.url());
  await second.getByRole('button', { name: 'Send to Clio Grow' }).click();
  await expect(second.getByRole('status')).toContainText('Sent to Clio Grow');
  expect((await sandbox.state()).leads.map((l) => (l as { referring_url: string }).referring_url)).toEqual([`${PAGES}/contact`, page.url()]);
});

test('on a page of an origin the extension has no permission for, a right-click without a grant opens the form in a window', async ({
  context,
  worker,
  extensionPage,
}) => {
  await connectGrow(extensionPage);
  // The sandbox's second origin: the same pages at `localhost`, which no build has host permission for.
  const otherOrigin = E2E_SANDBOX.replace('127.0.0.1', 'localhost');
  const before = await worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id));
  const page = await context.newPage();
  await page.goto(`${otherOrigin}/pages/contact`);
  const selected = await select(page, '#message');
  const tabId = await worker.evaluate(async (known) => (await chrome.tabs.query({})).map((t) => t.id).find((id) => !known.includes(id)), before);
  const opened = context.waitForEvent('page');
  // A dispatched click grants no activeTab, as a person's real click on such a page would not without the menu.
  await worker.evaluate(
    ({ tabId, url, selectionText }) =>
      chrome.contextMenus.onClicked.dispatch(
        { menuItemId: 'capture-lead', selectionText, pageUrl: url, editable: false },
        { id: tabId, url, title: 'Contact us', index: 0 },
      ),
    { tabId, url: page.url(), selectionText: selected },
  );
  const win = await opened;
  await win.waitForLoadState();
  expect(win.url()).toMatch(/\/capture-window\.html\?id=/);
  await expect(field(win, 'Message')).toHaveValue(/injured in a car accident on Route 9/);
  await expect(field(win, 'Page address')).toHaveValue(`${otherOrigin}/pages/contact`);
  expect(captureFrames(page)).toHaveLength(0); // nothing was injected into the page
  expect(await page.locator('clio-capture-lead').count()).toBe(0);
  await screenshot(win, 'capture-window-no-grant');
});

test('on that origin, after the person presses the toolbar button (a real activeTab grant), the right-click opens the dialog in the page', async ({
  context,
  worker,
  extensionId,
  extensionPage,
}) => {
  await connectGrow(extensionPage);
  const otherOrigin = E2E_SANDBOX.replace('127.0.0.1', 'localhost');
  const before = await worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id));
  const page = await context.newPage();
  await page.goto(`${otherOrigin}/pages/contact`);
  const selected = await select(page, '#message');
  const tabId = await worker.evaluate(async (known) => (await chrome.tabs.query({})).map((t) => t.id).find((id) => !known.includes(id)), before);
  await pressToolbarButton(context, extensionId, page.url());
  await worker.evaluate(
    ({ tabId, url, selectionText }) =>
      chrome.contextMenus.onClicked.dispatch(
        { menuItemId: 'capture-lead', selectionText, pageUrl: url, editable: false },
        { id: tabId, url, title: 'Contact us', index: 0 },
      ),
    { tabId, url: page.url(), selectionText: selected },
  );
  const dialog = await captureDialog(page);
  await expect(field(dialog, 'Last name')).toHaveValue('Okafor');
  await expect(field(dialog, 'Page address')).toHaveValue(`${otherOrigin}/pages/contact`);
  await dialog.getByRole('button', { name: 'Send to Clio Grow' }).click();
  await expect(dialog.getByRole('status')).toContainText('Sent to Clio Grow');
  expect((await sandbox.state()).leads).toHaveLength(1);
});
