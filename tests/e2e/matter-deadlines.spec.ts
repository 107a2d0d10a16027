/**
 * The side panel's matter detail "Deadlines" section, in the built extension against the sandbox: it asks Clio nothing
 * until opened, then lists the matter's next open tasks (soonest due first) and calendar entries still to come, in 2
 * requests.
 */
import { clioAsUser } from './clio-as-user';
import { expect, screenshot, signedIn, test } from './fixtures';
import { sandbox } from './sandbox-admin';

const deadlineRequests = async () =>
  (await sandbox.log()).filter((r) => /^\/api\/v4\/(tasks|calendar_entries)/.test(r.path)).map((r) => `${r.method} ${r.path.replace('/api/v4', '')}`);

test('the Deadlines section loads only when opened and lists open tasks and calendar entries still to come', async ({ extensionPage, worker }) => {
  await signedIn(extensionPage);
  const [target, other] = await sandbox.matters('', 'Open');
  const task = (name: string, due_at: string, extra: object = {}) =>
    clioAsUser(worker, 'POST', '/tasks.json', {
      data: { name, description: 'd', due_at, assignee: { id: 1001, type: 'User' }, matter: { id: target!.id }, ...extra },
    });
  await task('File the reply brief', '2027-02-01');
  await task('Answer the complaint', '2027-01-26', { statute_of_limitations: true, priority: 'High' });
  await task('Done already', '2026-01-01', { status: 'complete' });
  await task('On another matter', '2027-01-01', { matter: { id: other!.id } });
  const entry = (summary: string, start_at: string, end_at: string) =>
    clioAsUser(worker, 'POST', '/calendar_entries.json', { data: { summary, start_at, end_at, calendar_owner: { id: 8001 }, matter: { id: target!.id } } });
  await entry('Trial', '2027-03-01T14:00:00Z', '2027-03-01T22:00:00Z');
  await entry('Hearing on the motion', '2027-01-05T15:00:00Z', '2027-01-05T16:00:00Z');
  await entry('Old conference', '2020-01-05T15:00:00Z', '2020-01-05T16:00:00Z');
  await sandbox.clearLog();

  const page = await extensionPage('sidepanel.html');
  await page.setViewportSize({ width: 400, height: 900 });
  await expect(page.getByText(/Synced (just now|\d+ min ago)/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('searchbox', { name: 'Search matters' }).fill(target!.display_number);
  await page.getByRole('list', { name: 'Matters' }).getByRole('listitem').filter({ hasText: target!.display_number }).first().click();
  await expect(page.getByRole('heading', { name: 'Recent time' })).toBeVisible();

  const section = page.getByRole('region', { name: 'Deadlines' });
  await expect(section).toBeVisible();
  expect(await deadlineRequests()).toEqual([]);

  await section.getByRole('button', { name: 'Deadlines' }).click();
  const tasks = section.getByRole('list', { name: 'Open tasks' }).getByRole('listitem');
  await expect(tasks).toHaveText([/Jan 26, 2027\s*Answer the complaint\s*Statute of limitations\s*High priority/, /Feb 1, 2027\s*File the reply brief/]);
  const entries = section.getByRole('list', { name: 'Calendar' }).getByRole('listitem');
  // The user's Clio zone is New York: 15:00 UTC is 10:00 AM there.
  await expect(entries).toHaveText([/Jan 5, 2027, 10:00\sAM\s*Hearing on the motion/, /Mar 1, 2027, 9:00\sAM\s*Trial/]);
  expect((await deadlineRequests()).sort()).toEqual(['GET /calendar_entries.json', 'GET /tasks.json']);
  await screenshot(page, 'sidepanel-deadlines');
});
