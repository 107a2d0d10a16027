/**
 * Playwright fixtures: a fresh Chromium profile with the built extension loaded (headless),
 * its id, its service worker, and helpers to sign in through the sandbox's OAuth page.
 */
import { test as base, chromium, expect as baseExpect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ITEMS, readItemsInPage, writeItemsInPage } from '../../scripts/stored-items';
import { type AxeScope, axeViolations, frameCount, logAxeTime } from './axe-check';
import { E2E_EXTENSION_DIR, E2E_NO_APP_EXTENSION_DIR } from './ports';
import { sandbox } from './sandbox-admin';

export const chromiumArgs = (extensionDir: string) => [
  `--disable-extensions-except=${extensionDir}`,
  `--load-extension=${extensionDir}`,
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-sandbox',
  '--disable-gpu',
  // Lets a test press the toolbar button over CDP (Extensions.triggerAction): a real activeTab grant.
  '--enable-unsafe-extension-debugging',
];

/**
 * Chromium with the built extension. `language` (a BCP 47 tag, `fr-CA`) is the browser's UI language. Two settings
 * make it: the environment's `LANGUAGE=fr_CA` picks the extension's messages (chrome.i18n.getMessage; Debian's
 * Chromium has only English without the `chromium-l10n` package, which .ci/run installs), and Playwright's `locale`
 * (`--lang` and the page locale) makes getUILanguage() and navigator.language `fr-CA`. Either alone leaves half in
 * English: Playwright Test passes its default `locale: 'en-US'` to every launch.
 */
export async function launchWithExtension(userDataDir: string, language?: string, extensionDir = E2E_EXTENSION_DIR): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs(resolve(extensionDir)),
    viewport: { width: 1100, height: 800 },
    ...(language ? { env: { ...process.env, LANGUAGE: language.replace(/-/g, '_') }, locale: language } : {}),
  });
}

/**
 * Presses the extension's toolbar button on the tab showing `url`, as a person would (CDP
 * `Extensions.triggerAction`, on the tab's target): the action opens the popup and grants `activeTab` for that tab.
 */
export async function pressToolbarButton(context: BrowserContext, extensionId: string, url: string): Promise<void> {
  const cdp = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((t) => t.url === url);
  if (!tab) throw new Error(`no tab shows ${url}`);
  await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  await cdp.detach();
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  const [sw] = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
  return sw ?? (await context.waitForEvent('serviceworker'));
}

/**
 * The tab the install opened: the first-run setup (options.html#setup). Every test starts with a fresh profile, so
 * it opens in every test; polled for, as its first URL may still be about:blank when Playwright reports the page.
 */
export async function setupTabOf(context: BrowserContext): Promise<Page> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const tab = context.pages().find((p) => /^chrome-extension:\/\/[a-p]{32}\/options\.html#setup$/.test(p.url()));
    if (tab) return tab;
    if (Date.now() > deadline) throw new Error('the first-run setup tab did not open on install');
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Fixtures {
  /** The browser's UI language (`test.use({ uiLanguage: 'fr' })`); English when unset. */
  uiLanguage: string | undefined;
  /**
   * Which build: the sandbox's apps built in (every spec), or none (`npm run build:test:noapp`: the firm enters its
   * own app; the first-run setup asks for it).
   */
  build: 'app' | 'no-app';
  /** Keep the setup tab the install opened (`setupTab`); otherwise it is closed, as a person would, before the test. */
  keepSetupTab: boolean;
  setupTab: Page;
  userDataDir: string;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  extensionPage: (path: 'popup.html' | 'options.html' | 'sidepanel.html') => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  uiLanguage: [undefined, { option: true }],
  build: ['app', { option: true }],
  keepSetupTab: [false, { option: true }],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a test uses from this destructuring
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'clio-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ userDataDir, uiLanguage, build, keepSetupTab }, use) => {
    await sandbox.reset();
    const context = await launchWithExtension(userDataDir, uiLanguage, build === 'no-app' ? E2E_NO_APP_EXTENSION_DIR : E2E_EXTENSION_DIR);
    // The setup tab opens on install: closed before the test (unless kept), so no `waitForEvent('page')` catches it.
    const setup = await setupTabOf(context);
    if (!keepSetupTab) await setup.close();
    await use(context);
    await context.close();
  },
  setupTab: async ({ context }, use) => use(await setupTabOf(context)),
  worker: async ({ context }, use) => use(await serviceWorkerOf(context)),
  extensionId: async ({ worker }, use) => use(worker.url().split('/')[2]!),
  extensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

/** How often `expect.poll` asks: Playwright's default backs off to once a second, so a test went on up to a second after what it waited for. */
const POLL_INTERVALS = [100];

/** Playwright's `expect`, with `expect.poll` asking every 100 ms unless a call says otherwise. */
export const expect = new Proxy(baseExpect, {
  get(target, key, receiver) {
    if (key !== 'poll') return Reflect.get(target, key, receiver);
    const poll: typeof baseExpect.poll = (actual, options) =>
      target.poll(actual, typeof options === 'string' ? { message: options, intervals: POLL_INTERVALS } : { intervals: POLL_INTERVALS, ...options });
    return poll;
  },
});

/** Clicks "Sign in with Clio" (`button`, in another language) on `page` and answers the sandbox's OAuth page with `choice`. */
export async function signInThroughClio(page: Page, choice: 'Approve' | 'Decline' = 'Approve', button = 'Sign in with Clio'): Promise<void> {
  const authPage = page.context().waitForEvent('page');
  await page.getByRole('button', { name: button }).click();
  const auth = await authPage;
  await auth.waitForLoadState();
  await auth.getByRole('button', { name: choice }).click();
}

/** Signs in on the options page and waits until who_am_i is shown. */
export async function signedIn(extensionPage: Fixtures['extensionPage'], opts: { waitForSync?: boolean; button?: string } = {}): Promise<void> {
  const options = await extensionPage('options.html');
  await signInThroughClio(options, 'Approve', opts.button);
  const [user] = (await sandbox.state()).users;
  await expect(options.getByText(user!.email)).toBeVisible();
  // Sign-in starts the first matter sync, and beside it fetches activity descriptions and expense categories; let them
  // finish so they do not mix with what a test arranges.
  if (opts.waitForSync !== false)
    await expect
      .poll(
        () =>
          storedItems<Record<string, { running?: boolean; lastSyncAt?: number | null } | undefined>>(options, [
            'matter-sync',
            'activity-descriptions',
            'expense-setup',
          ]).then((got) => {
            const s = got['matter-sync'];
            return !!s && !s.running && !!s.lastSyncAt && !!got['activity-descriptions'] && !!got['expense-setup'];
          }),
        { timeout: 30_000 },
      )
      .toBe(true);
  await options.close();
}

/** Connects Clio Grow on the options page through the sandbox's Grow OAuth page (`names`: its buttons in another language). */
export async function connectGrow(
  extensionPage: Fixtures['extensionPage'],
  names = { connect: 'Connect Clio Grow', disconnect: 'Disconnect Clio Grow' },
): Promise<void> {
  const options = await extensionPage('options.html');
  const authPage = options.context().waitForEvent('page');
  await options.getByRole('button', { name: names.connect }).click();
  const auth = await authPage;
  await auth.waitForLoadState();
  await auth.getByRole('button', { name: 'Approve' }).click();
  await expect(options.getByRole('button', { name: names.disconnect })).toBeVisible();
  await options.close();
}

/**
 * Picks the matter `query` in the page's (first) Matter combobox: types it, then chooses the first match with the
 * keyboard. `names`: the combobox's and its list's accessible names in another language.
 */
export async function pickMatter(page: Pick<Page, 'getByRole'>, query: string, names = { box: 'Matter', list: 'Matters' }): Promise<void> {
  const box = page.getByRole('combobox', { name: names.box }).first();
  await box.fill(query);
  // The search's answer, not the recent matters listed before it (the typed query's search is debounced).
  await expect(page.getByRole('listbox', { name: names.list }).getByRole('option').first()).toContainText(query);
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(box).toHaveValue(new RegExp(`^${query}`));
}

/**
 * In the side panel `panel`, once the index is synced: searches `displayNumber` and opens that matter's detail.
 * `names`: the sync line, the search box and the result list in another language.
 */
export async function openMatterDetail(
  panel: Page,
  displayNumber: string,
  names = { synced: /Synced (just now|\d+ min ago)/, search: 'Search matters', list: 'Matters' },
): Promise<void> {
  await expect(panel.getByText(names.synced)).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('searchbox', { name: names.search }).fill(displayNumber);
  await panel.getByRole('list', { name: names.list }).getByRole('listitem').filter({ hasText: displayNumber }).first().click();
  await expect(panel.getByRole('heading', { level: 1 })).toContainText(displayNumber);
}

/** The popup as a page, at the popup's size. */
export async function openPopup(extensionPage: Fixtures['extensionPage']): Promise<Page> {
  const popup = await extensionPage('popup.html');
  await popup.setViewportSize({ width: 360, height: 600 });
  return popup;
}

/** The stored values of the items `names` (all for null), read in `page` (one of the extension's pages). */
export const storedItems = <T = Record<string, unknown>>(page: Page, names: string[] | null): Promise<T> =>
  page.evaluate(readItemsInPage, { names, ...ITEMS }) as Promise<T>;

/** Stores `values` as items from `page` (one of the extension's pages) in IndexedDB only: nobody is told, and the surfaces' copy keeps what it had. */
export const storeItems = (page: Page, values: Record<string, unknown>): Promise<void> => page.evaluate(writeItemsInPage, { values, ...ITEMS });

/** Kills the extension's service worker, as Chrome does after 30 s idle. */
export async function killServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/**
 * Saves a screenshot of the page in both themes as test artifacts under test-results/screenshots: `<name>.png` (light)
 * and `<name>-dark.png` (`prefers-color-scheme: dark`, frames included), then puts the page back in the light theme.
 * In each theme, axe-core checks the page and every frame in it (tests/e2e/axe-check.ts): a serious or critical
 * violation fails the test once both shots are taken. `axe: 'extension'` checks only the extension's frames, for a
 * test page built to be hostile.
 */
export async function screenshot(page: Page, name: string, opts: { axe?: AxeScope } = {}): Promise<void> {
  const scope = opts.axe ?? 'all';
  const dir = resolve('test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  let axeMs = 0;
  const check = async (theme: 'light' | 'dark') => {
    const start = performance.now();
    const found = await axeViolations(page, theme, scope);
    const ms = performance.now() - start;
    axeMs += ms;
    // The check's time is not the test's: it extends the test's timeout by what it took (seconds on 2 busy cores).
    if (test.info().timeout > 0) test.info().setTimeout(test.info().timeout + ms);
    return found;
  };
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  const violations = await check('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  // A frame of another process (the dialogs over a page) repaints on its own: two of its frames before the shot.
  const painted = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  await Promise.all(page.frames().map((f) => f.evaluate(painted).catch(() => undefined)));
  try {
    await page.screenshot({ path: join(dir, `${name}-dark.png`), fullPage: true });
    violations.push(...(await check('dark')));
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
  logAxeTime(name, axeMs, frameCount(page, scope));
  if (violations.length) throw new Error(`axe: ${violations.length} serious or critical violation(s) on "${name}":\n${violations.join('\n')}`);
}
