/**
 * Vitest setup (vitest.config.ts `setupFiles`): browser.i18n answers from public/_locales/en/messages.json,
 * as Chrome would with English as the browser's language, so unit tests see the real English text.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readMessages } from '../../../scripts/generate-message-keys';
import { messageGetter } from './chrome-messages';

// Read from the project root, where Vitest runs (a DOM environment's import.meta.url is no file URL).
const getMessage = messageGetter(readMessages());
Object.assign(fakeBrowser.i18n, {
  getMessage,
  getUILanguage: () => 'en-US',
  getAcceptLanguages: async () => ['en-US', 'en'],
});
