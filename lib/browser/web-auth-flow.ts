/** The browser's OAuth window: `identity.launchWebAuthFlow`, always interactive, run from the background. */
import { browser } from 'wxt/browser';
import type { WebAuthFlow } from '../auth/session';

export function browserWebAuthFlow(): WebAuthFlow {
  return {
    redirectUri: () => browser.identity.getRedirectURL(),
    async launch(url) {
      const result = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      if (!result) throw new Error('no redirect');
      return result;
    },
  };
}
