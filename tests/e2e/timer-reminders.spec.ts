/**
 * Reminders and automatic stops (#15), against the sandbox with the shipped build. No test waits in real time: the
 * stored times are set back, the alarm is fired (its handler decides from the stored times and the clock), and
 * the notification's button is pressed by dispatching the browser's own event in the worker.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, killServiceWorker, launchWithExtension, openPopup, pickMatter, screenshot, signedIn, storedItems, storeItems, test } from './fixtures';
import { sandbox } from './sandbox-admin';

/** The extension API inside the worker or an extension page (evaluated there, not in Node). */
declare const chrome: {
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined>; onAlarm: { dispatch(a: { name: string; scheduledTime: number }): void } };
  idle: { onStateChanged: { dispatch(state: string): void } };
  notifications: { getAll(): Promise<Record<string, unknown>>; onButtonClicked: { dispatch(id: string, index: number): void } };
  permissions: { contains(p: { permissions: string[] }): Promise<boolean> };
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> };
};

const HOUR = 3_600_000;
/** "HH:MM" of an instant in the browser's local time (the page's zone is the worker's). */
const timeOfDayIn = (page: Page, at: number) =>
  page.evaluate((at) => {
    const d = new Date(at);
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  }, at);

test('stop at a set time: the alarm, fired after a worker kill, stops the timer at that time and the popup says so', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  let popup = await openPopup(extensionPage);
  await pickMatter(popup, matter!.display_number);
  await popup.getByRole('button', { name: 'Start timer' }).click();
  await expect(popup.getByRole('timer')).toBeVisible();
  // The timer has run two hours, as far as the stored state knows; the stop time was one hour ago.
  const { timer } = await storedItems<{ timer: { runningSince: number } }>(popup, ['timer']);
  const startedAt = Date.now() - 2 * HOUR;
  await storeItems(popup, { timer: { ...timer, runningSince: startedAt } });
  await popup.close();

  const options = await extensionPage('options.html');
  const stopAt = Date.now() - HOUR;
  const section = options.getByRole('region', { name: 'Reminders and automatic stops' });
  await expect(section.getByRole('checkbox', { name: 'Stop the timer at a set time' })).not.toBeChecked(); // off until chosen
  // The box shows the stored setting: checked once the background has it.
  await section.getByRole('checkbox', { name: 'Stop the timer at a set time' }).click();
  await expect(section.getByRole('checkbox', { name: 'Stop the timer at a set time' })).toBeChecked();
  await section.getByLabel('Stop at').fill(await timeOfDayIn(options, stopAt));
  await section.getByLabel('Stop at').blur();
  await expect
    .poll(async () => (await storedItems<{ 'timer-reminders': { stopAtTime: string } }>(options, ['timer-reminders']))['timer-reminders'].stopAtTime)
    .toBe(await timeOfDayIn(options, stopAt));
  // Chosen now, it applies from its next occurrence: the timer still runs, and the alarm waits for tomorrow.
  expect((await sandbox.state()).timers).toHaveLength(1);
  await screenshot(options, 'options-reminders');

  await killServiceWorker(options);
  // The alarm belongs to the extension, not to the killed worker.
  const alarm = await options.evaluate(() => chrome.alarms.get('timer-stop-at'));
  expect(alarm!.scheduledTime).toBeGreaterThan(Date.now() + 22 * HOUR);
  // Fired now (the message wakes a new worker and calls the alarm's own handler), it decides from the stored times.
  await sandbox.clearLog();
  const fired = await options.evaluate(() =>
    chrome.runtime.sendMessage({ channel: 'clio-companion', type: 'triggers/alarm', data: { name: 'timer-stop-at' } }),
  );
  expect(fired.ok).toBe(true);
  await expect.poll(async () => (await sandbox.state()).timers.length).toBe(0);
  const state = await sandbox.state();
  const entry = state.createdActivities.find((a) => a.matter?.id === matter!.id)!;
  // Stopped at the set time (whole minutes: the time field has no seconds), not now: about an hour, not two.
  const minuteOfStop = Math.floor(stopAt / 60_000) * 60_000;
  expect(entry.quantity).toBeGreaterThanOrEqual(Math.floor((minuteOfStop - startedAt) / 1000) - 2);
  expect(entry.quantity).toBeLessThanOrEqual(Math.ceil((minuteOfStop - startedAt) / 1000) + 5);

  popup = await openPopup(extensionPage);
  const notice = popup.getByRole('status').filter({ hasText: 'stopped at' });
  await expect(notice).toContainText(`Your timer on ${matter!.display_number}`);
  await expect(notice).toContainText('the time set in Options');
  await expect(popup.getByRole('timer')).toHaveCount(0);
  await screenshot(popup, 'popup-stopped-at-set-time');
  await notice.getByRole('button', { name: 'OK' }).click();
  await expect(notice).toHaveCount(0);
});

/**
 * Grants an optional permission in the profile, as a person accepting the browser's prompt would: headless Chromium
 * shows the prompt but nothing can press its button. The browser must be closed; the next launch has it.
 */
function grantInProfile(userDataDir: string, extensionId: string, permission: string): void {
  const file = join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8'));
  const settings = prefs.extensions.settings[extensionId];
  for (const kind of ['granted_permissions', 'active_permissions']) settings[kind].api = [...new Set([...settings[kind].api, permission])];
  writeFileSync(file, JSON.stringify(prefs));
}

test('remind me to track: the alarm notifies, and the notification’s “Start timer” starts one on the last matter', async ({
  context,
  extensionPage,
  extensionId,
  userDataDir,
}) => {
  // Not asked at install.
  const first = await extensionPage('options.html');
  expect(await first.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] }))).toBe(false);
  await context.close();
  grantInProfile(userDataDir, extensionId, 'notifications');
  const again: BrowserContext = await launchWithExtension(userDataDir);
  try {
    const worker = again.serviceWorkers()[0] ?? (await again.waitForEvent('serviceworker'));
    const page = async (path: string) => {
      const p = await again.newPage();
      await p.goto(`chrome-extension://${extensionId}/${path}`);
      return p;
    };
    const [matter] = await sandbox.matters('', 'Open');
    await signedIn(page as Parameters<typeof signedIn>[0]);
    let popup = await page('popup.html');
    await pickMatter(popup, matter!.display_number);
    await popup.getByRole('button', { name: 'Start timer' }).click();
    await popup.getByRole('button', { name: 'Stop timer' }).click();
    await expect(popup.getByRole('status').first()).toContainText('Saved');
    await popup.close();

    const options = await page('options.html');
    const section = options.getByRole('region', { name: 'Reminders and automatic stops' });
    const remind = section.getByRole('checkbox', { name: 'Remind me to track' });
    await expect(remind).not.toBeChecked(); // off until chosen
    await remind.click(); // asks for the permission (granted already: no prompt)
    await expect(remind).toBeChecked();
    await section.getByLabel('Remind after minutes without a timer').fill('1');
    await section.getByLabel('Work hours from').fill('00:00');
    await section.getByLabel('Work hours to').fill('23:59');
    await section.getByLabel('Work hours to').blur();
    await expect
      .poll(async () => (await storedItems<{ 'timer-reminders': { remindMinutes: number; workTo: string } }>(options, ['timer-reminders']))['timer-reminders'])
      .toMatchObject({ remind: true, remindMinutes: 1, workFrom: '00:00', workTo: '23:59' });

    // No timer for five minutes, as far as the stored state knows; the alarm fires (dispatched as the browser does).
    const clock = (await storedItems<{ 'timer-reminder-clock': object }>(options, ['timer-reminder-clock']))['timer-reminder-clock'];
    await storeItems(options, { 'timer-reminder-clock': { ...clock, lastRanAt: Date.now() - 5 * 60_000 } });
    await worker.evaluate(() => chrome.alarms.onAlarm.dispatch({ name: 'track-reminder', scheduledTime: Date.now() }));
    await expect.poll(() => worker.evaluate(() => chrome.notifications.getAll())).toHaveProperty('track-reminder');
    // The next reminder is a minute on.
    const next = await worker.evaluate(() => chrome.alarms.get('track-reminder'));
    expect(next!.scheduledTime).toBeGreaterThan(Date.now() + 30_000);

    // Its "Start timer" button (headless Chromium shows no notification to click: the button's event is dispatched).
    await sandbox.clearLog();
    await worker.evaluate(() => chrome.notifications.onButtonClicked.dispatch('track-reminder', 0));
    await expect.poll(async () => (await sandbox.state()).timers.length).toBe(1);
    popup = await page('popup.html');
    await expect(popup.getByRole('timer')).toBeVisible();
    await expect(popup.getByText(matter!.display_number)).toBeVisible();
    await expect.poll(() => worker.evaluate(() => chrome.notifications.getAll())).toEqual({});
    // A running timer: no reminder is due.
    expect(await worker.evaluate(() => chrome.alarms.get('track-reminder'))).toBeUndefined();
  } finally {
    await again.close();
  }
});

test('away too long: the timer stops at the moment the person left, and the prompt waits for them', async ({ extensionPage, worker }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  let popup = await openPopup(extensionPage);
  await pickMatter(popup, matter!.display_number);
  await popup.getByRole('button', { name: 'Start timer' }).click();
  await expect(popup.getByRole('timer')).toBeVisible();
  const { timer } = await storedItems<{ timer: { runningSince: number; activityId: number } }>(popup, ['timer']);
  const startedAt = Date.now() - 2 * HOUR;
  await storeItems(popup, { timer: { ...timer, runningSince: startedAt } });
  await popup.close();

  const options = await extensionPage('options.html');
  const section = options.getByRole('region', { name: 'Reminders and automatic stops' });
  // The box shows the stored setting: checked once the background has it.
  await section.getByRole('checkbox', { name: 'Stop the timer when I am away' }).click();
  await expect(section.getByRole('checkbox', { name: 'Stop the timer when I am away' })).toBeChecked();
  await expect
    .poll(async () => (await storedItems<{ 'timer-reminders': { awayStop: boolean } }>(options, ['timer-reminders']))['timer-reminders'].awayStop)
    .toBe(true);

  // The screen locks: the idle span opens, and the away alarm is set X (30) minutes after it.
  await worker.evaluate(() => chrome.idle.onStateChanged.dispatch('locked'));
  await expect.poll(async () => (await options.evaluate(() => chrome.alarms.get('timer-away')))?.scheduledTime ?? 0).toBeGreaterThan(Date.now() + 25 * 60_000);
  // 45 minutes away, as far as the stored state knows; the alarm fires.
  const leftAt = Date.now() - 45 * 60_000;
  await storeItems(options, { 'timer-idle': { from: leftAt, to: null, activityId: timer.activityId } });
  await worker.evaluate(() => chrome.alarms.onAlarm.dispatch({ name: 'timer-away', scheduledTime: Date.now() }));
  await expect.poll(async () => (await sandbox.state()).timers.length).toBe(0);
  const entry = (await sandbox.state()).createdActivities.find((a) => a.matter?.id === matter!.id)!;
  const ran = (leftAt - startedAt) / 1000; // stopped when they left: 75 minutes, not two hours
  expect(entry.quantity).toBeGreaterThanOrEqual(Math.floor(ran) - 2);
  expect(entry.quantity).toBeLessThanOrEqual(Math.ceil(ran) + 5);

  // Back: the prompt waits; the time away was not kept.
  await worker.evaluate(() => chrome.idle.onStateChanged.dispatch('active'));
  popup = await openPopup(extensionPage);
  const prompt = popup.getByRole('alertdialog', { name: 'Your timer stopped while you were away' });
  await expect(prompt).toContainText(matter!.display_number);
  await screenshot(popup, 'popup-away-stopped');
  await prompt.getByRole('button', { name: 'Discard and continue' }).click();
  await expect(prompt).toHaveCount(0);
  await expect.poll(async () => (await sandbox.state()).timers.length).toBe(1);
  await expect(popup.getByRole('timer')).toHaveText(/^0:00:\d\d$/);
});
