/**
 * The first-run setup (options.html#setup), opened by the install in every fresh profile: kept here
 * (`keepSetupTab`) where the fixtures close it for every other spec. Two builds: the e2e build, with the sandbox's
 * app built in, goes straight to sign-in; the build without it (`npm run build:test:noapp`) asks for the firm's app.
 */
import type { Page } from '@playwright/test';
import { MANAGE_CLIENT_ID, MANAGE_CLIENT_SECRET } from '../../sandbox/credentials';
import { expect, screenshot, signInThroughClio, test } from './fixtures';
import { sandbox } from './sandbox-admin';

test.use({ keepSetupTab: true });

/** The names in the step indicator, and the one marked current. */
async function steps(setup: Page): Promise<{ all: string[]; current: string }> {
  const list = setup.getByRole('list', { name: 'Setup steps' });
  const all = (await list.getByRole('listitem').allTextContents()).map((s) => s.trim());
  const current = (await list.locator('[aria-current="step"]').textContent())?.trim() ?? '';
  return { all, current };
}

async function atStep(setup: Page, name: string): Promise<void> {
  await expect(setup.locator('#setup-step-h')).toContainText(name);
  expect((await steps(setup)).current).toBe(name);
}

async function approveIn(setup: Page, choice: 'Approve' | 'Decline' = 'Approve'): Promise<void> {
  await setup.setViewportSize({ width: 900, height: 900 });
  await signInThroughClio(setup, choice);
}

const tokenExchanges = async () => (await sandbox.log()).filter((r) => r.path === '/oauth/token');

test('on install the setup opens; with the app built in it goes to sign-in, Grow and the tour, and Done shows the options', async ({ setupTab: setup }) => {
  test.setTimeout(90_000);
  await expect(setup).toHaveTitle('Set up Clio Companion');
  await expect(setup.getByRole('heading', { level: 1, name: 'Set up Clio Companion' })).toBeVisible();
  // A build for one server with its app: no region to choose and no app to enter.
  expect((await steps(setup)).all).toEqual(['Sign in', 'Clio Grow', 'Tour']);
  await atStep(setup, 'Sign in');
  await expect(setup.getByRole('combobox', { name: 'Region' })).toHaveCount(0);
  await expect(setup.getByRole('textbox', { name: 'App key', exact: true })).toHaveCount(0);
  await expect(setup.getByRole('button', { name: 'Back' })).toHaveCount(0);
  await screenshot(setup, 'setup-sign-in');

  await approveIn(setup);
  await atStep(setup, 'Clio Grow');
  await expect(setup.getByRole('button', { name: 'Skip' })).toBeVisible();
  await screenshot(setup, 'setup-grow');
  const growAuth = setup.context().waitForEvent('page');
  await setup.getByRole('button', { name: 'Connect Clio Grow' }).click();
  const auth = await growAuth;
  await auth.waitForLoadState();
  await auth.getByRole('button', { name: 'Approve' }).click();
  await expect(setup.getByRole('button', { name: 'Disconnect Clio Grow' })).toBeVisible();
  // Connected: the way on is Next, no longer Skip.
  await expect(setup.getByRole('button', { name: 'Skip' })).toHaveCount(0);

  // Back to sign-in: it says who is signed in, and goes on.
  await setup.getByRole('button', { name: 'Back' }).click();
  await atStep(setup, 'Sign in');
  const [user] = (await sandbox.state()).users;
  await expect(setup.getByText(`Signed in as ${user!.name}.`)).toBeVisible();
  await setup.getByRole('button', { name: 'Next' }).click();
  await atStep(setup, 'Clio Grow');
  await setup.getByRole('button', { name: 'Next' }).click();

  await atStep(setup, 'Tour');
  for (const region of ['The toolbar button', 'The side panel', 'Right-click']) await expect(setup.getByRole('region', { name: region })).toBeVisible();
  // The right-click items by the menus' own titles.
  const menus = setup.getByRole('region', { name: 'Right-click' }).getByRole('listitem');
  await expect(menus).toHaveText([
    'Capture as Clio Grow lead',
    'Save to Clio matter…',
    'Add to Clio as deadline…',
    'Search Clio matters for “…”',
    'Check conflicts for “…”',
  ]);
  await screenshot(setup, 'setup-tour');

  await setup.getByRole('button', { name: 'Done' }).click();
  await expect(setup.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect(setup.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(setup).toHaveTitle('Clio Companion options');
  expect(new URL(setup.url()).hash).toBe('');
  expect((await tokenExchanges()).map((r) => r.status)).toEqual([200]);
});

test('the auth window closed without a code points at the redirect URI; a decline says so', async ({ setupTab: setup }) => {
  await atStep(setup, 'Sign in');
  await setup.setViewportSize({ width: 900, height: 900 });
  // Clio shows its own error page for a redirect URI the app does not know; the person closes the window.
  const opened = setup.context().waitForEvent('page');
  await setup.getByRole('button', { name: 'Sign in with Clio' }).click();
  const auth = await opened;
  await auth.waitForLoadState();
  await auth.close();
  // Sign-in's own words in the status line, then what to check.
  await expect(setup.getByRole('status')).toHaveText('The Clio sign-in window closed before sign-in finished. Nothing was changed.');
  const problem = setup.getByRole('alert');
  await expect(problem).toContainText('redirect URI is not registered on your Clio app');
  await expect(problem.locator('code')).toHaveText(/^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/);
  await expect(problem.getByRole('button', { name: 'Copy redirect URI' })).toBeVisible();
  await atStep(setup, 'Sign in');
  await screenshot(setup, 'setup-window-closed');

  await signInThroughClio(setup, 'Decline');
  await expect(setup.getByRole('status')).toHaveText('Sign-in was declined in Clio. Nothing was changed.');
  await expect(problem).toContainText('sign in again and approve it');
  await expect(problem).not.toContainText('redirect URI');
  expect(await tokenExchanges()).toEqual([]);
});

test.describe('a build without the app', () => {
  test.use({ build: 'no-app' });

  test('asks for the app; a wrong secret comes back from Clio as invalid_client at the app step; the right one signs in', async ({ setupTab: setup }) => {
    test.setTimeout(90_000);
    await atStep(setup, 'Clio app');
    expect((await steps(setup)).all).toEqual(['Clio app', 'Sign in', 'Clio Grow', 'Tour']);
    // What to do in Clio's developer portal, right there: the redirect URI to copy and the permissions to tick.
    await expect(setup.locator('#redirect-uri')).toHaveText(/^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/);
    await expect(setup.getByRole('button', { name: 'Copy redirect URI' })).toBeEnabled();
    const permissions = setup.getByRole('region', { name: 'Permissions to tick on the app' });
    await expect(permissions).toContainText('Activities');
    await expect(permissions).toContainText('Matters');
    // The Grow app's fields belong to the options page, not to this step.
    await expect(setup.getByRole('textbox', { name: 'Grow app key', exact: true })).toHaveCount(0);
    await screenshot(setup, 'setup-app');

    await setup.getByRole('button', { name: 'Save and continue' }).click();
    await expect(setup.getByRole('status')).toContainText('Enter the app’s key and secret');
    await atStep(setup, 'Clio app');

    await setup.getByRole('textbox', { name: 'App key', exact: true }).fill(MANAGE_CLIENT_ID);
    await setup.getByLabel('App secret').fill('not-the-secret');
    await setup.getByRole('button', { name: 'Save and continue' }).click();
    await atStep(setup, 'Sign in');
    await approveIn(setup);
    // Clio's token endpoint refused the secret: the setup goes back to the app, in Clio's words.
    await atStep(setup, 'Clio app');
    const problem = setup.getByRole('alert');
    await expect(problem).toContainText('Clio did not accept the app key and secret.');
    await expect(problem).toContainText('invalid_client');
    await expect(problem).toContainText('Settings → Developer Applications');
    expect((await tokenExchanges()).map((r) => r.status)).toEqual([401]);
    await screenshot(setup, 'setup-app-invalid-client');

    // The secret saved is kept (its box says so); the right one replaces it.
    await expect(setup.getByLabel('App secret')).toHaveAttribute('placeholder', /Saved/);
    await setup.getByLabel('App secret').fill(MANAGE_CLIENT_SECRET);
    await setup.getByRole('button', { name: 'Save and continue' }).click();
    await atStep(setup, 'Sign in');
    await setup.getByRole('button', { name: 'Back' }).click();
    await atStep(setup, 'Clio app');
    await expect(setup.getByRole('alert')).toHaveCount(0);
    await setup.getByRole('button', { name: 'Save and continue' }).click();
    await approveIn(setup);
    await atStep(setup, 'Clio Grow');
    expect((await tokenExchanges()).map((r) => r.status)).toEqual([401, 200]);

    await setup.getByRole('button', { name: 'Skip' }).click();
    await atStep(setup, 'Tour');
    await setup.getByRole('button', { name: 'Done' }).click();
    await expect(setup.getByRole('button', { name: 'Sign out' })).toBeVisible();
    // The options page shows the app as entered.
    await expect(setup.getByRole('textbox', { name: 'App key', exact: true })).toHaveValue(MANAGE_CLIENT_ID);
  });
});
