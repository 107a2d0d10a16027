/**
 * The matter detail's "Add note" and its Notes / Communications / Documents sections, in the built extension against
 * the sandbox: a note added from the side panel reaches Clio once (a Matter note) and shows in "Notes"; the sections
 * ask Clio nothing until opened, then one request each.
 */
import type { Page } from '@playwright/test';
import { expect, openMatterDetail, screenshot, signedIn, test } from './fixtures';
import { sandbox } from './sandbox-admin';

interface SandboxNote {
  id: number;
  type: string;
  subject: string;
  detail: string;
  matter: { id: number } | null;
  contact: unknown;
}

const filingRequests = async () =>
  (await sandbox.log()).filter((r) => /^\/api\/v4\/(notes|communications|documents)/.test(r.path)).map((r) => `${r.method} ${r.path.replace('/api/v4', '')}`);

async function openMatter(extensionPage: (p: 'sidepanel.html') => Promise<Page>, displayNumber: string): Promise<Page> {
  const page = await extensionPage('sidepanel.html');
  await page.setViewportSize({ width: 400, height: 900 });
  await openMatterDetail(page, displayNumber);
  await expect(page.getByRole('heading', { name: 'Recent time' })).toBeVisible();
  return page;
}

test('add a note from the side panel: one Matter note in Clio, shown in "Notes"; sections load only when opened', async ({ extensionPage }) => {
  await signedIn(extensionPage);
  const [target] = await sandbox.matters('', 'Open');
  await sandbox.clearLog();
  const page = await openMatter(extensionPage, target!.display_number);

  // Opening the detail asks nothing of notes, communications or documents.
  for (const name of ['Notes', 'Communications', 'Documents']) await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
  expect(await filingRequests()).toEqual([]);

  const notes = page.getByRole('region', { name: 'Notes' });
  await notes.getByRole('button', { name: 'Notes', exact: true }).click();
  await expect(notes.getByText('None yet.')).toBeVisible();
  expect(await filingRequests()).toEqual(['GET /notes.json']);

  await page.getByRole('button', { name: 'Add note' }).click();
  const form = page.getByRole('form', { name: 'Add note' });
  await form.getByRole('textbox', { name: 'Subject' }).fill('Call with opposing counsel');
  await form.getByRole('textbox', { name: 'Note' }).fill('They will send the draft <b>settlement</b> on Friday.');
  await form.getByRole('button', { name: 'Save note' }).click();
  await expect(form.getByRole('status')).toContainText(`Note saved to ${target!.display_number}`);
  await expect(form.getByRole('textbox', { name: 'Subject' })).toHaveValue('');

  const state = (await sandbox.state()) as unknown as { notes: SandboxNote[] };
  expect(state.notes).toEqual([
    expect.objectContaining({
      type: 'Matter',
      subject: 'Call with opposing counsel',
      detail: 'They will send the draft <b>settlement</b> on Friday.',
      matter: { id: target!.id },
      contact: null,
    }),
  ]);
  // The open section shows it, linked to the matter's notes in Clio.
  const link = notes.getByRole('link', { name: 'Call with opposing counsel' });
  await expect(link).toBeVisible();
  expect(await link.getAttribute('href')).toMatch(new RegExp(`/nc/#/matters/${target!.id}/notes$`));
  expect((await filingRequests()).filter((r) => r.startsWith('POST'))).toEqual(['POST /notes.json']);

  await page.getByRole('region', { name: 'Communications' }).getByRole('button', { name: 'Communications', exact: true }).click();
  await page.getByRole('region', { name: 'Documents' }).getByRole('button', { name: 'Documents', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Documents' }).getByText('None yet.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Communications' }).getByText('None yet.')).toBeVisible();
  expect((await filingRequests()).filter((r) => r.startsWith('GET'))).toEqual([
    'GET /notes.json',
    'GET /notes.json',
    'GET /communications.json',
    'GET /documents.json',
  ]);
  await screenshot(page, 'sidepanel-matter-notes');
});

test('a note the background refuses (a blank subject) comes back to the form with its words; nothing reaches Clio', async ({ extensionPage }) => {
  await signedIn(extensionPage);
  const [target] = await sandbox.matters('', 'Open');
  const page = await openMatter(extensionPage, target!.display_number);
  await page.getByRole('button', { name: 'Add note' }).click();
  const form = page.getByRole('form', { name: 'Add note' });
  // A subject of spaces passes the field's `required` but not the background's check.
  await form.getByRole('textbox', { name: 'Subject' }).fill('   ');
  await form.getByRole('button', { name: 'Save note' }).click();
  await expect(form.getByRole('status')).toHaveText('Enter a subject.');
  expect(((await sandbox.state()) as unknown as { notes: SandboxNote[] }).notes).toEqual([]);
});
