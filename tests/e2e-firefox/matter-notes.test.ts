/**
 * The matter detail's "Add note" and its lazy sections in Firefox's sidebar page (opened as a tab): a note added
 * there reaches Clio once as a Matter note and shows in "Notes"; nothing is asked of Clio until a section opens.
 */
import { describe, expect, it } from 'vitest';
import { sandbox, signedIn, useFirefox } from './fixtures';
import { byRole, click, fill, textOf, until, waitForText } from './page-helpers';

const filingRequests = async () =>
  (await sandbox.log()).filter((r) => /^\/api\/v4\/(notes|communications|documents)/.test(r.path)).map((r) => `${r.method} ${r.path.replace('/api/v4', '')}`);

describe('Firefox: notes in the matter detail', () => {
  const firefox = useFirefox();

  it('adds a note from the sidebar page; "Notes" loads only when opened and shows it', async () => {
    await signedIn(firefox());
    const [matter] = await sandbox.matters('', 'Open');
    const panel = await firefox().open('sidepanel.html', { width: 400, height: 900 });
    await waitForText(panel, /Synced (just now|\d+ min ago)/, 30_000);
    await sandbox.clearLog();
    await fill(panel, 'searchbox', 'Search matters', matter!.display_number);
    await waitForText(panel, matter!.display_number);
    await panel.keyboard.press('Enter');
    await until(async () => (await panel.$eval('h1', (h) => h.textContent ?? '')).includes(matter!.display_number), { message: 'the matter’s detail' });
    await byRole(panel, 'region', 'Notes');
    await byRole(panel, 'region', 'Documents');
    expect(await filingRequests()).toEqual([]);

    await click(panel, 'button', 'Notes');
    await waitForText(panel, 'None yet.');
    expect(await filingRequests()).toEqual(['GET /notes.json']);

    await click(panel, 'button', 'Add note');
    await fill(panel, 'textbox', 'Subject', 'Hearing moved');
    await fill(panel, 'textbox', 'Note', 'Now on 3 May at 10:00.');
    await click(panel, 'button', 'Save note');
    await until(async () => (await textOf(panel, 'form', 'Add note')).includes(`Note saved to ${matter!.display_number}`), { message: 'the note saved' });
    await byRole(panel, 'link', 'Hearing moved');
    const notes = ((await sandbox.state()) as unknown as { notes: Array<Record<string, unknown>> }).notes;
    expect(notes).toEqual([
      expect.objectContaining({ type: 'Matter', subject: 'Hearing moved', detail: 'Now on 3 May at 10:00.', matter: { id: matter!.id } }),
    ]);
    expect((await filingRequests()).filter((r) => r.startsWith('POST'))).toEqual(['POST /notes.json']);
  });
});
