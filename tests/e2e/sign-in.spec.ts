import { expect, screenshot, signInThroughClio, test } from './fixtures';
import { sandbox } from './sandbox-admin';

// The sandbox's first seeded user is the one the approve page signs in by default.
async function defaultUser() {
  const state = await sandbox.state();
  return state.users[0]!;
}

test('signing in through Clio’s approve page shows who I am on the options page and the popup', async ({ extensionPage }) => {
  const user = await defaultUser();
  const popup = await extensionPage('popup.html');
  await popup.setViewportSize({ width: 360, height: 220 });
  await expect(popup.getByRole('button', { name: 'Sign in with Clio' })).toBeVisible();
  await screenshot(popup, 'popup-signed-out');

  const options = await extensionPage('options.html');
  await expect(options.getByRole('combobox', { name: 'Region' })).toBeVisible();
  await expect(options.locator('#redirect-uri')).toHaveText(/^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/);
  await screenshot(options, 'options-signed-out');

  const panel = await extensionPage('sidepanel.html');
  await expect(panel.getByText('Sign in to look up your firm’s matters.')).toBeVisible();
  await screenshot(panel, 'sidepanel-signed-out');
  await panel.close();

  await signInThroughClio(options);
  await expect(options.getByText(user.email)).toBeVisible();
  await expect(options.getByText(user.name).first()).toBeVisible();
  await expect(options.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(options.getByRole('combobox', { name: 'Region' })).toBeDisabled();
  await screenshot(options, 'options-signed-in');

  // The popup follows the stored account without asking Clio again.
  await expect(popup.getByText(user.name)).toBeVisible();
  await screenshot(popup, 'popup-signed-in');

  // Sign-in asks Clio who I am once; the open popup then loads its timer, and the background freshens the lists the
  // forms offer (activities, expense categories, the firm's currency, the firm's users and the user's calendars for
  // deadlines), once each (the matter index's first sync runs too, tested in side-panel.spec.ts).
  const apiCalls = async () => (await sandbox.log()).filter((r) => r.path.startsWith('/api/v4') && !r.path.startsWith('/api/v4/matters')).map((r) => r.path);
  const expected = [
    '/api/v4/activity_descriptions.json',
    '/api/v4/calendars.json',
    '/api/v4/expense_categories.json',
    '/api/v4/settings/billing.json',
    '/api/v4/timer.json',
    '/api/v4/users.json',
    '/api/v4/users/who_am_i.json',
  ];
  await expect.poll(async () => (await apiCalls()).length).toBeGreaterThanOrEqual(expected.length);
  const log = await sandbox.log();
  const exchanges = log.filter((r) => r.path === '/oauth/token');
  expect(exchanges.map((r) => r.grantType)).toEqual(['authorization_code']);
  const whoAmI = log.filter((r) => /^\/api\/v4\/users\/who_am_i(\.json)?$/.test(r.path));
  expect(whoAmI).toHaveLength(1);
  expect(String(whoAmI[0]!.query?.fields)).toContain('email');
  expect((await apiCalls()).sort()).toEqual(expected);
});

test('declining in Clio says so and stores nothing', async ({ extensionPage }) => {
  const options = await extensionPage('options.html');
  await signInThroughClio(options, 'Decline');
  await expect(options.getByRole('status').first()).toContainText('declined');
  await expect(options.getByRole('button', { name: 'Sign in with Clio' })).toBeVisible();
  await screenshot(options, 'options-sign-in-declined');
  expect((await sandbox.log()).filter((r) => r.path === '/oauth/token')).toEqual([]);
});

test('a reply with a tampered state is refused and nothing is stored', async ({ extensionPage, worker }) => {
  const options = await extensionPage('options.html');
  const authPage = options.context().waitForEvent('page');
  await options.getByRole('button', { name: 'Sign in with Clio' }).click();
  const auth = await authPage;
  await auth.waitForLoadState();
  // An attacker's redirect carries a state this attempt never made.
  await auth.locator('input[name="state"]').evaluate((el) => ((el as HTMLInputElement).value = 'forged-state'));
  await auth.getByRole('button', { name: 'Approve' }).click();
  await expect(options.getByRole('status').first()).toContainText('did not match');
  await expect(options.getByRole('button', { name: 'Sign in with Clio' })).toBeVisible();
  expect((await sandbox.log()).filter((r) => r.path === '/oauth/token')).toEqual([]);
  const stored = await worker.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        const req = indexedDB.open('clio-companion-secrets', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('secrets');
        req.onsuccess = () => {
          const get = req.result.transaction('secrets').objectStore('secrets').getAllKeys();
          get.onsuccess = () => resolve(get.result);
        };
      }),
  );
  expect(stored).toEqual([]);
});

test('signing out revokes the grant at Clio and forgets the user', async ({ extensionPage }) => {
  const user = await defaultUser();
  const options = await extensionPage('options.html');
  await signInThroughClio(options);
  await expect(options.getByText(user.email)).toBeVisible();
  await options.getByRole('button', { name: 'Sign out' }).click();
  await expect(options.getByRole('button', { name: 'Sign in with Clio' })).toBeVisible();
  await expect(options.getByText(user.email)).toHaveCount(0);
  expect((await sandbox.log()).some((r) => r.path === '/oauth/deauthorize')).toBe(true);
  expect((await sandbox.state()).grants).toMatchObject({ active: 0 });
});
