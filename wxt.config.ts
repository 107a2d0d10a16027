import { defineConfig } from 'wxt';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { hostPermissionsFor } from './lib/auth/regions';

// WXT_CLIO_SERVER points a build at a Clio-compatible server (the sandbox); unset means real Clio.
const customServer = process.env.WXT_CLIO_SERVER?.replace(/\/+$/, '') || undefined;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  vite: () => ({ plugins: [preact()] }),
  // The sources zip addons.mozilla.org asks for (`npm run zip:firefox`): what builds the extension, not test output.
  zip: { excludeSources: ['test-results/**', 'playwright-report/**'] },
  hooks: {
    // The popup's one script goes without webextension-polyfill (see lib/browser/native.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.name === 'popup-script')) return;
      config.resolve = {
        ...config.resolve,
        alias: { ...(config.resolve?.alias as Record<string, string>), 'wxt/browser': fileURLToPath(new URL('./lib/browser/native.ts', import.meta.url)) },
      };
    },
  },
  manifest: ({ browser }) => ({
    name: 'Clio Companion',
    description: 'Timer, time entry, matter lookup and lead capture for Clio, on every page you work on.',
    permissions: ['storage', 'alarms', 'identity', 'idle', 'contextMenus', 'scripting', 'activeTab'],
    commands: {
      'toggle-timer': { suggested_key: { default: 'Alt+Shift+T' }, description: 'Start or stop the Clio timer' },
      'open-matter-panel': { suggested_key: { default: 'Alt+Shift+M' }, description: 'Open the Clio matter lookup' },
    },
    omnibox: { keyword: 'clio' },
    // The popup is public/popup.html with one script (entrypoints/popup-script.ts), not an HTML entrypoint.
    action: { default_title: 'Clio Companion', default_popup: 'popup.html' },
    host_permissions: hostPermissionsFor(customServer, browser === 'firefox' ? 'firefox' : 'chrome'),
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'clio-companion@example.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          }
        : undefined,
  }),
});
