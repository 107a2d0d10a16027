import type { Page } from '@playwright/test';
import { clioAsUser } from './clio-as-user';
import { expect, openPopup, pickMatter, screenshot, signedIn, signInThroughClio, test } from './fixtures';
import { sandbox } from './sandbox-admin';

async function logTimeForm(popup: Page, matterNumber: string) {
  await popup.getByRole('tab', { name: 'Log time' }).click();
  await pickMatter(popup, matterNumber);
  // The pick asks the Activity list's rates (1 request): answered before a test arranges faults or reads the log.
  await expect(popup.getByRole('combobox', { name: 'Activity' }).locator('option').nth(1)).toHaveText(/\/h$/);
}

const apiPosts = async () => (await sandbox.log()).filter((r) => r.method === 'POST' && r.path.startsWith('/api/v4/activities'));

test('1h30m is saved as 5,400 seconds with one request, and says so', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await logTimeForm(popup, matter!.display_number);
  await popup.getByRole('textbox', { name: 'Duration' }).fill('1h30m');
  await expect(popup.getByText('= 1 h 30 min')).toBeVisible();
  await popup.getByRole('combobox', { name: 'Activity' }).selectOption({ index: 1 });
  await popup.getByRole('textbox', { name: 'Description' }).fill('Call with opposing counsel');
  await popup.getByRole('checkbox', { name: 'Non-billable' }).check();
  await screenshot(popup, 'popup-time-entry-filled');
  await sandbox.clearLog();
  await popup.getByRole('button', { name: 'Save time entry' }).click();

  await expect(popup.getByRole('status')).toContainText('Saved 1 h 30 min');
  await expect(popup.getByRole('link', { name: 'Open in Clio' })).toHaveAttribute('href', new RegExp(`/matters/${matter!.id}$`));
  const [entry] = (await sandbox.state()).createdActivities;
  expect(entry).toMatchObject({ quantity: 5400, note: 'Call with opposing counsel', non_billable: true, matter: { id: matter!.id } });
  expect((await sandbox.log()).filter((r) => r.path.startsWith('/api/v4'))).toHaveLength(1);
  await expect(popup.getByRole('textbox', { name: 'Duration' })).toHaveValue('');
  await screenshot(popup, 'popup-time-entry-saved');
});

test('a duration that makes no sense is refused at the field and nothing is sent', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await logTimeForm(popup, matter!.display_number);
  const duration = popup.getByRole('textbox', { name: 'Duration' });
  await duration.fill('25');
  await expect(popup.getByText('That is more than 24 hours. Did you mean 25m?')).toBeVisible();
  await sandbox.clearLog();
  await popup.getByRole('button', { name: 'Save time entry' }).click();
  await expect(duration).toHaveAttribute('aria-invalid', 'true');
  await expect(popup.getByRole('status')).toContainText('fix the fields');
  expect(await apiPosts()).toHaveLength(0);
  await screenshot(popup, 'popup-time-entry-invalid');
});

test('a 422 from Clio shows at the field it names and keeps the input', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await sandbox.config({ lockDate: '2026-01-01' });
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await logTimeForm(popup, matter!.display_number);
  await popup.getByLabel('Date').fill('2025-12-15');
  await popup.getByRole('textbox', { name: 'Duration' }).fill('0.5');
  await popup.getByRole('button', { name: 'Save time entry' }).click();
  await expect(popup.getByText(/Date is before the firm's billing lock date/).first()).toBeVisible();
  await expect(popup.getByLabel('Date')).toHaveAttribute('aria-invalid', 'true');
  await expect(popup.getByRole('textbox', { name: 'Duration' })).toHaveValue('0.5');
  expect((await sandbox.state()).createdActivities).toHaveLength(0);
  await screenshot(popup, 'popup-time-entry-422');
});

test('typed input survives closing and reopening the popup', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  let popup = await openPopup(extensionPage);
  await logTimeForm(popup, matter!.display_number);
  await popup.getByRole('textbox', { name: 'Duration' }).fill('1:15');
  await popup.getByRole('textbox', { name: 'Description' }).fill('Half-typed note');
  await popup.close();
  popup = await openPopup(extensionPage);
  await expect(popup.getByRole('tab', { name: 'Log time' })).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByRole('combobox', { name: 'Matter' })).toHaveValue(new RegExp(`^${matter!.display_number}`));
  await expect(popup.getByRole('textbox', { name: 'Duration' })).toHaveValue('1:15');
  await expect(popup.getByRole('textbox', { name: 'Description' })).toHaveValue('Half-typed note');
});

test('with connections dropping, an entry goes pending and arrives exactly once', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await logTimeForm(popup, matter!.display_number);
  await popup.getByRole('textbox', { name: 'Duration' }).fill('45m');
  await popup.getByRole('textbox', { name: 'Description' }).fill('Drafted motion');
  // The first request dies before Clio sees it, the second (the look-up) too, then one arrives but its answer is lost.
  await sandbox.faults({ dropBefore: 2, dropAfter: 1, scope: 'manage' });
  await popup.getByRole('button', { name: 'Save time entry' }).click();
  await expect(popup.getByRole('status')).toContainText('can’t be reached');
  await popup.getByRole('tab', { name: 'Today' }).click();
  await screenshot(popup, 'popup-today-pending');

  await expect.poll(async () => (await sandbox.state()).createdActivities.length, { timeout: 30_000 }).toBe(1);
  await expect(popup.getByText('Drafted motion')).toBeVisible({ timeout: 30_000 });
  await expect(popup.getByText(/Pending/)).toHaveCount(0, { timeout: 30_000 });
  await popup.waitForTimeout(2000);
  const created = (await sandbox.state()).createdActivities;
  expect(created).toHaveLength(1);
  expect(created[0]).toMatchObject({ quantity: 2700, note: 'Drafted motion' });
  await screenshot(popup, 'popup-today-delivered');
});

test('Today lists today’s time with its total; an edit that lost a race reloads and says so', async ({ extensionPage, worker }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await logTimeForm(popup, matter!.display_number);
  await popup.getByRole('textbox', { name: 'Duration' }).fill('1.25');
  await popup.getByRole('textbox', { name: 'Description' }).fill('Research');
  await popup.getByRole('button', { name: 'Save time entry' }).click();
  await expect(popup.getByRole('status')).toContainText('Saved');
  await popup.getByRole('tab', { name: 'Today' }).click();
  await expect(popup.getByText('Research')).toBeVisible();
  // The total is every time entry of mine dated today in Clio.
  const me = (await sandbox.state()).users[0]!;
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
  const mine = (await clioAsUser(worker, 'GET', `/activities.json?fields=quantity&type=TimeEntry&user_id=${me.id}&start_date=${date}&end_date=${date}`)) as {
    data: Array<{ quantity: number }>;
  };
  const seconds = mine.data.reduce((s, a) => s + a.quantity, 0);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  await expect(popup.getByText(/^Today:/)).toContainText(`${h ? `${h} h` : ''}${h && m ? ' ' : ''}${m ? `${m} min` : ''}`);
  await screenshot(popup, 'popup-today');

  // Edit in place: the duration.
  await popup.getByRole('button', { name: /^Edit 1 h 15 min/ }).click();
  await popup.getByRole('textbox', { name: 'Duration' }).fill('1.5');
  await popup.getByRole('button', { name: 'Save changes' }).click();
  await expect(popup.getByRole('status')).toContainText('Saved.');
  expect((await sandbox.state()).createdActivities[0]!.quantity).toBe(5400);

  // Someone changes it in Clio while it is open for editing here.
  await popup.getByRole('button', { name: /^Edit 1 h 30 min/ }).click();
  const [entry] = (await sandbox.state()).createdActivities;
  await clioAsUser(worker, 'PATCH', `/activities/${entry!.id}.json?fields=id`, { data: { note: 'Changed in Clio' } });
  await popup.getByRole('textbox', { name: 'Description' }).fill('My edit');
  await popup.getByRole('button', { name: 'Save changes' }).click();
  await expect(popup.getByRole('status')).toContainText('changed elsewhere');
  await expect(popup.getByText('Changed in Clio')).toBeVisible();
  expect((await sandbox.state()).createdActivities[0]!.note).toBe('Changed in Clio');
});

test('signing out keeps entries still waiting, says so, and sends them after the next sign-in', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await logTimeForm(popup, matter!.display_number);
  await popup.getByRole('textbox', { name: 'Duration' }).fill('10m');
  await popup.getByRole('textbox', { name: 'Description' }).fill('Kept across sign-out');
  await sandbox.faults({ fail5xx: 1000, scope: 'manage' });
  await popup.getByRole('button', { name: 'Save time entry' }).click();
  await expect(popup.getByRole('status')).toContainText('can’t be reached');

  const options = await extensionPage('options.html');
  await options.getByRole('button', { name: 'Sign out' }).click();
  await expect(options.getByRole('status').first()).toContainText('One entry is still waiting');
  await sandbox.clearFaults();
  expect((await sandbox.state()).createdActivities).toHaveLength(0);

  await signInThroughClio(options);
  await expect.poll(async () => (await sandbox.state()).createdActivities.map((a) => a.note), { timeout: 20_000 }).toEqual(['Kept across sign-out']);
});
