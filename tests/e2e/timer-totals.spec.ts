/**
 * Today's totals with a running timer, Clio's billed figure beside what was typed, and pinned matters first in the
 * picker: the shipped build against the sandbox.
 */
import type { Page } from '@playwright/test';
import { clioAsUser } from './clio-as-user';
import { expect, openMatterDetail, openPopup, pickMatter, screenshot, signedIn, test } from './fixtures';
import { sandbox } from './sandbox-admin';

/** Seconds in a duration as the popup writes it ("1 h 4 min 3 s"). */
function seconds(text: string): number {
  const part = (unit: string) => Number(new RegExp(`(\\d+) ${unit}\\b`).exec(text)?.[1] ?? 0);
  return part('h') * 3600 + part('min') * 60 + part('s');
}

/** Today's and the week's totals, read in one go (they tick together while the timer runs). */
async function totals(popup: Page): Promise<{ today: number; week: number | null }> {
  const texts = await popup.locator('.totals strong').allTextContents();
  return { today: seconds(texts[0] ?? ''), week: texts[1] === undefined ? null : seconds(texts[1]) };
}

/** Logs time in the popup's "Log time" tab; answers the save's status line. */
async function logTime(popup: Page, displayNumber: string, duration: string, note: string) {
  await popup.getByRole('tab', { name: 'Log time' }).click();
  await pickMatter(popup, displayNumber);
  await popup.getByRole('textbox', { name: 'Duration' }).fill(duration);
  await popup.getByRole('textbox', { name: 'Description' }).fill(note);
  await popup.getByRole('button', { name: 'Save time entry' }).click();
  return popup.getByRole('status').filter({ hasText: 'Saved' });
}

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

test('the week’s total includes the running timer; a 4-minute entry says it bills as 0.1 h', async ({ extensionPage, worker }) => {
  const [first, second] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  let popup = await openPopup(extensionPage);

  // A 4-minute call, logged: Clio rounds it to the firm's 6 minutes, and the save says what it bills.
  await expect(await logTime(popup, first!.display_number, '4m', 'Call with opposing counsel')).toContainText('Saved 4 min (bills as 0.1 h) to');

  // Opening Today asks for today and, unless today starts the week, for the week's earlier days (ids and seconds).
  await sandbox.clearLog();
  await popup.getByRole('tab', { name: 'Today' }).click();
  const entry = popup.getByRole('listitem').filter({ hasText: 'Call with opposing counsel' });
  await expect(entry).toContainText('4 min');
  await expect(entry).toContainText('bills as 0.1 h');
  await expect.poll(async () => (await totals(popup)).week).not.toBeNull();
  const asked = (await sandbox.log()).filter((r) => r.path === '/api/v4/activities.json');
  const todayAsked = asked.find((r) => r.query?.start_date === r.query?.end_date && r.query?.fields !== 'id,quantity')!;
  const today = String(todayAsked.query!.start_date);
  const weekAsked = asked.find((r) => r.query?.fields === 'id,quantity');
  expect(asked.length).toBe(weekAsked ? 2 : 1);
  const weekStart = weekAsked ? String(weekAsked.query!.start_date) : today;
  const before = (await totals(popup)) as { today: number; week: number };
  expect(before.today).toBeGreaterThanOrEqual(240);
  expect(before.week).toBeGreaterThanOrEqual(before.today);

  // Time on the week's first day counts in the week (when that is not today); time the day before the week does not.
  const logAt = (date: string, quantity: number) =>
    clioAsUser(worker, 'POST', '/activities.json', { data: { type: 'TimeEntry', date, quantity, matter: { id: second!.id }, note: 'Earlier' } });
  if (weekStart !== today) await logAt(weekStart, 3600);
  await logAt(dayBefore(weekStart), 7200);
  const earlier = weekStart !== today ? 3600 : 0;

  // A running timer: both totals include it, and tick.
  await popup.getByRole('tab', { name: 'Timer' }).click();
  await pickMatter(popup, second!.display_number);
  await popup.getByRole('button', { name: 'Start timer' }).click();
  await expect(popup.getByRole('timer')).toBeVisible();
  await popup.close();
  popup = await openPopup(extensionPage);
  await popup.getByRole('tab', { name: 'Today' }).click();
  await expect.poll(async () => (await totals(popup)).week).not.toBeNull();
  await expect.poll(async () => (await totals(popup)).today, { timeout: 10_000 }).toBeGreaterThanOrEqual(before.today + 2);
  const running = await totals(popup);
  expect(running.week! - running.today).toBe(before.week - before.today + earlier);
  const timerSeconds = running.today - before.today;
  expect(timerSeconds).toBeGreaterThanOrEqual(2);
  expect(timerSeconds).toBeLessThan(120);
  await expect.poll(async () => (await totals(popup)).today).toBeGreaterThan(running.today); // it ticks
  await screenshot(popup, 'popup-today-totals');
  // The running timer's own entry says it runs (Clio records its time when it stops), with nothing to edit or split here.
  const runningRow = popup.getByRole('listitem').filter({ hasText: second!.display_number }).filter({ hasText: 'Running' });
  await expect(runningRow).toBeVisible();
  await expect(runningRow).not.toContainText('0 s');
  await expect(runningRow.getByRole('button')).toHaveCount(0);

  // Nothing in Today is cut off at the popup's 360 px.
  const overflowing = await popup.evaluate(
    () => [...document.querySelectorAll('section *')].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible').length,
  );
  expect(overflowing).toBe(0);
  expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('a matter pinned in the side panel comes first in the popup’s Matter picker', async ({ extensionPage }) => {
  const [recent, pinned] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);

  // A recent matter: the picker lists it when nothing is typed.
  let popup = await openPopup(extensionPage);
  await expect(await logTime(popup, recent!.display_number, '12m', 'Drafting')).toBeVisible();
  await popup.close();

  const panel = await extensionPage('sidepanel.html');
  await openMatterDetail(panel, pinned!.display_number);
  const pin = panel.getByRole('button', { name: 'Pin matter', exact: true });
  await expect(pin).toHaveAttribute('aria-pressed', 'false');
  await pin.focus();
  await panel.keyboard.press('Enter'); // keyboard-operable
  await expect(pin).toHaveAttribute('aria-pressed', 'true');
  await screenshot(panel, 'sidepanel-pinned');

  popup = await openPopup(extensionPage);
  const box = popup.getByRole('combobox', { name: 'Matter' });
  await box.click();
  const options = popup.getByRole('listbox', { name: 'Matters' }).getByRole('option');
  await expect(options.first()).toContainText(pinned!.display_number);
  await expect(popup.getByRole('group', { name: 'Pinned', exact: true }).getByRole('option')).toHaveCount(1);
  await expect(options.nth(1)).toContainText(recent!.display_number);
  await screenshot(popup, 'popup-picker-pinned');

  // Unpinned, it is gone from the group.
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'false');
  await popup.reload();
  await popup.getByRole('combobox', { name: 'Matter' }).click();
  await expect(options.first()).toContainText(recent!.display_number);
  await expect(popup.getByRole('group', { name: 'Pinned', exact: true })).toHaveCount(0);
});
