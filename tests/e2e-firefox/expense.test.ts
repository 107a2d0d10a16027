/** Expenses in Firefox: one saved from the popup's "Expense" tab, with one request carrying what was typed. */
import { describe, expect, it } from 'vitest';
import { openPopup, pickMatter, sandbox, signedIn, useFirefox } from './fixtures';
import { byRole, click, fieldValue, fill, until, waitForText } from './page-helpers';

describe('Firefox: expense', () => {
  const firefox = useFirefox();

  it('"$12.50" × 3 in a category is saved as one ExpenseEntry with one request, and says so', async () => {
    const [matter] = await sandbox.matters('', 'Open');
    await signedIn(firefox());
    const popup = await openPopup(firefox());
    await click(popup, 'tab', 'Expense');
    await pickMatter(popup, matter!.display_number);
    const category = await byRole(popup, 'combobox', 'Category');
    await until(async () => (await category.evaluate((s) => (s as HTMLSelectElement).options.length)) > 1, { message: 'the cached categories' });
    await category.select('603');
    await fill(popup, 'textbox', 'Amount', '$12.50');
    await fill(popup, 'textbox', 'Quantity', '3');
    await waitForText(popup, 'Total: $37.50');
    await fill(popup, 'textbox', 'Description', 'Parking at the courthouse');
    await sandbox.clearLog();
    await click(popup, 'button', 'Save expense');

    await waitForText(popup, `Saved $37.50 to ${matter!.display_number}`);
    const api = (await sandbox.log()).filter((r) => r.path.startsWith('/api/v4'));
    expect(api).toHaveLength(1);
    expect(api[0]!.body).toMatchObject({
      data: { type: 'ExpenseEntry', price: 12.5, quantity: 3, note: 'Parking at the courthouse', matter: { id: matter!.id }, expense_category: { id: 603 } },
    });
    expect((await sandbox.state()).createdActivities).toEqual([expect.objectContaining({ type: 'ExpenseEntry', price: 12.5, quantity: 3 })]);
    await until(async () => (await fieldValue(popup, 'textbox', 'Amount')) === '', { message: 'the form to clear' });
  });
});
