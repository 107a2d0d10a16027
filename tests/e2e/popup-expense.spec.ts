import type { Page } from '@playwright/test';
import { clioAsUser } from './clio-as-user';
import { expect, openPopup, pickMatter, screenshot, signedIn, test } from './fixtures';
import { sandbox } from './sandbox-admin';

async function expenseForm(popup: Page, matterNumber: string) {
  await popup.getByRole('tab', { name: 'Expense' }).click();
  await pickMatter(popup, matterNumber);
}

const apiRequests = async () => (await sandbox.log()).filter((r) => r.path.startsWith('/api/v4'));

test('an expense typed as "$1,234.56" × 2 is saved with one request, the body Clio gets is the price, quantity and category', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await sandbox.clearLog();
  await expenseForm(popup, matter!.display_number);
  // The categories and the currency were cached at sign-in: the tab asks Clio nothing.
  await popup.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Court filing fee' });
  const amount = popup.getByRole('textbox', { name: 'Amount' });
  await amount.fill('12..5');
  await expect(popup.getByText('“12..5” is not an amount. Try 12.50.')).toBeVisible();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await amount.fill('$1,234.56');
  await popup.getByRole('textbox', { name: 'Quantity' }).fill('2');
  await expect(popup.getByText('Total: $2,469.12')).toBeVisible();
  await expect(popup.getByText('USD', { exact: true })).toBeVisible();
  await popup.getByRole('textbox', { name: 'Description' }).fill('E-filing fee, motion to compel');
  await popup.getByRole('checkbox', { name: 'Non-billable' }).check();
  // (Opening the popup may check the timer: that is the popup's one request, not the form's.)
  expect((await apiRequests()).filter((r) => !r.path.startsWith('/api/v4/timer'))).toEqual([]);
  await screenshot(popup, 'popup-expense-filled');

  await sandbox.clearLog();
  await popup.getByRole('button', { name: 'Save expense' }).click();
  await expect(popup.getByRole('status')).toContainText(`Saved $2,469.12 to ${matter!.display_number}`);
  await expect(popup.getByRole('link', { name: 'Open in Clio' })).toHaveAttribute('href', new RegExp(`/matters/${matter!.id}$`));
  const posts = (await apiRequests()).filter((r) => r.method === 'POST');
  expect(posts).toHaveLength(1);
  expect(posts[0]!.body).toEqual({
    data: {
      type: 'ExpenseEntry',
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      price: 1234.56,
      quantity: 2,
      note: 'E-filing fee, motion to compel',
      matter: { id: matter!.id },
      non_billable: true,
      expense_category: { id: 601 },
    },
  });
  expect(await apiRequests()).toHaveLength(1);
  const [made] = (await sandbox.state()).createdActivities;
  expect(made).toMatchObject({ type: 'ExpenseEntry', price: 1234.56, quantity: 2, expense_category: { id: 601 }, non_billable: true });
  await expect(popup.getByRole('textbox', { name: 'Amount' })).toHaveValue('');
  await screenshot(popup, 'popup-expense-saved');

  // Today: the expense beside time, with its own total.
  await popup.getByRole('tab', { name: 'Today' }).click();
  await expect(popup.getByText('Expenses today: $2,469.12')).toBeVisible();
  await expect(popup.getByRole('list', { name: 'Expense' })).toContainText('Court filing fee · E-filing fee, motion to compel');
  await screenshot(popup, 'popup-today-expenses');
});

test('an expense on a matter with its own currency shows that currency; another matter the firm’s; no request', async ({ extensionPage }) => {
  const [euro, dollar] = await sandbox.matters('', 'Open');
  await sandbox.editMatter(euro!.id, { currency: 'EUR' }); // set in Clio before the index is built
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await sandbox.clearLog();
  await expenseForm(popup, euro!.display_number);
  await popup.getByRole('textbox', { name: 'Amount' }).fill('12.50');
  await expect(popup.getByText('EUR', { exact: true })).toBeVisible();
  await expect(popup.getByText('Total: €12.50')).toBeVisible();
  await screenshot(popup, 'popup-expense-matter-currency');

  await expenseForm(popup, dollar!.display_number);
  await expect(popup.getByText('USD', { exact: true })).toBeVisible();
  await expect(popup.getByText('Total: $12.50')).toBeVisible();
  // The matter's currency comes from the local index: picking asks Clio nothing.
  expect((await apiRequests()).filter((r) => !r.path.startsWith('/api/v4/timer'))).toEqual([]);

  await popup.getByRole('button', { name: 'Save expense' }).click();
  await expect(popup.getByRole('status')).toContainText(`Saved $12.50 to ${dollar!.display_number}`);
});

test('a 422 from Clio shows at the field it names and keeps the input', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await sandbox.config({ lockDate: '2026-01-01' });
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await expenseForm(popup, matter!.display_number);
  await popup.getByLabel('Date').fill('2025-12-15');
  await popup.getByRole('textbox', { name: 'Amount' }).fill('12,50');
  await expect(popup.getByText('Total: $12.50')).toBeVisible();
  await popup.getByRole('button', { name: 'Save expense' }).click();
  await expect(popup.getByText(/Date is before the firm's billing lock date/).first()).toBeVisible();
  await expect(popup.getByLabel('Date')).toHaveAttribute('aria-invalid', 'true');
  await expect(popup.getByRole('status')).toContainText('Clio did not accept this expense');
  await expect(popup.getByRole('textbox', { name: 'Amount' })).toHaveValue('12,50');
  expect((await sandbox.state()).createdActivities).toHaveLength(0);
  await screenshot(popup, 'popup-expense-422');
});

test('with connections dropping, an expense goes pending and arrives exactly once', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await expenseForm(popup, matter!.display_number);
  await popup.getByRole('textbox', { name: 'Amount' }).fill('45');
  await popup.getByRole('textbox', { name: 'Description' }).fill('Records request');
  // The first request dies before Clio sees it, the second (the look-up) too, then one arrives but its answer is lost.
  await sandbox.faults({ dropBefore: 2, dropAfter: 1, scope: 'manage' });
  await popup.getByRole('button', { name: 'Save expense' }).click();
  await expect(popup.getByRole('status')).toContainText('can’t be reached');
  await popup.getByRole('tab', { name: 'Today' }).click();
  await expect(popup.getByRole('list', { name: 'Expense' })).toContainText('$45.00');
  await screenshot(popup, 'popup-today-expense-pending');

  await expect.poll(async () => (await sandbox.state()).createdActivities.length, { timeout: 30_000 }).toBe(1);
  await expect(popup.getByText('Records request')).toBeVisible({ timeout: 30_000 });
  await expect(popup.getByText(/Pending/)).toHaveCount(0, { timeout: 30_000 });
  await popup.waitForTimeout(2000);
  const created = (await sandbox.state()).createdActivities;
  expect(created).toHaveLength(1);
  expect(created[0]).toMatchObject({ type: 'ExpenseEntry', price: 45, quantity: 1, note: 'Records request' });
  await expect(popup.getByText('Expenses today: $45.00')).toBeVisible();
});

test('save an expense, and edit it in Today; an edit that lost a race (412) reloads and says so', async ({ extensionPage, worker }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await expenseForm(popup, matter!.display_number);
  await popup.getByRole('textbox', { name: 'Amount' }).fill('12.50');
  await popup.getByRole('textbox', { name: 'Description' }).fill('Records fee');
  await popup.getByRole('button', { name: 'Save expense' }).click();
  await expect(popup.getByRole('status')).toContainText('Saved $12.50');
  await popup.getByRole('tab', { name: 'Today' }).click();
  await expect(popup.getByText('Expenses today: $12.50')).toBeVisible();

  // Edit in place: every field the form has but matter and date, typed as people type.
  await popup.getByRole('button', { name: `Edit $12.50 on ${matter!.display_number}` }).click();
  const amount = popup.getByRole('textbox', { name: 'Amount' });
  await expect(amount).toHaveValue('12.5');
  await amount.fill('$1,000');
  await popup.getByRole('textbox', { name: 'Quantity' }).fill('1.5');
  await expect(popup.getByText('Total: $1,500.00')).toBeVisible();
  await popup.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Court filing fee' });
  await popup.getByRole('textbox', { name: 'Description' }).fill('Records fee, certified');
  await popup.getByRole('checkbox', { name: 'Non-billable' }).check();
  await screenshot(popup, 'popup-today-expense-editing');
  await sandbox.clearLog();
  await popup.getByRole('button', { name: 'Save changes' }).click();
  await expect(popup.getByRole('status')).toContainText('Saved.');
  await expect(popup.getByText('Expenses today: $1,500.00')).toBeVisible();
  await expect(popup.getByRole('list', { name: 'Expense' })).toContainText('Court filing fee · Records fee, certified');
  const [made] = (await sandbox.state()).createdActivities;
  const patches = (await apiRequests()).filter((r) => r.method === 'PATCH');
  expect(patches.map((r) => r.path)).toEqual([`/api/v4/activities/${made!.id}.json`]);
  expect(patches[0]!.body).toEqual({
    data: { price: 1000, quantity: 1.5, note: 'Records fee, certified', non_billable: true, expense_category: { id: 601 } },
  });
  expect(made).toMatchObject({ price: 1000, quantity: 1.5, non_billable: true, expense_category: { id: 601 } });

  // Bad input is refused at the field, and nothing is sent.
  await popup.getByRole('button', { name: `Edit $1,500.00 on ${matter!.display_number}` }).click();
  await amount.fill('12..5');
  await sandbox.clearLog();
  await popup.getByRole('button', { name: 'Save changes' }).click();
  await expect(popup.getByText('“12..5” is not an amount. Try 12.50.')).toBeVisible();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  expect((await apiRequests()).filter((r) => r.method === 'PATCH')).toEqual([]);

  // Someone changes it in Clio while it is open for editing here: Clio answers 412, Today reloads and says so.
  await amount.fill('20');
  await clioAsUser(worker, 'PATCH', `/activities/${made!.id}.json?fields=id`, { data: { note: 'Changed in Clio' } });
  await popup.getByRole('button', { name: 'Save changes' }).click();
  await expect(popup.getByRole('status')).toContainText('changed elsewhere');
  await expect(popup.getByRole('list', { name: 'Expense' })).toContainText('Changed in Clio');
  await expect(popup.getByText('Expenses today: $1,500.00')).toBeVisible();
  expect((await sandbox.state()).createdActivities[0]).toMatchObject({ price: 1000, note: 'Changed in Clio' });
  await screenshot(popup, 'popup-today-expense-conflict');
});
