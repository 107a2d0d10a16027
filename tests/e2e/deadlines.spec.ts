/**
 * "Add deadline": the `add-deadline` menu click on a selection (dispatched from the service worker, as Chrome would),
 * the dialog's frame over the page, and what lands in the sandbox: a task due 21 days after a changed service date, a
 * calendar entry at 10:00 in the user's zone, both listed by the matter's "Deadlines"; Clio's refusal at its field;
 * and the side panel's "Add deadline" for a matter.
 */
import type { Page } from '@playwright/test';
import { dialogFrame, field, openPage, rightClickMenu, selectWords } from './capture-helpers';
import { expect, openMatterDetail, pickMatter, screenshot, signedIn, test } from './fixtures';
import { sandbox } from './sandbox-admin';

/** The extension API inside the worker (evaluated there, not in Node). */
declare const chrome: { windows: { create(o: { url: string; type: string; width: number; height: number }): Promise<unknown> } };

async function deadlineDialog(page: Page) {
  return (await dialogFrame(page, 'deadline-window')).getByRole('dialog', { name: 'Add deadline' });
}

test('a task from a span with a changed service date, and a calendar entry for a hearing; the matter lists both', async ({
  context,
  worker,
  extensionPage,
}) => {
  await signedIn(extensionPage);
  const [matter] = await sandbox.matters();
  const page = await openPage(context, 'docket');

  await rightClickMenu(worker, page, 'add-deadline', await selectWords(page, 'table', 'Response due within 21 days of service'));
  let dialog = await deadlineDialog(page);
  await expect(dialog.getByRole('radio', { name: 'Task', exact: true })).toBeChecked();
  // The span is read and chosen, counted from today until the service date is given.
  const span = dialog.getByRole('radio', { name: /from “within 21 days of service”/ });
  await expect(span).toBeChecked();
  await expect(dialog.getByText('Counted from the base date.')).toBeVisible();
  await field(dialog, 'Base date').fill('2026-12-01');
  await expect(field(dialog, 'Date')).toHaveValue('2026-12-22');
  await expect(dialog.getByText('Tuesday, December 22, 2026', { exact: true })).toBeVisible();
  await expect(field(dialog, 'Name')).toHaveValue('Response due within 21 days of service');
  await expect(dialog.getByRole('combobox', { name: 'Assignee' })).toHaveValue('');
  await expect(dialog.getByRole('combobox', { name: 'Assignee' }).getByRole('option').first()).toHaveText('Me (Margaret Whitfield)');
  await pickMatter(dialog, matter!.display_number);
  await dialog.getByRole('checkbox', { name: 'Statute of limitations' }).check();
  await screenshot(page, 'deadline-task');
  // Nothing is created before "Add to Clio".
  expect((await sandbox.state()).tasks).toEqual([]);
  await dialog.getByRole('button', { name: 'Add to Clio' }).click();
  await expect(dialog.getByRole('status')).toContainText('Task added to Clio, due Tuesday, December 22, 2026.');
  await expect(dialog.getByRole('status').getByRole('link', { name: 'Open in Clio' })).toBeVisible();
  const { tasks } = await sandbox.state();
  expect(tasks).toEqual([
    expect.objectContaining({
      name: 'Response due within 21 days of service',
      due_at: '2026-12-22',
      statute_of_limitations: true,
      matter: { id: matter!.id },
      assignee: expect.objectContaining({ id: 1001 }),
    }),
  ]);
  expect(tasks[0]!.description).toBe(`Response due within 21 days of service\n\n${page.url()}`);
  await dialog.getByRole('button', { name: 'Done' }).click();

  await rightClickMenu(worker, page, 'add-deadline', await selectWords(page, '#hearing', 'Hearing set for January 5, 2027 at 10:00 a.m. in Courtroom 4B.'));
  dialog = await deadlineDialog(page);
  await expect(dialog.getByRole('radio', { name: 'Calendar entry', exact: true })).toBeChecked();
  await expect(field(dialog, 'Date')).toHaveValue('2027-01-05');
  await expect(field(dialog, 'Time')).toHaveValue('10:00');
  await expect(dialog.getByText('Tuesday, January 5, 2027', { exact: true })).toBeVisible();
  await field(dialog, 'Name').fill('Hearing on the motion to compel');
  await field(dialog, 'Location').fill('Courtroom 4B');
  await expect(dialog.getByRole('checkbox', { name: 'All day' })).not.toBeChecked();
  await pickMatter(dialog, matter!.display_number);
  await screenshot(page, 'deadline-calendar-entry');
  await dialog.getByRole('button', { name: 'Add to Clio' }).click();
  await expect(dialog.getByRole('status')).toContainText('Calendar entry added to Clio for Tuesday, January 5, 2027, 10:00.');
  const { calendarEntries } = await sandbox.state();
  expect(calendarEntries).toHaveLength(1);
  expect(calendarEntries[0]).toMatchObject({
    summary: 'Hearing on the motion to compel',
    location: 'Courtroom 4B',
    all_day: false,
    matter: { id: matter!.id },
  });
  // 10:00 in the user's Clio zone (New York, in January UTC−5).
  expect(Date.parse(calendarEntries[0]!.start_at)).toBe(Date.parse('2027-01-05T15:00:00Z'));
  expect(Date.parse(calendarEntries[0]!.end_at)).toBe(Date.parse('2027-01-05T16:00:00Z'));

  const panel = await extensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 400, height: 900 });
  await openMatterDetail(panel, matter!.display_number);
  const section = panel.getByRole('region', { name: 'Deadlines' });
  await section.getByRole('button', { name: 'Deadlines' }).click();
  await expect(section.getByRole('list', { name: 'Open tasks' }).getByRole('listitem')).toHaveText([
    /Dec 22, 2026\s*Response due within 21 days of service\s*Statute of limitations/,
  ]);
  await expect(section.getByRole('list', { name: 'Calendar' }).getByRole('listitem')).toHaveText([/Jan 5, 2027, 10:00\sAM\s*Hearing on the motion to compel/]);
});

test('Clio’s refusal shows at its field, and nothing was lost', async ({ context, worker, extensionPage }) => {
  await signedIn(extensionPage);
  const [matter] = await sandbox.matters();
  const page = await openPage(context, 'docket');
  await rightClickMenu(worker, page, 'add-deadline', await selectWords(page, 'table', 'Response due within 21 days of service'));
  const dialog = await deadlineDialog(page);
  await pickMatter(dialog, matter!.display_number);
  // The sandbox, as Clio, refuses a name over 255 characters.
  await field(dialog, 'Name').fill('Response '.repeat(30));
  await dialog.getByRole('button', { name: 'Add to Clio' }).click();
  await expect(dialog.getByRole('status')).toContainText('Clio did not accept this. See the marked field');
  await expect(field(dialog, 'Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(/Name is too long/)).toBeVisible();
  await screenshot(page, 'deadline-refused');
  expect((await sandbox.state()).tasks).toEqual([]);
  // Mended, it goes.
  await field(dialog, 'Name').fill('Response to the order');
  await dialog.getByRole('button', { name: 'Add to Clio' }).click();
  await expect(dialog.getByRole('status')).toContainText('Task added to Clio');
  expect((await sandbox.state()).tasks.map((t) => t.name)).toEqual(['Response to the order']);
});

test('"Add deadline" in the side panel opens the dialog over the window’s page, for that matter', async ({ context, worker, extensionId, extensionPage }) => {
  await signedIn(extensionPage);
  const page = await openPage(context, 'docket');
  await page.bringToFront();
  const panelOpened = context.waitForEvent('page', (p) => p.url().includes('/sidepanel.html'));
  await worker.evaluate((url) => chrome.windows.create({ url, type: 'popup', width: 420, height: 900 }), `chrome-extension://${extensionId}/sidepanel.html`);
  const panel = await panelOpened;
  const [, matter] = await sandbox.matters();
  await openMatterDetail(panel, matter!.display_number);
  await page.bringToFront();

  await panel.getByRole('button', { name: 'Add deadline' }).click();
  const dialog = await deadlineDialog(page);
  await expect(dialog.getByRole('combobox', { name: 'Matter' })).toHaveValue(new RegExp(`^${matter!.display_number}`));
  await expect(dialog.getByText('No date found in the selection: enter the date.')).toBeVisible();
  await field(dialog, 'Name').fill('Call opposing counsel');
  await field(dialog, 'Date').fill('2027-02-01');
  await expect(dialog.getByText('Monday, February 1, 2027', { exact: true })).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Priority' }).selectOption({ label: 'High' });
  await dialog.getByRole('button', { name: 'Add to Clio' }).click();
  await expect(dialog.getByRole('status')).toContainText('Task added to Clio, due Monday, February 1, 2027.');
  expect((await sandbox.state()).tasks).toEqual([
    expect.objectContaining({ name: 'Call opposing counsel', due_at: '2027-02-01', priority: 'High', matter: { id: matter!.id } }),
  ]);
});
