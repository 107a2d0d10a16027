/**
 * What every Firefox test file shares: one Firefox for the run, a freshly installed extension and a reset
 * sandbox for each test, and the steps people take (signing in through Clio's page, connecting Grow).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, beforeEach, inject } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { ITEMS, readItemsInPage } from '../../scripts/stored-items';
import { sandboxAdmin } from '../e2e/sandbox-admin';
import { Firefox } from './firefox';
import { aria, click, fieldValue, fill, until, visibleText, waitForText } from './page-helpers';
import { FIREFOX_SANDBOX } from './ports';

export const sandbox = sandboxAdmin(FIREFOX_SANDBOX);

/**
 * One Firefox for the run: the suite's files share one worker (vitest.firefox.config.ts: isolate false), so
 * it is launched once; puppeteer closes it when the worker exits.
 */
let shared: Promise<Firefox> | undefined;

/** Registers the run's Firefox and the per-test fresh install (and sandbox reset); returns the Firefox. */
export function useFirefox(): () => Firefox {
  let firefox: Firefox | undefined;
  beforeAll(async () => {
    firefox = await (shared ??= Firefox.launch(mkdtempSync(join(inject('firefoxProfiles'), 'profile-'))));
  });
  beforeEach(async ({ task, onTestFailed }) => {
    onTestFailed(() => recordPages(firefox!, task.name));
    await firefox!.installFresh(() => sandbox.reset());
  });
  return () => firefox!;
}

/** After a failure: each open tab's address and text on stdout, and its screenshot under test-results/e2e-firefox. */
async function recordPages(firefox: Firefox, testName: string): Promise<void> {
  const dir = resolve('test-results/e2e-firefox');
  mkdirSync(dir, { recursive: true });
  const slug = testName.replace(/[^\w]+/g, '-').slice(0, 60);
  const pages = await firefox.browser.pages();
  for (const [i, page] of pages.entries()) {
    const url = await page.evaluate(() => location.href).catch(() => null);
    if (!url || url === 'about:blank') continue;
    const seen = { url, text: await visibleText(page).catch(() => '') };
    console.log(`[${testName}] tab ${i}: ${seen.url}\n${seen.text.slice(0, 1500)}\n`);
    await page.screenshot({ path: join(dir, `${slug}-${i}.png`) }).catch(() => undefined);
  }
}

/** The page the browser opens for `identity.launchWebAuthFlow` (a window of its own), once loaded. */
async function authWindow(firefox: Firefox, path: '/oauth/authorize' | '/grow/oauth/authorize', start: () => Promise<void>): Promise<Page> {
  const opened = firefox.browser.waitForTarget((t) => t.url().startsWith(`${FIREFOX_SANDBOX}${path}`), { timeout: 20_000 });
  await start();
  const page = await (await opened).page();
  if (!page) throw new Error('the OAuth window is not a page');
  await until(() => page.evaluate(() => document.readyState === 'complete'), { message: 'the OAuth page to load' });
  return page;
}

/** Clicks "Sign in with Clio" on `page` and answers the sandbox's OAuth page with `choice`. */
export async function signInThroughClio(firefox: Firefox, page: Page, opts: { choice?: 'Approve' | 'Decline' } = {}): Promise<void> {
  const auth = await authWindow(firefox, '/oauth/authorize', () => click(page, 'button', 'Sign in with Clio'));
  await click(auth, 'button', opts.choice ?? 'Approve');
}

/** The stored values of the items `names` (all for null), read in `page` (one of the extension's pages). */
export const storedItems = <T = Record<string, unknown>>(page: Page, names: string[] | null): Promise<T> =>
  page.evaluate(readItemsInPage, { names, ...ITEMS }) as Promise<T>;

/** Signs in on the options page, waits until who_am_i is shown and (unless told not to) the first sync is done; returns the options page. */
export async function signedIn(firefox: Firefox, opts: { waitForSync?: boolean } = {}): Promise<Page> {
  const options = await firefox.open('options.html');
  await signInThroughClio(firefox, options);
  const [user] = (await sandbox.state()).users;
  await waitForText(options, user!.email, 20_000);
  // Sign-in starts the first matter sync, and beside it fetches activity descriptions and expense categories; let them
  // finish so they do not mix with what a test arranges.
  if (opts.waitForSync !== false)
    await until(
      async () => {
        const got = await storedItems<Record<string, { running?: boolean; lastSyncAt?: number | null } | undefined>>(options, [
          'matter-sync',
          'activity-descriptions',
          'expense-setup',
        ]);
        const s = got['matter-sync'];
        return !!s && !s.running && !!s.lastSyncAt && !!got['activity-descriptions'] && !!got['expense-setup'];
      },
      { timeout: 60_000, message: 'the first matter sync, the activity descriptions and the expense categories' },
    );
  return options;
}

/** Connects Clio Grow on the options page through the sandbox's Grow OAuth page. */
export async function connectGrow(firefox: Firefox, options: Page): Promise<void> {
  const auth = await authWindow(firefox, '/grow/oauth/authorize', () => click(options, 'button', 'Connect Clio Grow'));
  await click(auth, 'button', 'Approve');
  await until(async () => !!(await options.$('::-p-aria([name="Disconnect Clio Grow"][role="button"])')), { message: 'Grow to be connected' });
}

/** Opens the popup as a tab, at the popup's size. */
export function openPopup(firefox: Firefox): Promise<Page> {
  return firefox.open('popup.html', { width: 360, height: 600 });
}

/** Picks the matter `displayNumber` in the page's (or a dialog frame's) Matter combobox: types it, then chooses its suggestion with the keyboard. */
export async function pickMatter(page: Page | Frame, displayNumber: string): Promise<void> {
  const keyboard = 'keyboard' in page ? page.keyboard : page.page().keyboard;
  await until(
    async () => {
      await fill(page, 'combobox', 'Matter', displayNumber);
      // The suggestions answer the query typed: wait for this matter among them, first.
      await until(
        async () => {
          const first = await page.$(aria('option'));
          return first ? (await first.evaluate((o) => o.textContent ?? '')).includes(displayNumber) : false;
        },
        { message: `${displayNumber} suggested` },
      );
      await keyboard.press('ArrowDown');
      await keyboard.press('Enter');
      // Picked, the box shows the matter's label ("number — description"), not the query typed.
      return until(async () => (await fieldValue(page, 'combobox', 'Matter')).startsWith(`${displayNumber} — `), { timeout: 3_000, message: 'the pick' }).then(
        () => true,
        () => false,
      );
    },
    { timeout: 30_000, message: `the matter ${displayNumber} to be picked` },
  );
}
