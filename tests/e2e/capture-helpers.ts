/** Driving the capture dialog from a test: open a sandbox page, select, dispatch the menu click, reach the dialog's frame. */
import type { BrowserContext, Frame, Locator, Page, Worker } from '@playwright/test';
import { expect } from './fixtures';
import { E2E_SANDBOX } from './ports';

/** The extension API inside the worker (evaluated there, not in Node). */
declare const chrome: {
  tabs: { query(q: { url?: string }): Promise<Array<{ id?: number; url?: string }>> };
  contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
};

export const PAGES = `${E2E_SANDBOX}/pages`;

export async function openPage(context: BrowserContext, name: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${PAGES}/${name}`);
  return page;
}

/** Selects the contents of `selector` with a Range, as a person dragging over it would. */
export async function select(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(sel)!);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  }, selector);
}

/** Selects the words `text` inside `selector` (part of a text node), as a person dragging over them would. */
export async function selectWords(page: Page, selector: string, text: string): Promise<string> {
  return page.evaluate(
    ({ selector, text }) => {
      const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return getSelection()!.toString();
      }
      throw new Error(`no text ${text}`);
    },
    { selector, text },
  );
}

/** Dispatches a click on our context-menu item `menuItemId` in the service worker for `page`'s tab. */
export async function rightClickMenu(
  worker: Worker,
  page: Page,
  menuItemId: string,
  selectionText: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const url = page.url();
  const title = await page.title();
  await worker.evaluate(
    async ({ pages, url, title, menuItemId, selectionText, extra }) => {
      const tabs = await chrome.tabs.query({ url: `${pages}/*` });
      const tab = tabs.find((t) => t.url === url)!;
      const info = { menuItemId, selectionText, pageUrl: url, editable: false, ...extra };
      chrome.contextMenus.onClicked.dispatch(info, { ...tab, url, title });
    },
    { pages: PAGES, url, title, menuItemId, selectionText, extra },
  );
}

/** Dispatches the "Capture as Clio Grow lead" click in the service worker for `page`'s tab. */
export const rightClickCapture = (worker: Worker, page: Page, selectionText: string, extra: Record<string, unknown> = {}) =>
  rightClickMenu(worker, page, 'capture-lead', selectionText, extra);

/** The frames of one of our dialog pages (`capture-window`, `save-window`) on `page`. */
export const dialogFrames = (page: Page, name: string) => page.frames().filter((f) => f.url().includes(`/${name}.html`));

/** The dialog page `name`'s frame on `page`, once it is there (exactly one). */
export async function dialogFrame(page: Page, name: string): Promise<Frame> {
  await expect.poll(() => dialogFrames(page, name).length).toBe(1);
  return dialogFrames(page, name)[0]!;
}

export const captureFrames = (page: Page) => dialogFrames(page, 'capture-window');

/** The capture dialog's frame on `page`, once it is there. */
export const captureFrame = (page: Page): Promise<Frame> => dialogFrame(page, 'capture-window');

export async function captureDialog(page: Page): Promise<Locator> {
  return (await captureFrame(page)).getByRole('dialog', { name: 'Capture lead' });
}

/** Waits until no capture frame is left on `page`. */
export async function expectClosed(page: Page): Promise<void> {
  await expect.poll(() => captureFrames(page).length).toBe(0);
}

export const field = (root: Locator | Page, label: string) => root.getByLabel(label, { exact: true });
