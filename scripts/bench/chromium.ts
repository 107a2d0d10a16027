/**
 * Headless Chromium for the browser bench: launching it with unpacked extensions, finding an extension's
 * worker, the sandbox's request log, and a profile signed in and synced (browser.ts and suggest.ts).
 */
import { readdirSync } from 'node:fs';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import type { Sandbox } from '../../sandbox/server';
import { ITEMS, readItemsInPage } from '../stored-items';
import { waitForPackedIndex } from './panel';

/** Says on stderr which part of the browser bench is running (it takes minutes). */
export const step = (what: string) => console.error(`  … ${what}`);

/**
 * Chromium with these unpacked extensions, in a profile of its own. In a new profile the extension opens its first-run
 * setup tab on install: that tab is awaited and closed (as a person would) before anything is measured, so it takes
 * no time from a figure and no `waitForEvent('page')` catches it.
 */
export async function launch(profile: string, extensions: string[]): Promise<BrowserContext> {
  const fresh = readdirSync(profile).length === 0;
  const context = await launchChromium(profile, extensions);
  if (!fresh) return context;
  for (let waited = 0; ; waited += 100) {
    const setup = context.pages().find((p) => /\/options\.html#setup$/.test(p.url()));
    if (setup) {
      await setup.close();
      return context;
    }
    if (waited > 15_000) throw new Error('the first-run setup tab did not open on install');
    await new Promise((r) => setTimeout(r, 100));
  }
}

function launchChromium(profile: string, extensions: string[]): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${extensions.join(',')}`,
      `--load-extension=${extensions.join(',')}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-sandbox',
    ],
  });
}

export async function workerOf(context: BrowserContext, script: string): Promise<Worker> {
  for (let waited = 0; ; waited += 100) {
    const found = context.serviceWorkers().find((w) => w.url().endsWith(`/${script}`));
    if (found) return found;
    if (waited > 10_000) throw new Error(`no service worker ${script}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The sandbox's request log, and clearing it. */
export function requestLog(sandbox: Sandbox) {
  const log = async () => (await (await fetch(`${sandbox.origin}/__admin/log`)).json()) as Array<{ path: string }>;
  return {
    log,
    apiRequests: async () => (await log()).filter((r) => r.path.startsWith('/api/v4')).length,
    clear: () => fetch(`${sandbox.origin}/__admin/log`, { method: 'DELETE' }),
  };
}

/**
 * Signs in through the sandbox's approve page, waits for the first matter sync and the packed index
 * the background writes after it; what the sync cost, and the storage used then.
 */
export async function signInAndSync(context: BrowserContext, base: string, sandbox: Sandbox, timeoutMs: number) {
  step('signing in, first sync');
  const options = await context.newPage();
  await options.goto(`${base}/options.html`);
  const auth = context.waitForEvent('page');
  await options.getByRole('button', { name: 'Sign in with Clio' }).click();
  const authPage = await auth;
  await authPage.getByRole('button', { name: 'Approve' }).click();
  await options.getByRole('button', { name: 'Sign out' }).waitFor();
  // (Polled from here: waitForFunction would take the promise an expression returns as "true".)
  for (let waited = 0; ; waited += 250) {
    const s = (await options.evaluate(readItemsInPage, { names: ['matter-sync'], ...ITEMS }))['matter-sync'] as
      | { ready?: boolean; running?: boolean }
      | undefined;
    const done = !!s?.ready && !s.running;
    if (done) break;
    if (waited > timeoutMs) throw new Error(`the first matter sync did not finish in ${timeoutMs / 60_000} minutes`);
    await new Promise((r) => setTimeout(r, 250));
  }
  await waitForPackedIndex(options, timeoutMs);
  const syncRequests = (await requestLog(sandbox).log()).filter((r) => r.path.startsWith('/api/v4/matters')).length;
  const storageMb = ((await options.evaluate('navigator.storage.estimate().then(function (e) { return e.usage; })')) as number) / 1e6;
  return { options, syncRequests, storageMb };
}
