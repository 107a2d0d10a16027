import { connectGrow, expect, screenshot, storedItems, test } from './fixtures';
import { sandbox } from './sandbox-admin';

test('Connect Clio Grow runs OAuth with PKCE and the scopes; disconnect revokes', async ({ extensionPage }) => {
  await connectGrow(extensionPage);
  const log = await sandbox.log();
  const token = log.find((r) => r.path === '/grow/oauth/token');
  expect(token?.grantType).toBe('authorization_code');
  expect(token?.status).toBe(200);
  const options = await extensionPage('options.html');
  await expect(options.getByText(/Connected to Clio Grow/)).toBeVisible();
  await screenshot(options, 'options-grow-connected');
  await options.getByRole('button', { name: 'Disconnect Clio Grow' }).click();
  await expect(options.getByRole('button', { name: 'Connect Clio Grow' })).toBeVisible();
  await expect.poll(async () => (await sandbox.log()).some((r) => r.path === '/grow/oauth/revoke')).toBe(true);
});

test('the Lead Inbox token is an alternative for firms without a Platform app', async ({ extensionPage }) => {
  const options = await extensionPage('options.html');
  await options.getByLabel('Lead Inbox token').fill('sandbox-inbox-token');
  await options.getByRole('button', { name: 'Save token' }).click();
  await expect(options.getByText('Lead Inbox token saved.')).toBeVisible();
  await expect(options.getByText(/through the firm’s Lead Inbox token/)).toBeVisible();
  // An app secret typed on the options page goes to the background's vault too.
  await options.getByLabel('App secret', { exact: true }).fill('a-secret-the-page-must-not-see');
  await options.getByRole('button', { name: 'Save app credentials' }).click();
  await expect(options.getByLabel('App secret', { exact: true })).toHaveAttribute('placeholder', 'Saved: type to replace');
  // Neither lands in storage.local, which content scripts can read, nor among the items the extension's pages read.
  const local = await options.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { get(): Promise<object> } } } }).chrome.storage.local.get(),
  );
  const items = await storedItems(options, null);
  for (const kept of [local, items]) {
    expect(JSON.stringify(kept)).not.toContain('sandbox-inbox-token');
    expect(JSON.stringify(kept)).not.toContain('a-secret-the-page-must-not-see');
  }
});
