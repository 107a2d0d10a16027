/** Signing in through `identity.launchWebAuthFlow` in Firefox, with Firefox's redirect URI. */
import { describe, expect, it } from 'vitest';
import { sandbox, signInThroughClio, useFirefox } from './fixtures';
import { has, textOf, waitForText } from './page-helpers';

describe('Firefox: sign-in', () => {
  const firefox = useFirefox();

  it('the options page shows Firefox’s redirect URI; signing in through Clio’s approve page shows who I am on the options page and the popup', async () => {
    const [user] = (await sandbox.state()).users;
    const popup = await firefox().open('popup.html', { width: 360, height: 300 });
    await waitForText(popup, 'Connect your Clio account');

    const options = await firefox().open('options.html');
    // Firefox's form: https://<sha1 of the add-on id>.extensions.allizom.org/ (never chromiumapp.org).
    const redirect = await options.$eval('#redirect-uri', (e) => e.textContent);
    expect(redirect).toMatch(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/);
    expect(redirect).toBe(
      await options.evaluate(() => (globalThis as unknown as { browser: { identity: { getRedirectURL(): string } } }).browser.identity.getRedirectURL()),
    );

    await signInThroughClio(firefox(), options);
    await waitForText(options, user!.email);
    await waitForText(options, user!.name);
    expect(await has(options, 'button', 'Sign out')).toBe(true);
    // The popup follows the stored account without asking Clio again.
    await waitForText(popup, user!.name);

    const log = await sandbox.log();
    const exchanges = log.filter((r) => r.path === '/oauth/token');
    expect(exchanges.map((r) => r.grantType)).toEqual(['authorization_code']);
    // The redirect the sandbox's app accepted is the allizom one the options page shows.
    const authorize = log.find((r) => r.path === '/oauth/authorize');
    expect(authorize?.query?.redirect_uri).toBe(redirect);
    const whoAmI = log.filter((r) => /^\/api\/v4\/users\/who_am_i(\.json)?$/.test(r.path));
    expect(whoAmI).toHaveLength(1);
    expect(await textOf(options, 'button', 'Sign out')).toBe('Sign out');
  });

  it('declining in Clio says so and stores nothing', async () => {
    const options = await firefox().open('options.html');
    await signInThroughClio(firefox(), options, { choice: 'Decline' });
    await waitForText(options, 'declined');
    expect(await has(options, 'button', 'Sign in with Clio')).toBe(true);
    expect((await sandbox.log()).filter((r) => r.path === '/oauth/token')).toEqual([]);
  });
});
