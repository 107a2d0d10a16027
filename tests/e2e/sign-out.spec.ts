import { expect, storedItems, openPopup, pickMatter, screenshot, signedIn, signInThroughClio, test } from './fixtures';
import { sandbox } from './sandbox-admin';

test('a timer stopped after sign-out is held for the user who ran it, the popup says so, and it goes once they sign in again', async ({
  extensionPage,
  worker,
}) => {
  const [matter] = await sandbox.matters('', 'Open');
  const [user] = (await sandbox.state()).users;
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await pickMatter(popup, matter!.display_number);
  await popup.getByRole('button', { name: 'Start timer' }).click();
  await expect(popup.getByRole('timer')).toBeVisible();
  const activityId = (await sandbox.state()).timers[0]!.activityId;

  const options = await extensionPage('options.html');
  await options.getByRole('button', { name: 'Sign out' }).click();
  await expect(options.getByRole('region', { name: 'Clio account', exact: true }).getByRole('status')).toContainText('Signed out');
  await sandbox.clearLog();
  // The keyboard command stops the timer while nobody is signed in.
  await worker.evaluate(() =>
    (globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(c: string): void } } } }).chrome.commands.onCommand.dispatch('toggle-timer'),
  );
  const signedOutPopup = await openPopup(extensionPage);
  await expect(signedOutPopup.getByText(`One entry is kept for ${user!.name}: it is sent to Clio only when ${user!.name} signs in again.`)).toBeVisible();
  await screenshot(signedOutPopup, 'popup-signed-out-entry-held');
  expect((await sandbox.log()).filter((r) => r.path.startsWith('/api/v4'))).toHaveLength(0);

  await signInThroughClio(options);
  await expect.poll(async () => (await sandbox.log()).some((r) => r.method === 'PATCH' && r.path === `/api/v4/activities/${activityId}.json`)).toBe(true);
  await expect.poll(async () => (await sandbox.state()).timers.length).toBe(0);
});

test('“Also forget this browser’s data” clears what was kept for the user and says what', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  const popup = await openPopup(extensionPage);
  await popup.getByRole('tab', { name: 'Log time' }).click();
  await pickMatter(popup, matter!.display_number);
  await popup.getByRole('textbox', { name: 'Duration' }).fill('1h');
  await popup.getByRole('textbox', { name: 'Description' }).fill('Confidential: conflict Acme v. Smith');
  await expect
    .poll(async () => (await storedItems<{ 'popup-draft'?: { entry: object } }>(popup, ['popup-draft']))['popup-draft']?.entry)
    .toMatchObject({ duration: '1h', note: 'Confidential: conflict Acme v. Smith' });
  await popup.close();

  const options = await extensionPage('options.html');
  await options.getByRole('checkbox', { name: 'Also forget this browser’s data' }).check();
  await options.getByRole('button', { name: 'Sign out' }).click();
  await expect(options.getByRole('region', { name: 'Clio account', exact: true }).getByRole('status')).toContainText(
    'Forgotten in this browser: the popup’s unsaved entry',
  );
  await screenshot(options, 'options-signed-out-forgotten');
  expect(await storedItems(options, ['popup-draft'])).toEqual({});
  const again = await openPopup(extensionPage);
  await expect(again.getByRole('button', { name: 'Sign in with Clio' })).toBeVisible();
  await expect(again.getByText(/kept for/)).toHaveCount(0);
});
