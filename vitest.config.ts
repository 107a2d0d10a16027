import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // browser.i18n, which fakeBrowser lacks, answering in English from public/_locales/en/messages.json; and the
    // extension's IndexedDB (fake-indexeddb), forgotten by fakeBrowser.reset().
    setupFiles: ['tests/unit/i18n/setup.ts', 'tests/unit/helpers/extension-indexeddb.ts'],
    restoreMocks: true,
  },
});
