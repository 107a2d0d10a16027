/**
 * Matter search in Firefox's sidebar page (the manifest's sidebar_action panel), opened as a tab as the
 * Chromium suite opens the side panel; and the search-matters menu item handing the selection to it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { Browser } from 'wxt/browser';
import { sandbox, signedIn, useFirefox } from './fixtures';
import { EXTENSION_ORIGIN } from './firefox';
import { byRole, click, fieldValue, fill, send, tabAt, until, waitForText } from './page-helpers';
import { FIREFOX_SANDBOX } from './ports';

/** The log point of the packed index the matter store holds (null: none yet). Run in an extension page. */
const packedSeq = () =>
  new Promise<number | null>((resolve) => {
    const r = indexedDB.open('clio-companion-matters');
    r.onsuccess = () => {
      const get = r.result.transaction('meta').objectStore('meta').get('log');
      get.onsuccess = () => {
        r.result.close();
        resolve((get.result as { packedSeq: number | null } | undefined)?.packedSeq ?? null);
      };
    };
  });

const results = async (page: Page) =>
  (await byRole(page, 'list', 'Matters')).evaluate((ul) => [...ul.querySelectorAll('li')].map((li) => li.textContent ?? ''));

describe('Firefox: matter search in the sidebar page', () => {
  const firefox = useFirefox();

  it('the Firefox build declares the panel as its sidebar_action', async () => {
    const options = await firefox().open('options.html');
    const manifest = await options.evaluate(() =>
      (globalThis as unknown as { browser: { runtime: { getManifest(): Record<string, unknown> } } }).browser.runtime.getManifest(),
    );
    expect(manifest.sidebar_action).toMatchObject({ default_panel: `${EXTENSION_ORIGIN}/sidepanel.html` });
    expect(manifest.side_panel).toBeUndefined();
    // An event page, not a service worker.
    expect(manifest.background).toMatchObject({ scripts: [`${EXTENSION_ORIGIN}/background.js`] });
    expect((manifest.background as { service_worker?: unknown }).service_worker ?? null).toBeNull();
  });

  it('searches the synced index as you type (no request to Clio), and opens a matter’s detail', async () => {
    await signedIn(firefox());
    const first = await firefox().open('sidepanel.html', { width: 400, height: 800 });
    await waitForText(first, /Synced (just now|\d+ min ago)/, 30_000);
    // The background packs the index after the first sync (a gzipped Blob in IndexedDB); a panel opened then reads it.
    await until(() => first.evaluate(packedSeq).then((seq) => seq !== null), { message: 'the packed index', timeout: 30_000 });
    const panel = await firefox().open('sidepanel.html', { width: 400, height: 800 });
    await waitForText(panel, /Synced (just now|\d+ min ago)/, 30_000);
    const [matter] = await sandbox.matters('', 'Open');
    await sandbox.clearLog();
    await fill(panel, 'searchbox', 'Search matters', matter!.display_number.slice(0, 8));
    await until(async () => (await results(panel)).some((r) => r.includes(matter!.display_number)), { message: 'the matter among the results' });
    expect((await sandbox.log()).filter((r) => r.path.startsWith('/api/v4'))).toHaveLength(0);

    await fill(panel, 'searchbox', 'Search matters', matter!.display_number);
    await until(async () => (await results(panel))[0]?.includes(matter!.display_number), { message: 'the matter first' });
    await panel.keyboard.press('Enter');
    await until(async () => (await panel.$eval('h1', (h) => h.textContent ?? '')).includes(matter!.display_number), { message: 'the matter’s detail' });
    await byRole(panel, 'button', 'Start timer');
    await byRole(panel, 'button', 'Log time');
  });

  it('the search-matters menu item (through triggers/menu-click, the listener’s own function) hands the selection to the panel', async () => {
    const options = await signedIn(firefox());
    const [target] = await sandbox.matters('', 'Open');
    await firefox().openUrl(`${FIREFOX_SANDBOX}/pages/contact`);
    const tab = await tabAt(options, `${FIREFOX_SANDBOX}/pages/contact`);
    expect(tab?.id).toBeGreaterThan(0);
    await send(options, 'triggers/menu-click', {
      info: { menuItemId: 'search-matters', selectionText: target!.display_number, editable: false, pageUrl: tab.url } as Browser.contextMenus.OnClickData,
      tab,
    });
    // The hand-over is in storage.session, which outlives the event page (Firefox stops it after 30 s idle).
    await firefox().terminateBackground();
    const panel = await firefox().open('sidepanel.html', { width: 400, height: 800 });
    await until(async () => (await fieldValue(panel, 'searchbox', 'Search matters')) === target!.display_number, { message: 'the handed query' });
    await until(async () => (await results(panel))[0]?.includes(target!.display_number), { message: 'the matter first' });
    await click(panel, 'checkbox', 'Include closed');
  });
});
