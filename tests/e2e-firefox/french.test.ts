/**
 * Firefox in French: with Debian's `firefox-esr-l10n-fr` language pack, asking for French (Firefox's
 * `intl.locale.requested`, here through Services.locale in the chrome scope, then a fresh install so the extension
 * starts in it) makes browser.i18n answer from _locales/fr and getUILanguage() `fr`. The shared Firefox goes back to
 * English after the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sandbox, useFirefox } from './fixtures';
import { waitForText } from './page-helpers';

describe('Firefox: French', () => {
  const firefox = useFirefox();
  afterEach(() => firefox().chrome(`Services.locale.requestedLocales = ['en-US']`));

  it('asked for French, the popup and the options page speak French', async () => {
    expect(await firefox().chrome<string[]>('Services.locale.availableLocales')).toContain('fr');
    await firefox().chrome(`Services.locale.requestedLocales = ['fr']`);
    await firefox().installFresh(() => sandbox.reset());

    const popup = await firefox().open('popup.html', { width: 360, height: 300 });
    await waitForText(popup, 'Connectez votre compte Clio pour saisir votre temps depuis n’importe quelle page.');
    expect(await popup.evaluate(() => (globalThis as unknown as { browser: { i18n: { getUILanguage(): string } } }).browser.i18n.getUILanguage())).toBe('fr');
    const options = await firefox().open('options.html');
    await waitForText(options, 'Se connecter avec Clio');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('fr-CA');
  });
});
