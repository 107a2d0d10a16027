/**
 * Signing out in Firefox: a timer stopped afterwards is held for the user who ran it (the popup says so) and sent
 * once they sign in again; "Also forget this browser's data" clears what was kept and says what.
 */
import { describe, expect, it } from 'vitest';
import { openPopup, pickMatter, sandbox, signedIn, signInThroughClio, storedItems, useFirefox } from './fixtures';
import { click, fill, send, until, waitForText } from './page-helpers';

describe('Firefox: signing out', () => {
  const firefox = useFirefox();

  it('a timer stopped after sign-out is held for its user, the popup says so, and it goes once they sign in again', async () => {
    const [matter] = await sandbox.matters('', 'Open');
    const [user] = (await sandbox.state()).users;
    const options = await signedIn(firefox());
    const popup = await openPopup(firefox());
    await pickMatter(popup, matter!.display_number);
    await click(popup, 'button', 'Start timer');
    await until(async () => (await sandbox.state()).timers.length === 1, { message: 'Clio’s timer to run' });
    const activityId = (await sandbox.state()).timers[0]!.activityId;

    await click(options, 'button', 'Sign out');
    await waitForText(options, 'Signed out');
    await sandbox.clearLog();
    await send(options, 'triggers/command', { command: 'toggle-timer' });
    const signedOutPopup = await openPopup(firefox());
    await waitForText(signedOutPopup, `One entry is kept for ${user!.name}: it is sent to Clio only when ${user!.name} signs in again.`);
    expect((await sandbox.log()).filter((r) => r.path.startsWith('/api/v4'))).toHaveLength(0);

    await signInThroughClio(firefox(), options);
    await until(async () => (await sandbox.log()).some((r) => r.method === 'PATCH' && r.path === `/api/v4/activities/${activityId}.json`), {
      timeout: 30_000,
      message: 'the held stop to reach Clio',
    });
  });

  it('“Also forget this browser’s data” clears what was kept for the user and says what', async () => {
    const [matter] = await sandbox.matters('', 'Open');
    const options = await signedIn(firefox());
    const popup = await openPopup(firefox());
    await click(popup, 'tab', 'Log time');
    await pickMatter(popup, matter!.display_number);
    await fill(popup, 'textbox', 'Duration', '1h');
    await until(
      async () =>
        ((await storedItems<{ 'popup-draft'?: { entry?: { duration?: string } } }>(popup, ['popup-draft']))['popup-draft']?.entry?.duration ?? '') === '1h',
      {
        message: 'the draft to be kept',
      },
    );

    await click(options, 'checkbox', 'Also forget this browser’s data');
    await click(options, 'button', 'Sign out');
    await waitForText(options, 'Forgotten in this browser: the popup’s unsaved entry');
    expect(await storedItems(options, ['popup-draft'])).toEqual({});
  });
});
