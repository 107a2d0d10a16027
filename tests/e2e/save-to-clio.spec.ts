/**
 * "Save to Clio": the `file-to-matter` menu click (dispatched from the service worker, as Chrome would), the
 * dialog's frame over the page, and what lands in the sandbox: a copy of the page or a PDF as a document through
 * the three-step upload (on the sandbox's separate upload origin), a communication with a linked time entry, a
 * matter note. Exactly once, with connections dropped at each step of the upload.
 */
import type { Page, Worker } from '@playwright/test';
import { dialogFrame, dialogFrames, field, openPage, PAGES, rightClickMenu, select } from './capture-helpers';
import { expect, openMatterDetail, pickMatter, screenshot, signedIn, test } from './fixtures';
import { sandbox } from './sandbox-admin';

/** The extension API inside the worker (evaluated there, not in Node). */
declare const chrome: {
  tabs: { query(q: { url?: string }): Promise<Array<{ id?: number; url?: string }>> };
  contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
  windows: { create(o: { url: string; type: string; width: number; height: number }): Promise<unknown> };
};

const SAVE = 'file-to-matter';

async function saveDialog(page: Page) {
  return (await dialogFrame(page, 'save-window')).getByRole('dialog', { name: 'Save to Clio' });
}

/** Opens the dialog over `name` (with `selector` selected, if given) and picks the first open matter. */
async function openSave(worker: Worker, page: Page, opts: { selector?: string; extra?: Record<string, unknown> } = {}) {
  const selected = opts.selector ? await select(page, opts.selector) : '';
  await rightClickMenu(worker, page, SAVE, selected, opts.extra);
  const dialog = await saveDialog(page);
  await expect(dialog).toBeVisible();
  const [matter] = await sandbox.matters();
  await pickMatter(dialog, matter!.display_number);
  return { dialog, matter: matter! };
}

test('a page saved as a document: its copy in Clio opens as the page, with its styles and without its scripts', async ({ context, worker, extensionPage }) => {
  await signedIn(extensionPage);
  const page = await openPage(context, 'docket');
  const { dialog, matter } = await openSave(worker, page);
  await expect(dialog.getByRole('checkbox', { name: 'Save a copy of the page' })).toBeChecked();
  await expect(field(dialog, 'Document name')).toHaveValue(/^Docket 2026-CV-0142 — Superior Court \(\d{4}-\d{2}-\d{2}\)$/);
  await expect(dialog.getByText(/A copy of the page \(\d+ kB\) is ready/)).toBeVisible();
  await field(dialog, 'Document name').fill('Docket 142');
  await screenshot(page, 'save-page');
  await sandbox.clearLog();
  await dialog.getByRole('button', { name: 'Save to Clio' }).click();
  await expect(dialog.getByRole('status').last()).toContainText('Document saved to Clio.');
  await screenshot(page, 'save-page-saved');

  const { documents } = await sandbox.state();
  expect(documents).toHaveLength(1);
  expect(documents[0]).toMatchObject({ name: 'Docket 142', matter: { id: matter.id } });
  expect(documents[0]!.versions.at(-1)).toMatchObject({ fully_uploaded: true, content_type: 'text/html', filename: 'Docket 142.html' });
  // Three Clio requests and the upload, which carries no token of ours.
  const log = await sandbox.log();
  const clio = log.filter((r) => r.path.startsWith('/api/v4/documents'));
  expect(clio.map((r) => r.method)).toEqual(['POST', 'PATCH']);
  const { bytes } = await sandbox.documentBytes(documents[0]!.id);
  const html = bytes.toString('utf8');
  expect(html).toContain('Okafor v. Harlan Logistics');
  expect(html).not.toMatch(/<script|onclick|__docketScriptRan/i);

  // Opened as a page (offline: nothing it refers to is fetched), it looks like the page and runs nothing.
  const copy = await context.newPage();
  const fetched: string[] = [];
  await copy.route('**/*', (route) => {
    fetched.push(route.request().url());
    return route.abort();
  });
  await copy.setContent(html);
  await expect(copy.locator('h1')).toHaveCSS('color', 'rgb(120, 20, 20)');
  await expect(copy.getByRole('link', { name: 'Order on motion to compel' })).toHaveAttribute('href', `${PAGES}/order-on-motion.pdf`);
  expect(await copy.evaluate(() => (window as { __docketScriptRan?: boolean }).__docketScriptRan)).toBeUndefined();
  expect(fetched).toEqual([]);
  await screenshot(copy, 'save-page-copy');
});

test('the same page saved twice on a matter: one document, and the dialog says it is already there', async ({ context, worker, extensionPage }) => {
  await signedIn(extensionPage);
  const page = await openPage(context, 'docket');
  for (const round of [1, 2]) {
    const { dialog } = await openSave(worker, page);
    await expect(dialog.getByText(/A copy of the page .* is ready/)).toBeVisible();
    await field(dialog, 'Document name').fill('Docket 142');
    await dialog.getByRole('button', { name: 'Save to Clio' }).click();
    await expect(dialog.getByRole('status').last()).toContainText(round === 1 ? 'Document saved to Clio.' : 'already saved on this matter');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dialogFrames(page, 'save-window').length).toBe(0);
  }
  expect((await sandbox.state()).documents).toHaveLength(1);
});

test('a linked PDF and a PDF open in its tab are saved as their own bytes', async ({ context, worker, extensionPage }) => {
  await signedIn(extensionPage);
  const pdfUrl = `${PAGES}/order-on-motion.pdf`;
  const original = Buffer.from(await (await fetch(pdfUrl)).arrayBuffer());
  const page = await openPage(context, 'docket');
  const { dialog } = await openSave(worker, page, { extra: { linkUrl: pdfUrl } });
  await expect(dialog.getByRole('checkbox', { name: 'Save the PDF' })).toBeChecked();
  await expect(field(dialog, 'Document name')).toHaveValue(/^order-on-motion \(/);
  await expect(dialog.getByText(/The PDF \(\d+ kB\) is ready/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Save to Clio' }).click();
  await expect(dialog.getByRole('status').last()).toContainText('Document saved to Clio.');
  let { documents } = await sandbox.state();
  expect(documents).toHaveLength(1);
  expect((await sandbox.documentBytes(documents[0]!.id)).bytes.equals(original)).toBe(true);

  // A PDF in its own tab: the browser's viewer takes no script, so the dialog opens in a window.
  const windowOpened = context.waitForEvent('page', (p) => p.url().includes('/save-window.html'));
  await worker.evaluate(
    async ({ pdfUrl }) => {
      const [tab] = await chrome.tabs.query({ url: pdfUrl });
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'file-to-matter', pageUrl: pdfUrl, editable: false }, tab ?? { id: -1, url: pdfUrl, title: '' });
    },
    { pdfUrl },
  );
  const win = await windowOpened;
  const form = win.getByRole('main', { name: 'Save to Clio' });
  await expect(form.getByRole('checkbox', { name: 'Save the PDF' })).toBeChecked();
  await expect(form.getByText(/The PDF .* is ready/)).toBeVisible();
  const [matter] = await sandbox.matters();
  await pickMatter(form, matter!.display_number);
  await field(form, 'Document name').fill('Order (tab)');
  await screenshot(win, 'save-pdf-window');
  await form.getByRole('button', { name: 'Save to Clio' }).click();
  // The same bytes on the same matter: recognised locally, not uploaded again.
  await expect(form.getByRole('status').last()).toContainText('already saved on this matter');
  ({ documents } = await sandbox.state());
  expect(documents).toHaveLength(1);
});

test('a selection logged as a communication with 0.3 h, its time entry linked to it; and a matter note', async ({ context, worker, extensionPage }) => {
  await signedIn(extensionPage);
  const page = await openPage(context, 'webmail');
  const { dialog, matter } = await openSave(worker, page, { selector: '.message-body' });
  await dialog.getByRole('checkbox', { name: 'Save a copy of the page' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Log as communication' }).check();
  await expect(field(dialog, 'Text')).toHaveValue(/locked us out of the Elm Street warehouse/);
  await field(dialog, 'Subject').fill('Warehouse lock-out');
  await field(dialog, 'Duration').fill('0.3');
  await screenshot(page, 'save-communication');
  await dialog.getByRole('button', { name: 'Save to Clio' }).click();
  await expect(dialog.getByRole('status').last()).toContainText('Communication saved to Clio.');
  const { communications } = await sandbox.state();
  expect(communications).toHaveLength(1);
  expect(communications[0]).toMatchObject({ type: 'EmailCommunication', subject: 'Warehouse lock-out', matter: { id: matter.id } });
  expect(communications[0]!.body).toMatch(/Elm Street warehouse/);
  expect(communications[0]!.time_entries).toEqual([{ id: expect.any(Number), quantity: 1080 }]);
  await dialog.getByRole('button', { name: 'Done' }).click();

  const second = await openSave(worker, page, { selector: '.message-body' });
  await second.dialog.getByRole('checkbox', { name: 'Save a copy of the page' }).uncheck();
  await second.dialog.getByRole('checkbox', { name: 'Add as note' }).check();
  await field(second.dialog, 'Subject').fill('Call about the lock-out');
  await second.dialog.getByRole('button', { name: 'Save to Clio' }).click();
  await expect(second.dialog.getByRole('status').last()).toContainText('Note saved to Clio.');
  const { notes } = await sandbox.state();
  expect(notes).toEqual([expect.objectContaining({ type: 'Matter', subject: 'Call about the lock-out', matter: { id: matter.id }, contact: null })]);
});

for (const step of [
  { name: 'the create', faults: { dropAfter: 1, scope: 'manage', method: 'POST', pathPrefix: '/api/v4/documents' } },
  { name: 'the upload', faults: { dropAfter: 1, scope: 'upload' } },
  { name: 'the completion', faults: { dropAfter: 1, scope: 'manage', method: 'PATCH', pathPrefix: '/api/v4/documents' } },
]) {
  test(`a connection dropped after ${step.name} arrived: exactly one fully uploaded document`, async ({ context, worker, extensionPage }) => {
    await signedIn(extensionPage);
    const page = await openPage(context, 'docket');
    const { dialog } = await openSave(worker, page);
    await expect(dialog.getByText(/A copy of the page .* is ready/)).toBeVisible();
    await sandbox.faults(step.faults);
    await dialog.getByRole('button', { name: 'Save to Clio' }).click();
    await expect(dialog.getByRole('status').last()).toContainText('Document saved to Clio.', { timeout: 30_000 });
    // Exactly one fully uploaded document. (Chromium itself may send a POST again when a reused connection drops
    // before any answer: Clio then holds an unfinished version that Clio's lists do not show, as the sandbox's don't.)
    const { documents } = await sandbox.state();
    expect(documents.filter((d) => d.versions.some((v) => v.fully_uploaded))).toHaveLength(1);
    expect(documents.flatMap((d) => d.versions).filter((v) => v.fully_uploaded)).toHaveLength(1);
  });
}

test('"Save this page" in the side panel: for a page the extension may not script, the dialog opens in a window for that matter', async ({
  context,
  worker,
  extensionId,
  extensionPage,
}) => {
  await signedIn(extensionPage);
  // The sandbox's second origin, which no build has host permission for: a click in the panel grants none either.
  const page = await context.newPage();
  await page.goto(`${PAGES.replace('127.0.0.1', 'localhost')}/docket`);
  await page.bringToFront();
  // The panel in a window of its own, as beside the page.
  const panelOpened = context.waitForEvent('page', (p) => p.url().includes('/sidepanel.html'));
  await worker.evaluate((url) => chrome.windows.create({ url, type: 'popup', width: 420, height: 900 }), `chrome-extension://${extensionId}/sidepanel.html`);
  const panel = await panelOpened;
  const [matter] = await sandbox.matters();
  await openMatterDetail(panel, matter!.display_number);
  await page.bringToFront();

  const windowOpened = context.waitForEvent('page', (p) => p.url().includes('/save-window.html'));
  await panel.getByRole('button', { name: 'Save this page' }).click();
  const win = await windowOpened;
  const form = win.getByRole('main', { name: 'Save to Clio' });
  await expect(form.getByRole('combobox', { name: 'Matter' })).toHaveValue(new RegExp(`^${matter!.display_number}`));
  await expect(form.getByRole('checkbox', { name: 'Save a copy of the page' })).toBeDisabled();
  await expect(form.getByText(/can’t be copied from here/)).toBeVisible();
  expect(dialogFrames(page, 'save-window')).toHaveLength(0);
  await form.getByRole('checkbox', { name: 'Add as note' }).check();
  // Without access to the page the panel cannot know its title either: the person names the note.
  await field(form, 'Subject').fill('Docket reviewed');
  await field(form, 'Text').fill('Reviewed the docket; order due for response.');
  await screenshot(win, 'save-window-from-panel');
  await form.getByRole('button', { name: 'Save to Clio' }).click();
  await expect(form.getByRole('status').last()).toContainText('Note saved to Clio.');
  const { notes } = await sandbox.state();
  expect(notes).toEqual([expect.objectContaining({ subject: 'Docket reviewed', matter: { id: matter!.id } })]);
});
