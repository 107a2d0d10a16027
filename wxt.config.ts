import { defineConfig } from 'wxt';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { hostPermissionsFor, uploadPermissionsFor } from './lib/auth/regions';
import { readFileSync } from 'node:fs';
import { embeddedSecretWarning, zipRefusal } from './scripts/embedded-secret';
import { isMessagesFile, shippedMessages } from './scripts/shipped-messages';

// WXT_CLIO_SERVER points a build at a Clio-compatible server (the sandbox); unset means real Clio.
const customServer = process.env.WXT_CLIO_SERVER?.replace(/\/+$/, '') || undefined;
// WXT_CLIO_UPLOAD_ORIGINS: where document bytes (put_urls) may go; unset: the server's own origin, or each region's hosts.
const uploadOrigins = process.env.WXT_CLIO_UPLOAD_ORIGINS || undefined;

const target = (browser: string): 'chrome' | 'firefox' => (browser === 'firefox' ? 'firefox' : 'chrome');

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  vite: () => ({ plugins: [preact()] }),
  // The sources zip addons.mozilla.org asks for (`npm run zip:firefox`): what builds the extension, not test output.
  zip: { excludeSources: ['test-results/**', 'playwright-report/**'] },
  hooks: {
    'build:before': () => {
      const warning = embeddedSecretWarning(process.env);
      if (warning) console.warn(`\n⚠  ${warning}\n`);
    },
    'zip:start': () => {
      const refusal = zipRefusal(process.env);
      if (refusal) throw new Error(refusal);
    },
    // Each locale's messages ship without what only translators read (descriptions, examples): half the file.
    'build:publicAssets': (_wxt, files) => {
      for (const [i, file] of files.entries()) {
        if (!('absoluteSrc' in file) || !isMessagesFile(file.relativeDest)) continue;
        const contents = JSON.stringify(shippedMessages(JSON.parse(readFileSync(file.absoluteSrc, 'utf8'))));
        files[i] = { relativeDest: file.relativeDest, contents };
      }
    },
    // Firefox's sidebar takes its title from sidepanel/index.html's <title>: in the user's language instead.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.sidebar_action) manifest.sidebar_action.default_title = '__MSG_matterPanelTitle__';
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      // The popup's script is an ES module of one file, so the forms it uses less often can load when first used
      // (`import()`, components/load-when-used.tsx): their chunks import what they share from popup-script.js.
      if (entrypoints.length === 1 && entrypoints[0]!.name === 'popup-script' && config.build?.lib) {
        config.build.lib.formats = ['es'];
        config.build.rollupOptions = {
          ...config.build.rollupOptions,
          // Lets the bundler keep what the lazy forms share with the popup in popup-script.js (they import it from there)
          // instead of a common chunk the popup would fetch as it opens.
          preserveEntrySignatures: 'allow-extension',
          output: {
            ...config.build.rollupOptions?.output,
            chunkFileNames: 'chunks/popup-[name]-[hash].js',
            // Vite minifies a library's ES output without its whitespace; an extension page is no library.
            minify: true,
            comments: false,
          },
        };
      }
      // Every script goes without webextension-polyfill (see lib/browser/native.ts): Chrome's MV3 API (in pages, the
      // worker and content scripts) and Firefox's `browser` answer with promises already, and the proxy costs bytes
      // and start-up time (the worker wakes for every event; a content script is parsed on every click).
      config.resolve = {
        ...config.resolve,
        alias: { ...(config.resolve?.alias as Record<string, string>), 'wxt/browser': fileURLToPath(new URL('./lib/browser/native.ts', import.meta.url)) },
      };
    },
  },
  manifest: ({ browser }) => ({
    // The words are public/_locales/<lang>/messages.json's, English by default.
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'identity', 'idle', 'contextMenus', 'scripting', 'activeTab'],
    // "Remind me to track" asks for it when turned on (entrypoints/options/RemindersSection.tsx), not at install.
    optional_permissions: ['notifications'],
    commands: {
      'toggle-timer': { suggested_key: { default: 'Alt+Shift+T' }, description: '__MSG_commandToggleTimer__' },
      'open-matter-panel': { suggested_key: { default: 'Alt+Shift+M' }, description: '__MSG_commandOpenMatterPanel__' },
    },
    omnibox: { keyword: 'clio' },
    // The popup is public/popup.html with one script (entrypoints/popup-script.ts), not an HTML entrypoint.
    action: { default_title: '__MSG_extensionName__', default_popup: 'popup.html' },
    // A build for one server holds it; a build for Clio asks for a region's hosts when that region is chosen
    // (on the "Sign in with Clio" click), never for all four at install.
    // Document uploads go to a storage host apart from the API: held for a custom server, asked for (per region, on
    // the "Save to Clio" click) for Clio.
    host_permissions: customServer
      ? [...new Set([...hostPermissionsFor(customServer, target(browser)), ...uploadPermissionsFor(customServer, uploadOrigins, undefined, target(browser))])]
      : [],
    ...(customServer
      ? {}
      : {
          optional_host_permissions: [
            ...new Set([...hostPermissionsFor(undefined, target(browser)), ...uploadPermissionsFor(undefined, uploadOrigins, undefined, target(browser))]),
          ],
        }),
    // The dialog pages that open in a frame over a web page, and nothing else. With `use_dynamic_url`, Chrome
    // refuses a web page that frames them by the extension's id (which would tell the page the extension is
    // installed, and let it frame our form); the frame our content script adds loads them (tests/e2e/hostile-page).
    // Firefox's moz-extension:// host is already a random per-install id.
    web_accessible_resources: [
      {
        resources: ['capture-window.html', 'save-window.html', 'deadline-window.html'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
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
