import type { Page } from '@playwright/test';
import { expect, signedIn, signInThroughClio, test } from './fixtures';
import { sandbox } from './sandbox-admin';
import { E2E_SANDBOX } from './ports';

/** The extension API as seen inside an extension page (evaluated there, not in Node). */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Sends `n` "who am I" requests to the background at once, as several surfaces would. */
function refreshAccountTimes(page: Page, n: number) {
  return page.evaluate(
    (count) => Promise.all(Array.from({ length: count }, () => chrome.runtime.sendMessage({ channel: 'clio-companion', type: 'auth/refresh-account' }))),
    n,
  ) as Promise<Array<{ ok: boolean; value?: { user?: { email: string } }; error?: { kind: string; message: string } }>>;
}

test('an expired access token with several requests in flight leads to exactly one refresh', async ({ extensionPage }) => {
  // Signed in, and the first matter sync done, so nothing else is talking to Clio.
  await signedIn(extensionPage);
  const options = await extensionPage('options.html');
  await expect(options.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await sandbox.tokens({ expireAll: true });
  await sandbox.clearLog();

  const replies = await refreshAccountTimes(options, 5);
  expect(replies.every((r) => r.ok)).toBe(true);

  const log = await sandbox.log();
  expect(log.filter((r) => r.path === '/oauth/token').map((r) => r.grantType)).toEqual(['refresh_token']);
  expect(log.filter((r) => r.path.startsWith('/api/v4') && r.status === 401).length).toBeGreaterThanOrEqual(1);
});

test('when Clio revokes the session, the user is told to sign in again', async ({ extensionPage }) => {
  await signedIn(extensionPage);
  const options = await extensionPage('options.html');
  await expect(options.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await sandbox.tokens({ revokeAll: true });

  const [reply] = await refreshAccountTimes(options, 1);
  expect(reply).toMatchObject({ ok: false, error: { kind: 'signed-out' } });
  const popup = await extensionPage('popup.html');
  await expect(popup.getByText('Sign in again')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Sign in with Clio' })).toBeVisible();
});

test('a 429 storm slows the sign-in down but it still succeeds', async ({ extensionPage }) => {
  const user = (await sandbox.state()).users[0]!;
  await sandbox.faults({ storm429: { count: 3, retryAfter: 1 }, scope: 'manage' });
  const options = await extensionPage('options.html');
  await signInThroughClio(options);
  await expect(options.getByText(user.email)).toBeVisible({ timeout: 20_000 });
  await expect(options.getByRole('region', { name: 'Clio account', exact: true })).toContainText('Signed in as');
  const whoAmI = (await sandbox.log()).filter((r) => r.path.startsWith('/api/v4/users/who_am_i'));
  expect(whoAmI.map((r) => r.status)).toEqual([429, 429, 429, 200]);
});

test('a message from a web page is refused', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`${E2E_SANDBOX}/__admin/state`);
  const outcome = await page.evaluate(async (id) => {
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
    if (!runtime?.sendMessage) return 'no channel to the extension';
    try {
      await (runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(id, { channel: 'clio-companion', type: 'auth/sign-out' });
      return 'answered';
    } catch {
      return 'refused';
    }
  }, extensionId);
  expect(['no channel to the extension', 'refused']).toContain(outcome);
});
