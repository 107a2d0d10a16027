/**
 * Vitest setup (vitest.config.ts `setupFiles`): the extension's IndexedDB, where `local:` items live
 * (lib/storage/item-store.ts), in fake-indexeddb. `fakeBrowser.reset()` forgets it with the rest of the
 * browser's state, as a fresh profile would.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const resetBrowser = fakeBrowser.reset.bind(fakeBrowser);
fakeBrowser.reset = () => {
  resetBrowser();
  globalThis.indexedDB = new IDBFactory();
};
