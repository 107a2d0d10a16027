/**
 * Stock Firefox (Debian's firefox-esr) driven by puppeteer-core over WebDriver BiDi, with the extension's
 * Firefox build installed as a temporary add-on. Playwright cannot drive stock Firefox; see
 * docs/ARCHITECTURE.md, "Firefox", for the facts this file designs around:
 * - extension pages open as tabs only with `--remote-allow-system-access`, and send no navigation events
 *   (Mozilla bug 1755014): a navigation is started, its timeout ignored, and the page polled until loaded;
 * - the moz-extension UUID is pinned with the pref `extensions.webextensions.uuids` (Firefox forgets the
 *   pin on uninstall, so it is pinned again before every install);
 * - the event page is stopped from Firefox's chrome scope, as Firefox does after 30 s idle.
 * One browser for the run; each test gets a freshly installed extension (its storage, IndexedDB and
 * session storage go with the uninstall), as the Chromium suite gets a fresh profile.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIREFOX_EXTENSION_DIR, FIREFOX_PATH } from './ports';
import { until } from './page-helpers';

/** The UUID every test install gets, so `moz-extension://<uuid>/popup.html` is known in advance. */
export const EXTENSION_UUID = '3c4e1f0a-7d52-4b8e-9a61-c110c0a9e2f5';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

const manifest = () =>
  JSON.parse(readFileSync(resolve(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
    host_permissions: string[];
    sidebar_action?: { default_panel: string };
    background: { scripts?: string[]; service_worker?: string };
  };

export type ExtensionPath = 'popup.html' | 'options.html' | 'sidepanel.html' | 'capture-window.html';

export class Firefox {
  readonly geckoId: string;
  private installed = false;

  private constructor(readonly browser: Browser) {
    this.geckoId = manifest().browser_specific_settings.gecko.id;
  }

  /** Launches Firefox on a new profile in `profileDir` (the caller removes it). */
  static async launch(profileDir: string): Promise<Firefox> {
    const geckoId = manifest().browser_specific_settings.gecko.id;
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profileDir,
      // Lets tabs open moz-extension:// pages, and BiDi evaluate in the chrome scope (stopping the event page).
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1100, height: 800 },
      protocolTimeout: 60_000,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
        // Quiet: no first-run pages, no update checks.
        'browser.shell.checkDefaultBrowser': false,
        'app.update.enabled': false,
      },
    });
    return new Firefox(browser);
  }

  /**
   * Installs the build afresh and waits for its background: the last test's copy is uninstalled first, with
   * its stored state, then `between` runs (resetting the sandbox while no copy can talk to it).
   */
  async installFresh(between: () => Promise<void> = async () => undefined, opts: { keepSetupTab?: boolean } = {}): Promise<void> {
    await this.closePages();
    if (this.installed) await this.browser.uninstallExtension(this.geckoId);
    this.installed = false;
    await between();
    // Uninstalling forgets the UUID pinned at launch: pin it again.
    await this.chrome(
      `(() => { const k = 'extensions.webextensions.uuids'; const m = JSON.parse(Services.prefs.getStringPref(k, '{}'));
        m[${JSON.stringify(this.geckoId)}] = ${JSON.stringify(EXTENSION_UUID)}; Services.prefs.setStringPref(k, JSON.stringify(m)); })()`,
    );
    const id = await this.browser.installExtension(resolve(FIREFOX_EXTENSION_DIR));
    if (id !== this.geckoId) throw new Error(`installed ${id}, expected ${this.geckoId}`);
    this.installed = true;
    const host = await this.chrome<string>(`WebExtensionPolicy.getByID(${JSON.stringify(id)}).mozExtensionHostname`);
    if (host !== EXTENSION_UUID) throw new Error(`the extension got UUID ${host}, not the pinned ${EXTENSION_UUID}`);
    await until(async () => (await this.backgroundState()) === 'running', { timeout: 20_000, message: 'the event page to start' });
    // The install opens the first-run setup in a tab: closed, as a person would, unless the test wants it.
    await until(() => this.setupTabs(false), { timeout: 20_000, message: 'the setup tab to open on install' });
    if (!opts.keepSetupTab) await this.setupTabs(true);
  }

  /** How many tabs show the first-run setup (options.html#setup), closing them when `close`; 0 counts as not yet. */
  private async setupTabs(close: boolean): Promise<number> {
    const url = JSON.stringify(`${EXTENSION_ORIGIN}/options.html#setup`);
    return this.chrome<number>(
      `(() => { const w = Services.wm.getMostRecentWindow('navigator:browser');
        const tabs = Array.from(w.gBrowser.tabs).filter((t) => t.linkedBrowser.currentURI.spec === ${url});
        if (${close}) for (const t of tabs) w.gBrowser.removeTab(t);
        return tabs.length; })()`,
    );
  }

  /** The tab the install opened on the first-run setup, once loaded (`installFresh(…, { keepSetupTab: true })`). */
  async setupPage(): Promise<Page> {
    const url = `${EXTENSION_ORIGIN}/options.html#setup`;
    return until(
      async () => {
        for (const page of await this.browser.pages()) {
          if (await page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false)) return page;
        }
        return null;
      },
      { message: 'the setup page' },
    );
  }

  /** Opens an extension page as a tab, and waits until it has loaded. */
  async open(path: ExtensionPath | `${ExtensionPath}?${string}`, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await this.browser.newPage();
    if (viewport) await page.setViewport(viewport);
    const url = `${EXTENSION_ORIGIN}/${path}`;
    // Firefox sends no load event for extension pages: start the navigation and ignore its timeout.
    void page.goto(url, { timeout: 2_000 }).catch(() => undefined);
    await until(() => page.evaluate((u) => location.href === u && document.readyState === 'complete', url), { message: `${path} to load` });
    return page;
  }

  /** Opens a web page as a tab. */
  async openUrl(url: string): Promise<Page> {
    const page = await this.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  /** Evaluates `expression` in Firefox's chrome (privileged) scope, over BiDi. Test machinery only. */
  async chrome<T = unknown>(expression: string): Promise<T> {
    const connection = (this.browser as unknown as { connection: BidiSend }).connection;
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const context = tree.result.contexts[0]?.context;
    if (!context) throw new Error('no chrome browsing context');
    const { result } = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
    if (result.type === 'exception') throw new Error(`chrome scope: ${result.exceptionDetails?.text ?? 'exception'}`);
    return deserialize(result.result) as T;
  }

  private policy = () => `WebExtensionPolicy.getByID(${JSON.stringify(this.geckoId)}).extension`;

  /** 'running', 'suspending', 'stopped' or 'starting': the event page's state as Firefox keeps it. */
  backgroundState(): Promise<string> {
    return this.chrome<string>(`${this.policy()}.backgroundState`);
  }

  /** Stops the event page as Firefox does when it has been idle (its globals are gone; the next event starts it afresh). */
  async terminateBackground(): Promise<void> {
    await this.chrome(`${this.policy()}.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true })`);
    await until(async () => (await this.backgroundState()) === 'stopped', { message: 'the event page to stop' });
  }

  /** Grants an optional permission as a person accepting Firefox's prompt would (headless: nothing can press it). */
  async grantPermission(permission: string): Promise<void> {
    await this.chrome(
      `(async () => { const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs'); const ext = ${this.policy()}; await ExtensionPermissions.add(ext.id, { permissions: [${JSON.stringify(permission)}], origins: [] }, ext); })()`,
    );
  }

  /** Closes every tab but one blank one. */
  async closePages(): Promise<void> {
    const pages = await this.browser.pages();
    const keep = await this.browser.newPage();
    for (const p of pages) if (p !== keep) await p.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

interface BidiSend {
  send(method: 'browsingContext.getTree', params: Record<string, unknown>): Promise<{ result: { contexts: Array<{ context: string }> } }>;
  send(
    method: 'script.evaluate',
    params: Record<string, unknown>,
  ): Promise<{ result: { type: 'success' | 'exception'; result: BidiValue; exceptionDetails?: { text: string } } }>;
}

type BidiValue = { type: string; value?: unknown };

/** BiDi's remote values, as far as these tests read them (primitives and plain arrays or objects). */
function deserialize(v: BidiValue): unknown {
  switch (v.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return v.value;
    case 'number':
      return typeof v.value === 'number' ? v.value : Number(v.value);
    case 'array':
      return (v.value as BidiValue[]).map(deserialize);
    case 'object':
      return Object.fromEntries((v.value as Array<[string, BidiValue]>).map(([k, x]) => [k, deserialize(x)]));
    default:
      return `[${v.type}]`;
  }
}
