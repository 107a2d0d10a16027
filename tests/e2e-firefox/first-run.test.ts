/** The first-run setup in Firefox: the install opens it in a tab; with the app built in, sign-in, Skip, the tour, Done. */
import { describe, expect, it } from 'vitest';
import { sandbox, signInThroughClio, useFirefox } from './fixtures';
import { click, has, waitForText } from './page-helpers';

describe('Firefox: first-run setup', () => {
  const firefox = useFirefox();

  it('opens on install and goes from sign-in to the options page', async () => {
    // The fixture closed the tab the install opened: install again, keeping it.
    await firefox().installFresh(() => sandbox.reset(), { keepSetupTab: true });
    const setup = await firefox().setupPage();
    await waitForText(setup, 'Step 1 of 3: Sign in');
    await signInThroughClio(firefox(), setup);
    await waitForText(setup, 'Step 2 of 3: Clio Grow');
    await click(setup, 'button', 'Skip');
    await waitForText(setup, 'Step 3 of 3: Tour');
    await waitForText(setup, 'Capture as Clio Grow lead');
    await click(setup, 'button', 'Done');
    await waitForText(setup, 'Signed in as');
    expect(await has(setup, 'button', 'Sign out')).toBe(true);
    expect(await setup.evaluate(() => location.hash)).toBe('');
  });
});
