/** Correcting and switching the timer (#15): change its start, switch matter, split, several paused timers. */
import type { Page } from '@playwright/test';
import { expect, openPopup, screenshot, signedIn, storedItems, test } from './fixtures';
import { sandbox } from './sandbox-admin';
import type { TimerState } from '@/lib/timer/model';

/** The running timer as the background stored it. */
const runningTimer = async (page: Page) => (await storedItems<{ timer: TimerState }>(page, ['timer'])).timer;

/** Picks the matter `query` in the page's last Matter combobox, once the search has answered with it. */
async function pick(page: Page, query: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Matter' }).last();
  await box.fill(query);
  await page.getByRole('listbox', { name: 'Matters' }).getByRole('option').filter({ hasText: query }).first().click();
  await expect(box).toHaveValue(new RegExp(`^${query}`));
}

const api = async () => (await sandbox.log()).filter((r) => r.path.startsWith('/api/v4'));
/** A time of day as the popup shows it: the browser's locale (Playwright's en-US: "2:05 PM"). */
const shownTime = (at: number) => new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(at);
const hhmm = (at: number) => {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

test('a running timer’s start moved back 10 minutes: Clio’s entry is 10 minutes longer', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await pick(popup, matter!.display_number);
  await popup.getByRole('button', { name: 'Start timer' }).click();
  await expect(popup.getByRole('timer')).toBeVisible();
  const started = await runningTimer(popup);

  await popup.getByRole('button', { name: 'Change start' }).click();
  const moved = Math.floor((started.runningSince! - 10 * 60_000) / 60_000) * 60_000; // to the minute, as typed
  await popup.getByLabel('Started at').fill(hhmm(moved));
  await sandbox.clearLog();
  await popup.getByRole('button', { name: 'Save start' }).click();
  await expect(popup.getByRole('timer')).toHaveText(/^0:1\d:\d\d$/);
  await expect(popup.getByText(`Started at ${shownTime(moved)}`)).toBeVisible();
  expect((await api()).length).toBeLessThanOrEqual(2); // edit start ≤ 2 requests (one PATCH)

  await popup.getByRole('button', { name: 'Stop timer' }).click();
  await expect(popup.getByRole('status').first()).toContainText('Saved');
  const stoppedAt = Date.now();
  const entry = (await sandbox.state()).createdActivities.find((a) => a.id === started.activityId)!;
  const ran = (stoppedAt - started.runningSince!) / 1000;
  expect(entry.quantity).toBeGreaterThanOrEqual(600);
  // What ran, plus the time from the start typed to the real start: 10 minutes and the seconds of that minute.
  expect(Math.abs(entry.quantity - (ran + (started.runningSince! - moved) / 1000))).toBeLessThanOrEqual(2);
});

test('switch matter: two entries, no gap and no overlap; the switch costs at most 3 requests', async ({ extensionPage }) => {
  const [a, b] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await pick(popup, a!.display_number);
  await popup.getByRole('button', { name: 'Start timer' }).click();
  await expect(popup.getByRole('timer')).toBeVisible();
  const first = await runningTimer(popup);
  await popup.waitForTimeout(2_500);

  await popup.getByRole('button', { name: 'Switch matter' }).click();
  await pick(popup, b!.display_number);
  await sandbox.clearLog();
  await popup.getByRole('button', { name: 'Switch', exact: true }).click();
  // The switch's status: the first timer's stop, then the start (the first start's status said only the latter).
  await expect(popup.getByText(/\S+ Timer started\./)).toBeVisible();
  await expect(popup.getByRole('region', { name: 'Running timer' })).toContainText(b!.display_number);
  const requests = await api();
  expect(requests.length).toBeLessThanOrEqual(3);
  const second = await runningTimer(popup);
  expect(second.activityId).not.toBe(first.activityId);
  // The second timer counts from the instant the first stopped.
  const switchedAt = second.runningSince! - second.adjustMs - second.recordedMs;
  const stopBody = requests.find((r) => r.method === 'PATCH')!.body as { data: { quantity: number } };
  expect(stopBody.data.quantity).toBe(Math.round((switchedAt - first.runningSince!) / 1000));

  await popup.waitForTimeout(1_500);
  const pressedAt = Date.now();
  await popup.getByRole('button', { name: 'Stop timer' }).click();
  await expect(popup.getByRole('status').first()).toContainText('Saved');
  const stoppedAt = Date.now(); // the stop happened between the press and now (seconds apart on a loaded machine)
  const { createdActivities } = await sandbox.state();
  const one = createdActivities.find((x) => x.id === first.activityId)!;
  const two = createdActivities.find((x) => x.id === second.activityId)!;
  expect(one.matter?.id).toBe(a!.id);
  expect(two.matter?.id).toBe(b!.id);
  // Together they are the time from the first start to the stop: nothing lost between them, nothing counted twice.
  // (The stop's exact instant lies between the press and the status: each bound gets the clicks' round trips.)
  const total = one.quantity + two.quantity;
  expect(total).toBeGreaterThanOrEqual((pressedAt - first.runningSince!) / 1000 - 3);
  expect(total).toBeLessThanOrEqual((stoppedAt - first.runningSince!) / 1000 + 3);
});

test('split an entry in Today across two matters', async ({ extensionPage }) => {
  const [a, b] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await popup.getByRole('tab', { name: 'Log time' }).click();
  await pick(popup, a!.display_number);
  await popup.getByRole('textbox', { name: 'Duration' }).fill('1h');
  await popup.getByRole('textbox', { name: 'Description' }).fill('Calls');
  await popup.getByRole('button', { name: 'Save time entry' }).click();
  await expect(popup.getByRole('status')).toContainText('Saved');
  await popup.getByRole('tab', { name: 'Today' }).click();
  await popup.getByRole('button', { name: `Split 1 h on ${a!.display_number}` }).click();
  await popup.getByRole('textbox', { name: 'Time kept on this matter' }).fill('40m');
  await pick(popup, b!.display_number);
  await sandbox.clearLog();
  await popup.getByRole('button', { name: 'Save changes' }).click();
  await expect(popup.getByRole('status')).toContainText(`20 min went to ${b!.display_number}`);
  expect((await api()).map((r) => r.method)).toEqual(expect.arrayContaining(['PATCH', 'POST']));
  const { createdActivities } = await sandbox.state();
  expect(createdActivities.map((x) => [x.matter?.id, x.quantity, x.note])).toEqual(
    expect.arrayContaining([
      [a!.id, 2400, 'Calls'],
      [b!.id, 1200, 'Calls'],
    ]),
  );
  await expect(popup.getByText('Today:')).toContainText('1 h');
});

test('two paused timers wait; one click resumes one, and only it is Clio’s timer', async ({ extensionPage }) => {
  const [a, b, c] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  for (const m of [a!, b!]) {
    await pick(popup, m.display_number);
    await popup.getByRole('textbox', { name: 'Description' }).fill(`Call about ${m.display_number}`);
    await popup.getByRole('button', { name: 'Start timer' }).click();
    await expect(popup.getByRole('timer')).toBeVisible();
    await popup.waitForTimeout(1_100);
    await popup.getByRole('button', { name: 'Pause' }).click();
    await expect(popup.getByRole('timer')).toHaveCount(0);
  }
  const paused = popup.getByRole('list', { name: 'Paused timers' });
  await expect(paused.getByRole('listitem')).toHaveCount(2);
  await expect.poll(async () => (await sandbox.state()).timers.length).toBe(0);
  await pick(popup, c!.display_number);
  await popup.getByRole('button', { name: 'Start timer' }).click();
  await expect(popup.getByRole('timer')).toHaveCount(1);
  await expect(popup.getByRole('region', { name: 'Running timer' })).toContainText(c!.display_number);
  await screenshot(popup, 'popup-timer-paused-list');

  await sandbox.clearLog();
  await paused.getByRole('listitem').filter({ hasText: a!.display_number }).getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(popup.getByRole('region', { name: 'Running timer' })).toContainText(a!.display_number);
  await expect(popup.getByRole('timer')).toHaveCount(1);
  await expect(paused.getByRole('listitem')).toHaveCount(2); // c waits in a's place
  await expect(paused).toContainText(c!.display_number);
  await expect(paused).toContainText(b!.display_number);
  // The popup shows the resumed timer as soon as it is stored; Clio's stop and start follow (one after the other).
  const aEntry = (await sandbox.state()).createdActivities.find((x) => x.matter?.id === a!.id)!;
  await expect.poll(async () => (await sandbox.state()).timers).toEqual([expect.objectContaining({ activityId: aEntry.id })]);
  expect((await api()).length).toBeLessThanOrEqual(2);
  await screenshot(popup, 'popup-timer-resumed');
});
