/**
 * Every surface's main flow with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows, Escape, typed text; no
 * click, no fill), and focus visible at every Tab stop (keyboard-helpers.ts). Where a flow sends something, the
 * sandbox is asked what Clio got.
 */
import type { Locator, Page } from '@playwright/test';
import {
  captureDialog,
  dialogFrame,
  dialogFrames,
  expectClosed,
  field,
  openPage,
  rightClickCapture,
  rightClickMenu,
  select,
  selectWords,
} from './capture-helpers';
import { connectGrow, expect, openPopup, signedIn, storedItems, test } from './fixtures';
import { expectFocusVisible, press, tab, tabTo } from './keyboard-helpers';
import { sandbox } from './sandbox-admin';

/** Types `query` in the focused Matter combobox and takes the first match with Enter. */
async function pickByKeyboard(page: Page, box: Locator, query: string, list: Locator): Promise<void> {
  await expect(box).toBeFocused();
  // Over what it holds (a matter suggested for the page, remembered for the site).
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(query);
  // The search's answer (debounced), not the recent matters listed before it; the first option is the active one.
  const first = list.getByRole('option').first();
  await expect(first).toContainText(query);
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await press(page, 'Enter');
  await expect(box).toHaveValue(new RegExp(`^${query}`));
}

test('popup: a timer started and stopped, and a time entry logged, by keyboard', async ({ extensionPage }) => {
  const [matter, other] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  const box = popup.getByRole('combobox', { name: 'Matter' });
  const list = popup.getByRole('listbox', { name: 'Matters' });

  // The popup opens with focus in the Matter combobox.
  await expect(box).toBeFocused();
  await expectFocusVisible(popup, 'opening the popup');
  await pickByKeyboard(popup, box, matter!.display_number, list);
  await tabTo(popup, popup.getByRole('textbox', { name: 'Description' }));
  await popup.keyboard.type('Drafted by keyboard');
  await tabTo(popup, popup.getByRole('button', { name: 'Start timer' }));
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('timer')).toBeVisible();
  await expect.poll(async () => (await sandbox.state()).timers.length).toBe(1);
  // The Start button is gone: focus goes to the running timer's description.
  await expect(popup.getByRole('region', { name: 'Running timer' }).getByRole('textbox', { name: 'Description' })).toBeFocused();
  await expectFocusVisible(popup, 'starting the timer');

  await tabTo(popup, popup.getByRole('button', { name: 'Stop timer' }));
  await popup.keyboard.press('Space');
  await expect(popup.getByRole('status').first()).toContainText('Saved');
  // The form is back, focus in its Matter combobox.
  await expect(box).toBeFocused();
  const stopped = await sandbox.state();
  expect(stopped.timers).toHaveLength(0);
  expect(stopped.createdActivities).toEqual([expect.objectContaining({ matter: { id: matter!.id }, note: 'Drafted by keyboard' })]);
  await expectFocusVisible(popup, 'stopping the timer');

  // Log time: the tabs are one Tab stop, the arrows move between them.
  await tabTo(popup, popup.getByRole('tab', { name: 'Timer' }), { back: true });
  await press(popup, 'ArrowRight');
  await expect(popup.getByRole('tab', { name: 'Log time' })).toBeFocused();
  await expect(popup.getByRole('tab', { name: 'Log time' })).toHaveAttribute('aria-selected', 'true');
  await tabTo(popup, box);
  await pickByKeyboard(popup, box, other!.display_number, list);
  await tabTo(popup, popup.getByRole('textbox', { name: 'Duration' }));
  await popup.keyboard.type('1h15m');
  await expect(popup.getByText('= 1 h 15 min')).toBeVisible();
  await tabTo(popup, popup.getByRole('textbox', { name: 'Description' }));
  await popup.keyboard.type('Call by keyboard');
  await tabTo(popup, popup.getByRole('checkbox', { name: 'Non-billable' }));
  await press(popup, 'Space');
  await expect(popup.getByRole('checkbox', { name: 'Non-billable' })).toBeChecked();
  await tabTo(popup, popup.getByRole('button', { name: 'Save time entry' }));
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status')).toContainText('Saved 1 h 15 min');
  expect((await sandbox.state()).createdActivities).toContainEqual(
    expect.objectContaining({ quantity: 4500, note: 'Call by keyboard', non_billable: true, matter: { id: other!.id } }),
  );
  await expectFocusVisible(popup, 'saving the time entry');
});

test('popup: an expense by keyboard', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  const box = popup.getByRole('combobox', { name: 'Matter' });
  await expect(box).toBeFocused();
  await tabTo(popup, popup.getByRole('tab', { name: 'Timer' }), { back: true });
  await press(popup, 'End');
  await press(popup, 'ArrowLeft');
  await expect(popup.getByRole('tab', { name: 'Expense' })).toHaveAttribute('aria-selected', 'true');
  await tabTo(popup, box);
  await pickByKeyboard(popup, box, matter!.display_number, popup.getByRole('listbox', { name: 'Matters' }));
  const category = popup.getByRole('combobox', { name: 'Category' });
  await tabTo(popup, category);
  // A closed select takes typed letters (its options' first letters) like a person picking from it.
  await popup.keyboard.type('Court');
  await expect(category.locator('option:checked')).toHaveText('Court filing fee');
  await tabTo(popup, popup.getByRole('textbox', { name: 'Amount' }));
  await popup.keyboard.type('$42.50');
  await tabTo(popup, popup.getByRole('textbox', { name: 'Quantity' }));
  await popup.keyboard.press('ControlOrMeta+a');
  await popup.keyboard.type('2');
  await expect(popup.getByText('Total: $85.00')).toBeVisible();
  await tabTo(popup, popup.getByRole('textbox', { name: 'Description' }));
  await popup.keyboard.type('Filing fee by keyboard');
  await tabTo(popup, popup.getByRole('button', { name: 'Save expense' }));
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status')).toContainText(`Saved $85.00 to ${matter!.display_number}`);
  expect((await sandbox.state()).createdActivities).toEqual([
    expect.objectContaining({
      type: 'ExpenseEntry',
      price: 42.5,
      quantity: 2,
      note: 'Filing fee by keyboard',
      matter: { id: matter!.id },
      expense_category: { id: 601 },
    }),
  ]);
  await expectFocusVisible(popup, 'saving the expense');
});

test('side panel: search, open a matter, start its timer, open a section, go back, by keyboard', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const panel = await extensionPage('sidepanel.html');
  await expect(panel.getByText(/Synced (just now|\d+ min ago)/)).toBeVisible({ timeout: 30_000 });
  const box = panel.getByRole('searchbox', { name: 'Search matters' });
  await expect(box).toBeFocused();
  await panel.keyboard.type(matter!.display_number);
  const result = panel.getByRole('list', { name: 'Matters' }).getByRole('button').filter({ hasText: matter!.display_number }).first();
  await tabTo(panel, result);
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { level: 1 })).toContainText(matter!.display_number);
  // The result pressed is gone: focus goes to the detail's heading, which names the matter.
  await expect(panel.getByRole('heading', { level: 1 })).toBeFocused();
  await expectFocusVisible(panel, 'opening the detail');

  await tabTo(panel, panel.getByRole('button', { name: 'Start timer' }));
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toContainText('Timer started');
  expect((await sandbox.state()).timers).toHaveLength(1);
  await expectFocusVisible(panel, 'starting the timer');

  const notes = panel.getByRole('button', { name: 'Notes', exact: true });
  await tabTo(panel, notes);
  await press(panel, 'Enter');
  await expect(notes).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.getByRole('region', { name: 'Notes', exact: true })).toBeVisible();

  await tabTo(panel, panel.getByRole('button', { name: /Back to results/ }), { back: true, max: 40 });
  await panel.keyboard.press('Enter');
  await expect(box).toBeFocused();
  await expectFocusVisible(panel, 'going back');
});

test('options: sign-in reachable, the Timer section reached from its link, its settings turned on and off, by keyboard', async ({ extensionPage }) => {
  const signedOut = await extensionPage('options.html');
  await tabTo(signedOut, signedOut.getByRole('button', { name: 'Sign in with Clio' }));
  await signedOut.close();
  await signedIn(extensionPage);
  const options = await extensionPage('options.html');

  // The sections' navigation: Enter on "Timer" takes the next Tab into that section.
  await tabTo(options, options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Timer' }));
  await press(options, 'Enter');
  const timer = options.getByRole('region', { name: 'Timer', exact: true });
  await expect(options.getByRole('heading', { name: 'Timer', exact: true })).toBeFocused();
  await tab(options);
  expect(await timer.evaluate((section) => section.contains(document.activeElement))).toBe(true);
  const badge = timer.getByRole('combobox', { name: 'A running timer shows as' });
  await tabTo(options, badge);
  await press(options, 'ArrowDown');
  const settings = async () => (await storedItems<{ settings: { badgeFormat?: string } }>(options, ['settings'])).settings;
  await expect.poll(async () => (await settings()).badgeFormat).toBe('hours');

  const reminders = timer.getByRole('region', { name: 'Reminders and automatic stops' });
  const stopAt = reminders.getByRole('checkbox', { name: 'Stop the timer at a set time' });
  const stored = async () => (await storedItems<{ 'timer-reminders': { stopAt: boolean } }>(options, ['timer-reminders']))['timer-reminders'].stopAt;
  await tabTo(options, stopAt, { back: true });
  await press(options, 'Space');
  await expect(stopAt).toBeChecked();
  await expect.poll(stored).toBe(true);
  // Its time field is on now, and next in the Tab order.
  await tabTo(options, reminders.getByLabel('Stop at'), { max: 1 });
  await tabTo(options, stopAt, { back: true, max: 1 });
  await press(options, 'Space');
  await expect(stopAt).not.toBeChecked();
  await expect.poll(stored).toBe(false);
});

test('capture dialog over a page: filled and sent by keyboard, Escape closes it and focus returns to the page', async ({ context, worker, extensionPage }) => {
  await signedIn(extensionPage, { waitForSync: false });
  await connectGrow(extensionPage);
  const page = await openPage(context, 'contact');
  const email = page.locator('a[href^="mailto:"]');
  await email.focus();
  await rightClickCapture(worker, page, await select(page, '#message'));
  const dialog = await captureDialog(page);
  await expect(field(dialog, 'First name')).toHaveValue('Adaeze');
  // The dialog opens with focus on its first field.
  await expect(field(dialog, 'First name')).toBeFocused();
  await expectFocusVisible(page, 'opening the dialog');

  await tabTo(page, field(dialog, 'Message'));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Typed by keyboard: call back about the accident.');
  await tabTo(page, dialog.getByRole('button', { name: 'Send to Clio Grow' }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toContainText('Sent to Clio Grow');
  const { leads } = await sandbox.state();
  expect(leads).toEqual([
    expect.objectContaining({ first_name: 'Adaeze', last_name: 'Okafor', from_message: 'Typed by keyboard: call back about the accident.' }),
  ]);
  // The send button is gone: focus goes to "Done".
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeFocused();
  await expectFocusVisible(page, 'sending');

  await page.keyboard.press('Escape');
  await expectClosed(page);
  await expect(email).toBeFocused();
  await expectFocusVisible(page, 'closing the dialog');
});

test('Save to Clio and Add deadline dialogs: a document filed and a task added by keyboard', async ({ context, worker, extensionPage }) => {
  // Two dialogs after one sign-in and sync: 22 s alone, over the 60 s default on a busy machine.
  test.setTimeout(120_000);
  const [matter] = await sandbox.matters();
  await signedIn(extensionPage);
  const page = await openPage(context, 'docket');

  await rightClickMenu(worker, page, 'file-to-matter', '');
  const save = (await dialogFrame(page, 'save-window')).getByRole('dialog', { name: 'Save to Clio' });
  await expect(save.getByText(/A copy of the page \(\d+ kB\) is ready/)).toBeVisible();
  const saveMatter = save.getByRole('combobox', { name: 'Matter' });
  // It opens with focus on its first control that is not a combobox ("Save a copy of the page"); the Matter is before it.
  await expect(save.getByRole('checkbox', { name: 'Save a copy of the page' })).toBeFocused();
  await expectFocusVisible(page, 'opening Save to Clio');
  await tabTo(page, saveMatter, { back: true });
  await pickByKeyboard(page, saveMatter, matter!.display_number, save.getByRole('listbox', { name: 'Matters' }));
  await tabTo(page, field(save, 'Document name'));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Docket by keyboard');
  await tabTo(page, save.getByRole('button', { name: 'Save to Clio' }));
  await page.keyboard.press('Enter');
  await expect(save.getByRole('status').last()).toContainText('Document saved to Clio.');
  expect((await sandbox.state()).documents).toEqual([expect.objectContaining({ name: 'Docket by keyboard', matter: { id: matter!.id } })]);
  await expect(save.getByRole('button', { name: 'Done' })).toBeFocused();
  await expectFocusVisible(page, 'saving');
  await page.keyboard.press('Enter');
  await expect.poll(() => dialogFrames(page, 'save-window').length).toBe(0);

  await rightClickMenu(worker, page, 'add-deadline', await selectWords(page, 'table', 'Response due within 21 days of service'));
  const deadline = (await dialogFrame(page, 'deadline-window')).getByRole('dialog', { name: 'Add deadline' });
  await expect(deadline.getByRole('radio', { name: /from “within 21 days of service”/ })).toBeChecked();
  await expectFocusVisible(page, 'opening Add deadline');
  // A date field takes the date typed in the browser's order (en-US: month, day, year).
  await tabTo(page, field(deadline, 'Base date'));
  await page.keyboard.type('12012026');
  await expect(field(deadline, 'Date')).toHaveValue('2026-12-22');
  const deadlineMatter = deadline.getByRole('combobox', { name: 'Matter' });
  await tabTo(page, deadlineMatter);
  await pickByKeyboard(page, deadlineMatter, matter!.display_number, deadline.getByRole('listbox', { name: 'Matters' }));
  await tabTo(page, deadline.getByRole('button', { name: 'Add to Clio' }));
  await page.keyboard.press('Enter');
  await expect(deadline.getByRole('status')).toContainText('Task added to Clio, due Tuesday, December 22, 2026.');
  expect((await sandbox.state()).tasks).toEqual([
    expect.objectContaining({ name: 'Response due within 21 days of service', due_at: '2026-12-22', matter: expect.objectContaining({ id: matter!.id }) }),
  ]);
  await expect(deadline.getByRole('button', { name: 'Done' })).toBeFocused();
  await expectFocusVisible(page, 'adding the deadline');
  // Escape closes the dialog wherever focus is in it.
  await page.keyboard.press('Escape');
  await expect.poll(() => dialogFrames(page, 'deadline-window').length).toBe(0);
});
