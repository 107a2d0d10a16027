/**
 * What a newcomer sees first (#17): the sandbox's root page, and the options page in its sections. Screenshots of
 * both, in both themes.
 */
import { expect, screenshot, signInThroughClio, test } from './fixtures';
import { E2E_SANDBOX } from './ports';
import { sandbox } from './sandbox-admin';

test('the sandbox’s root says what it is, who to sign in as, and links the pages to try capture on', async ({ context }) => {
  const [user] = (await sandbox.state()).users;
  const page = await context.newPage();
  const reply = await page.goto(`${E2E_SANDBOX}/`);
  expect(reply?.status()).toBe(200);
  expect(reply?.headers()['content-type']).toMatch(/^text\/html/);
  await expect(page.getByRole('heading', { level: 1, name: 'Clio sandbox' })).toBeVisible();
  await expect(page.getByText(`${user!.name} (${user!.email})`)).toBeVisible();
  await screenshot(page, 'sandbox-root');
  for (const name of ['contact', 'webmail', 'directory']) {
    const link = page.getByRole('link', { name, exact: true });
    await expect(link).toHaveAttribute('href', `/pages/${name}`);
  }
  await page.getByRole('link', { name: 'contact', exact: true }).click();
  await expect(page).toHaveURL(`${E2E_SANDBOX}/pages/contact`);
  await expect(page.locator('#message')).toBeVisible();
});

test('options come in sections, region and app before Grow’s token, who is signed in said once', async ({ extensionPage }) => {
  const options = await extensionPage('options.html');
  const nav = options.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link')).toHaveText(['Account', 'Clio app', 'Grow', 'Timer']);
  await signInThroughClio(options);
  await expect(options.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(nav.getByRole('link')).toHaveText(['Account', 'Clio app', 'Grow', 'Timer', 'Privacy']);
  await expect(options.getByRole('heading', { level: 2 })).toHaveText(['Clio account', 'Clio app', 'Clio Grow (leads)', 'Timer', 'Privacy']);

  // "Signed in as …" once: in the account's card, not again in its status line.
  await expect(options.getByText(/Signed in as/)).toHaveCount(1);
  await expect(options.getByRole('region', { name: 'Clio account', exact: true }).getByRole('status')).toHaveText('');

  // The region and the Clio app come before the Lead Inbox token.
  const top = async (name: string, role: 'combobox' | 'textbox') => (await options.getByRole(role, { name, exact: true }).boundingBox())!.y;
  const region = await top('Region', 'combobox');
  const appKey = await top('App key', 'textbox');
  const token = await top('Lead Inbox token', 'textbox');
  expect(region).toBeLessThan(appKey);
  expect(appKey).toBeLessThan(token);

  // The redirect URI is as wide as the fields under it.
  const uri = (await options.locator('#redirect-uri').boundingBox())!;
  const key = (await options.getByRole('textbox', { name: 'App key', exact: true }).boundingBox())!;
  expect(Math.abs(uri.width - key.width)).toBeLessThanOrEqual(1);
  await screenshot(options, 'options-sections');
});
