/**
 * The Activity picker's rates: asked of Clio once when a matter is picked (`rate_for[matter_id]`, `rate_for[user_id]`),
 * kept for the next opening; a user Clio hides rates from sees none and no rate is ever asked for them.
 */
import type { Page } from '@playwright/test';
import { clioAsUser } from './clio-as-user';
import { expect, openPopup, pickMatter, screenshot, signedIn, storedItems, test } from './fixtures';
import { sandbox } from './sandbox-admin';

async function logTimeFor(popup: Page, matterNumber: string) {
  await popup.getByRole('tab', { name: 'Log time' }).click();
  await pickMatter(popup, matterNumber);
}

const activityOptions = (popup: Page) => popup.getByRole('combobox', { name: 'Activity' }).locator('option').allTextContents();
const rateRequests = async () => (await sandbox.log()).filter((r) => r.path === '/api/v4/activity_descriptions.json' && r.query?.['rate_for[matter_id]']);
const money = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n);

test('the Activity picker shows the rate Clio would apply on the picked matter, asked once, kept for the next opening', async ({ extensionPage, worker }) => {
  const [matter] = await sandbox.matters('', 'Open');
  await signedIn(extensionPage);
  let popup = await openPopup(extensionPage);
  await sandbox.clearLog();
  await logTimeFor(popup, matter!.display_number);

  // What Clio says for this matter and user (asked as the user would in Clio's web app, after the popup asked).
  await expect.poll(async () => (await rateRequests()).length).toBe(1);
  const clio = (await clioAsUser(
    worker,
    'GET',
    `/activity_descriptions.json?fields=id,name,rate{amount,type}&rate_for[matter_id]=${matter!.id}&rate_for[user_id]=1001`,
  )) as { data: Array<{ name: string; rate: { amount: number; type: string } }> };
  const expected = clio.data.map((d) => (d.rate.type === 'FlatRate' ? `${d.name} — flat ${money(d.rate.amount)}` : `${d.name} — ${money(d.rate.amount)}/h`));
  expect(expected.filter((e) => e.startsWith('Filing — flat $'))).toHaveLength(1);
  await expect.poll(() => activityOptions(popup)).toEqual(['— none —', ...expected]);

  const [asked] = await rateRequests();
  expect(asked!.query).toMatchObject({ 'rate_for[matter_id]': String(matter!.id), 'rate_for[user_id]': '1001', fields: 'id,rate{amount,type}' });
  // Only the timer check of the opening besides it; choosing an activity asks nothing more.
  await popup.getByRole('combobox', { name: 'Activity' }).selectOption({ index: 1 });
  await expect(popup.getByRole('combobox', { name: 'Activity' })).toHaveValue(/\d+/);
  const apiCalls = (await sandbox.log()).filter((r) => r.path.startsWith('/api/v4') && !r.path.startsWith('/api/v4/timer'));
  expect(apiCalls.map((r) => r.path)).toEqual(['/api/v4/activity_descriptions.json', '/api/v4/activity_descriptions.json']); // the popup's, then ours above
  // The list, opened as a person would see it (a native select's menu is not in a screenshot: shown as a list box here).
  await popup.getByRole('combobox', { name: 'Activity' }).evaluate((s: HTMLSelectElement) => (s.size = 8));
  await screenshot(popup, 'popup-activity-rates');
  await popup.close();

  // The next opening, with the same matter in the kept draft: the rates kept, no request.
  await sandbox.clearLog();
  popup = await openPopup(extensionPage);
  await expect.poll(() => activityOptions(popup)).toEqual(['— none —', ...expected]);
  await popup.getByRole('combobox', { name: 'Activity' }).focus();
  await popup.waitForTimeout(500);
  expect((await sandbox.log()).filter((r) => r.path.startsWith('/api/v4') && !r.path.startsWith('/api/v4/timer'))).toEqual([]);
});

test('a user who may not see rates sees none, and no rate is asked of Clio', async ({ extensionPage }) => {
  const [matter] = await sandbox.matters('', 'Open');
  const sofia = (await sandbox.state()).users.find((u) => u.id === 1003)!;
  const options = await extensionPage('options.html');
  const authPage = options.context().waitForEvent('page');
  await options.getByRole('button', { name: 'Sign in with Clio' }).click();
  const auth = await authPage;
  await auth.getByLabel('Sign in as').selectOption(String(sofia.id));
  await auth.getByRole('button', { name: 'Approve' }).click();
  await expect(options.getByText(sofia.email)).toBeVisible();
  // The sign-in's own fetches (the matter index, the Activity list) done first.
  await expect
    .poll(
      () =>
        storedItems<Record<string, { running?: boolean; lastSyncAt?: number | null } | undefined>>(options, [
          'matter-sync',
          'activity-descriptions',
          'expense-setup',
        ]).then((got) => !!got['matter-sync']?.lastSyncAt && !got['matter-sync'].running && !!got['activity-descriptions'] && !!got['expense-setup']),
      { timeout: 30_000 },
    )
    .toBe(true);
  expect(await storedItems<{ account: { user: { seesRates: boolean } } }>(options, ['account'])).toMatchObject({ account: { user: { seesRates: false } } });

  const popup = await openPopup(extensionPage);
  await sandbox.clearLog();
  await logTimeFor(popup, matter!.display_number);
  const activity = popup.getByRole('combobox', { name: 'Activity' });
  await activity.focus();
  await activity.selectOption({ label: 'Legal research' });
  await popup.waitForTimeout(1000);
  const texts = await activityOptions(popup);
  expect(texts).toContain('Filing');
  expect(texts.filter((t) => t.includes('—') && t !== '— none —')).toEqual([]);
  expect(await rateRequests()).toEqual([]);
  expect((await sandbox.log()).filter((r) => r.path.startsWith('/api/v4') && !r.path.startsWith('/api/v4/timer'))).toEqual([]);
  await screenshot(popup, 'popup-activity-no-rates');
});
