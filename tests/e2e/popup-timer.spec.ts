import { expect, storeItems, killServiceWorker, pickMatter, launchWithExtension, openPopup, screenshot, serviceWorkerOf, signedIn, test } from './fixtures';
import { clioAsUser } from './clio-as-user';
import { sandbox } from './sandbox-admin';

/** The extension API inside the worker (evaluated there, not in Node). */
declare const chrome: {
  action: { getBadgeText(d: object): Promise<string> };
  idle: { onStateChanged: { dispatch(state: string): void } };
};

test('start a timer on a matter, survive a worker kill and a browser restart, stop it', async ({ extensionPage, context, worker, userDataDir }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  let popup = await openPopup(extensionPage);
  await expect(popup.getByRole('combobox', { name: 'Matter' })).toBeFocused();
  await screenshot(popup, 'popup-timer-idle');
  await pickMatter(popup, matter!.display_number);
  await popup.getByRole('textbox', { name: 'Description' }).fill('Review discovery responses');
  // Picking the matter asks Clio for the Activity list's rates on it: answered before the start is counted.
  await expect.poll(async () => (await sandbox.log()).some((r) => r.query?.['rate_for[matter_id]'] === String(matter!.id) && r.status === 200)).toBe(true);
  await sandbox.clearLog();
  await popup.getByRole('button', { name: 'Start timer' }).click();

  await expect(popup.getByRole('timer')).toHaveText(/^0:00:0\d$/);
  await expect(popup.getByRole('button', { name: 'Stop timer' })).toBeVisible();
  const started = await sandbox.state();
  expect(started.timers).toHaveLength(1);
  const activity = started.createdActivities.find((a) => a.id === started.timers[0]!.activityId)!;
  expect(activity).toMatchObject({ matter: { id: matter!.id }, note: 'Review discovery responses' });
  expect((await sandbox.log()).filter((r) => r.path.startsWith('/api/v4'))).toHaveLength(1); // starting costs one request
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toMatch(/^0:0\d$/);
  // The running timer's matter is said once (in its header), the status only that the timer started.
  await expect(popup.getByRole('status')).toHaveText('Timer started.');
  await expect(popup.getByText(matter!.display_number)).toHaveCount(1);
  await screenshot(popup, 'popup-timer-running');

  // Closing the popup and a worker kill lose nothing: time comes from the stored start.
  await popup.close();
  await killServiceWorker(await context.newPage());
  popup = await openPopup(extensionPage);
  await expect(popup.getByRole('timer')).toBeVisible();
  await expect(popup.getByText(matter!.display_number)).toBeVisible();

  // A browser restart on the same profile: the timer is still there.
  await context.close();
  const again = await launchWithExtension(userDataDir);
  try {
    const sw = await serviceWorkerOf(again);
    const id = sw.url().split('/')[2];
    const page = await again.newPage();
    await page.setViewportSize({ width: 360, height: 600 });
    await page.goto(`chrome-extension://${id}/popup.html`);
    await expect(page.getByRole('timer')).toHaveText(/^0:00:\d\d$/);
    await expect.poll(() => sw.evaluate(() => chrome.action.getBadgeText({}))).toMatch(/^0:0\d$/);

    await sandbox.clearLog();
    await page.getByRole('button', { name: 'Stop timer' }).click();
    await expect(page.getByRole('status').first()).toContainText('Saved');
    const stopped = await sandbox.state();
    expect(stopped.timers).toHaveLength(0);
    const recorded = stopped.createdActivities.find((a) => a.id === activity.id)!;
    expect(recorded.quantity).toBeGreaterThan(0);
    const api = (await sandbox.log()).filter((r) => r.path.startsWith('/api/v4'));
    expect(api.length).toBeLessThanOrEqual(3); // stop (and the note), plus at most one freshness check
    await expect(page.getByRole('combobox', { name: 'Matter' })).toBeVisible();
    await expect.poll(() => sw.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    await screenshot(page, 'popup-timer-stopped');
  } finally {
    await again.close();
  }
});

test('idle time can be discarded when the user comes back', async ({ extensionPage, worker }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await pickMatter(popup, matter!.display_number);
  await popup.getByRole('button', { name: 'Start timer' }).click();
  await expect(popup.getByRole('timer')).toBeVisible();
  const startedAt = Date.now();

  await worker.evaluate(() => chrome.idle.onStateChanged.dispatch('locked'));
  await popup.waitForTimeout(4000);
  await worker.evaluate(() => chrome.idle.onStateChanged.dispatch('active'));
  await expect(popup.getByRole('alertdialog')).toContainText('You were away');
  await screenshot(popup, 'popup-idle-prompt');
  await popup.getByRole('button', { name: 'Discard idle time' }).click();
  await expect(popup.getByRole('alertdialog')).toHaveCount(0);

  await popup.getByRole('button', { name: 'Stop timer' }).click();
  await expect(popup.getByRole('status').first()).toContainText('Saved');
  const ranSeconds = (Date.now() - startedAt) / 1000;
  const [entry] = (await sandbox.state()).createdActivities;
  expect(entry!.quantity).toBeLessThanOrEqual(Math.ceil(ranSeconds) - 3);
});

test('pause and resume follow Clio’s one timer', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await pickMatter(popup, matter!.display_number);
  await popup.getByRole('button', { name: 'Start timer' }).click();
  await popup.getByRole('button', { name: 'Pause' }).click();
  await expect(popup.getByText('Paused')).toBeVisible();
  await expect.poll(async () => (await sandbox.state()).timers.length).toBe(0);
  await expect(popup.getByRole('timer')).toHaveCount(0); // only the running timer has role timer
  const item = popup.getByRole('list', { name: 'Paused timers' }).getByRole('listitem');
  const frozen = await item.textContent();
  await popup.waitForTimeout(1500);
  await expect(item).toHaveText(frozen!);
  await popup.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(async () => (await sandbox.state()).timers.length).toBe(1);
  await popup.getByRole('button', { name: 'Stop timer' }).click();
  await expect(popup.getByRole('status').first()).toContainText('Saved');
});

test('another user signing in on this browser never sees the first user’s paused timer or typed entry; both are back when they return', async ({
  extensionPage,
}) => {
  const [matter] = await sandbox.matters('', 'Open');
  const [first, second] = (await sandbox.state()).users;
  await signedIn(extensionPage);
  let popup = await openPopup(extensionPage);
  await pickMatter(popup, matter!.display_number);
  await popup.getByRole('button', { name: 'Start timer' }).click();
  await popup.getByRole('button', { name: 'Pause' }).click();
  await expect(popup.getByText('Paused')).toBeVisible();
  await popup.getByRole('tab', { name: 'Log time' }).click();
  await popup.getByRole('textbox', { name: 'Duration' }).fill('2h');
  await expect(popup.getByText('= 2 h')).toBeVisible();
  await popup.close();

  const switchTo = async (user: { id: number; email: string }) => {
    const options = await extensionPage('options.html');
    await options.getByRole('button', { name: 'Sign out' }).click();
    const authPage = options.context().waitForEvent('page');
    await options.getByRole('button', { name: 'Sign in with Clio' }).click();
    const auth = await authPage;
    await auth.getByLabel('Sign in as').selectOption(String(user.id));
    await auth.getByRole('button', { name: 'Approve' }).click();
    await expect(options.getByText(user.email)).toBeVisible();
    await options.close();
  };
  await switchTo(second!);
  popup = await openPopup(extensionPage);
  await expect(popup.getByRole('button', { name: 'Start timer' })).toBeVisible();
  await expect(popup.getByRole('timer')).toHaveCount(0);
  await popup.getByRole('tab', { name: 'Log time' }).click();
  await expect(popup.getByRole('textbox', { name: 'Duration' })).toHaveValue('');
  await popup.close();

  await switchTo(first!);
  popup = await openPopup(extensionPage);
  await expect(popup.getByRole('textbox', { name: 'Duration' })).toHaveValue('2h');
  await popup.getByRole('tab', { name: 'Timer' }).click();
  await expect(popup.getByRole('list', { name: 'Paused timers' })).toContainText(matter!.display_number);
});

test('opening the popup asks Clio one question when the timer state is over 30 s old, and none while it is fresh', async ({ extensionPage }) => {
  await signedIn(extensionPage);
  const asked = async () => (await sandbox.log()).filter((r) => r.path.startsWith('/api/v4')).map((r) => r.path);
  const openAndSettle = async () => {
    const popup = await openPopup(extensionPage);
    await expect(popup.getByRole('button', { name: 'Start timer' })).toBeVisible();
    await popup.waitForTimeout(1_000); // anything the popup would ask has been asked by now
    return popup;
  };
  await sandbox.clearLog();
  let popup = await openAndSettle(); // never checked since sign-in
  expect(await asked()).toEqual(['/api/v4/timer.json']);
  await popup.close();

  await sandbox.clearLog();
  popup = await openAndSettle();
  expect(await asked()).toEqual([]);
  // 31 s later, as far as the stored state knows.
  await storeItems(popup, { 'timer-checked-at': Date.now() - 31000 });
  await popup.close();

  await sandbox.clearLog();
  popup = await openAndSettle();
  expect(await asked()).toEqual(['/api/v4/timer.json']);
});

test('a timer started in Clio shows up in the popup and can be stopped there', async ({ extensionPage, worker }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  // The user starts a timer in Clio's web app (here: straight through the API with the extension's token).
  await clioAsUser(worker, 'POST', '/activities.json?fields=id', {
    data: { type: 'TimeEntry', date: '2026-11-24', quantity: 600, note: 'Started in Clio', matter: { id: matter!.id }, start_timer: true },
  });
  const popup = await openPopup(extensionPage);
  await expect(popup.getByRole('timer')).toHaveText(/^0:10:\d\d$/);
  await expect(popup.getByText(matter!.display_number)).toBeVisible();
  await popup.getByRole('button', { name: 'Stop timer' }).click();
  await expect(popup.getByRole('status').first()).toContainText('Saved');
  expect((await sandbox.state()).timers).toHaveLength(0);
});

test('the keyboard command starts the last-used matter’s timer, and stops it', async ({ extensionPage, worker }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await pickMatter(popup, matter!.display_number);
  await popup.getByRole('button', { name: 'Start timer' }).click();
  await popup.getByRole('button', { name: 'Stop timer' }).click();
  await expect(popup.getByRole('status').first()).toContainText('Saved');

  await worker.evaluate(() =>
    (globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(c: string, tab?: object): void } } } }).chrome.commands.onCommand.dispatch(
      'toggle-timer',
    ),
  );
  await expect(popup.getByRole('timer')).toBeVisible();
  await expect.poll(async () => (await sandbox.state()).timers.length).toBe(1);
  const running = await sandbox.state();
  expect(running.createdActivities.find((a) => a.id === running.timers[0]!.activityId)?.matter?.id).toBe(matter!.id);

  await worker.evaluate(() =>
    (globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(c: string, tab?: object): void } } } }).chrome.commands.onCommand.dispatch(
      'toggle-timer',
    ),
  );
  await expect(popup.getByRole('button', { name: 'Start timer' })).toBeVisible();
  await expect.poll(async () => (await sandbox.state()).timers.length).toBe(0);
});

test('starting a timer on another matter stops the running one and says so', async ({ extensionPage }) => {
  const [first, second] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await pickMatter(popup, first!.display_number);
  await popup.getByRole('button', { name: 'Start timer' }).click();
  await expect(popup.getByRole('timer')).toBeVisible();

  const panel = await extensionPage('sidepanel.html');
  await panel.getByRole('searchbox', { name: 'Search matters' }).fill(second!.display_number);
  await panel.getByRole('list', { name: 'Matters' }).getByRole('button').first().click();
  await panel.getByRole('button', { name: 'Start timer' }).click();
  await expect(panel.getByRole('status')).toContainText(`Stopped the timer on ${first!.display_number}`);
  await expect(panel.getByRole('status')).toContainText(`Timer started on ${second!.display_number}`);

  const state = await sandbox.state();
  expect(state.timers).toHaveLength(1);
  const activities = state.createdActivities;
  expect(activities.find((a) => a.id === state.timers[0]!.activityId)?.matter?.id).toBe(second!.id);
  expect(activities.find((a) => a.matter?.id === first!.id)!.quantity).toBeGreaterThan(0);
  await expect(popup.getByText(second!.display_number)).toBeVisible();
});
