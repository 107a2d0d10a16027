/**
 * Finding controls by role and accessible name (Firefox's accessibility tree, through BiDi's
 * `locateNodes`), acting on them, and waiting for conditions. Puppeteer's auto-waiting assumes
 * navigation events that Firefox does not send for extension pages, and Preact re-renders replace
 * nodes under a handle: every helper here re-finds its element and retries until a deadline.
 */
import type { ElementHandle, Frame, Page as PuppeteerPage } from 'puppeteer-core';
import type { Envelope, Reply } from '@/lib/messaging/envelope';
import type { MessageType, ReplyOf, RequestOf } from '@/lib/messaging/protocol';

/** A page, or a frame in one (a dialog's frame over a web page): the helpers below work in either. */
type Page = PuppeteerPage | Frame;
const keyboardOf = (p: Page) => ('keyboard' in p ? p.keyboard : p.page().keyboard);

export const DEFAULT_TIMEOUT = 15_000;

/** Calls `fn` until it returns a truthy value (errors count as "not yet"); fails with the last error after `timeout`. */
export async function until<T>(fn: () => Promise<T> | T, opts: { timeout?: number; interval?: number; message?: string } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + (opts.timeout ?? DEFAULT_TIMEOUT);
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      const why = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`Timed out waiting for ${opts.message ?? 'a condition'} (last: ${why?.slice(0, 300)})`);
    }
    await new Promise((r) => setTimeout(r, opts.interval ?? 100));
  }
}

const quote = (s: string) => JSON.stringify(s);
/** A Puppeteer ARIA selector: role, and the accessible name when given. */
export const aria = (role: string, name?: string) =>
  name === undefined ? `::-p-aria([role=${quote(role)}])` : `::-p-aria([name=${quote(name)}][role=${quote(role)}])`;

/** The element with this role and name, once there. */
export function byRole(page: Page, role: string, name?: string, timeout?: number): Promise<ElementHandle<Element>> {
  return until(() => page.$(aria(role, name)), { timeout, message: `${role} "${name ?? ''}"` });
}

/** Whether an element with this role and name is there now. */
export async function has(page: Page, role: string, name?: string): Promise<boolean> {
  return !!(await page.$(aria(role, name)).catch(() => null));
}

/** Clicks the element with this role and name (real input events: Firefox counts them as user input). */
export async function click(page: Page, role: string, name: string, timeout?: number): Promise<void> {
  await until(
    async () => {
      const el = await page.$(aria(role, name));
      if (!el) return false;
      await el.click();
      return true;
    },
    { timeout, message: `a click on ${role} "${name}"` },
  );
}

/** Replaces the text of the field with this role and name by typing `text`, as a person would. */
export async function fill(page: Page, role: string, name: string, text: string): Promise<void> {
  await until(
    async () => {
      const el = await page.$(aria(role, name));
      if (!el) return false;
      await el.evaluate((e) => {
        const input = e as HTMLInputElement;
        input.focus();
        input.select();
      });
      await keyboardOf(page).press('Backspace');
      if (text) await keyboardOf(page).type(text);
      return (await el.evaluate((e) => (e as HTMLInputElement).value)) === text;
    },
    { message: `"${text}" typed into ${role} "${name}"` },
  );
}

/** The value of the field with this role and name. */
export async function fieldValue(page: Page, role: string, name: string): Promise<string> {
  const el = await byRole(page, role, name);
  return el.evaluate((e) => (e as HTMLInputElement).value);
}

/** The text content of the element with this role (and name). */
export async function textOf(page: Page, role: string, name?: string): Promise<string> {
  return until(
    async () => {
      const el = await page.$(aria(role, name));
      return el ? ((await el.evaluate((e) => e.textContent)) ?? '') : null;
    },
    { message: `the text of ${role} "${name ?? ''}"` },
  );
}

/** The text a person sees on the page (innerText: hidden elements left out). */
export function visibleText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what is shown, not every text node
  return page.evaluate(() => document.body?.innerText ?? '');
}

/** Waits until the page's visible text matches. */
export async function waitForText(page: Page, text: string | RegExp, timeout?: number): Promise<void> {
  await until(
    async () => {
      const body = await visibleText(page);
      return typeof text === 'string' ? body.includes(text) : text.test(body);
    },
    { timeout, message: `the text ${String(text)}` },
  );
}

/** The extension's `browser` global inside an extension page (evaluated there, not in Node). */
export type PageBrowser = typeof import('wxt/browser').browser;

/** Sends a message of the extension's protocol from `page` (an extension page), as the extension's own UI does. */
export async function send<T extends MessageType>(page: Page, type: T, data?: RequestOf<T>): Promise<ReplyOf<T>> {
  const reply = (await page.evaluate(
    (envelope) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(envelope),
    { channel: 'clio-companion', type, data } satisfies Envelope as Envelope,
  )) as Reply;
  if (!reply.ok) throw new Error(`${type}: ${reply.error.message}`);
  return reply.value as ReplyOf<T>;
}

/**
 * The tab showing `url`, as the extension sees it (read from an extension page). Firefox's match patterns
 * take no port, so `tabs.query({ url })` cannot find a page on the sandbox's port: all tabs are filtered here.
 */
export async function tabAt(page: Page, url: string): Promise<import('wxt/browser').Browser.tabs.Tab> {
  return until(
    () =>
      page.evaluate(async (u) => {
        const tabs = await (globalThis as unknown as { browser: PageBrowser }).browser.tabs.query({});
        return tabs.find((t) => t.url === u) ?? null;
      }, url),
    { message: `the tab at ${url}` },
  );
}

/**
 * The frame of our dialog page `name` (`capture-window`, `save-window`) on `page`, if there is one. Found by the
 * address it reports itself: Puppeteer's BiDi frame tree keeps `about:blank` for a frame a content script adds and
 * then navigates.
 */
export async function dialogFrameOn(page: PuppeteerPage, name: string): Promise<Frame | undefined> {
  for (const f of page.frames()) {
    if ((await f.evaluate(() => location.href).catch(() => '')).includes(`/${name}.html`)) return f;
  }
  return undefined;
}
