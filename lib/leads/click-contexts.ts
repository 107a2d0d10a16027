/**
 * What a right-click was on (page, selection, link), kept for the capture UI that the click opens.
 * Kept in `storage.session`, which content scripts cannot read unless the extension allows it (it does
 * not): gone with the browser session.
 */
import { browser } from 'wxt/browser';
import type { CaptureContext } from './lead';

const byTab = (tabId: number) => `capture-tab-${tabId}`;
const byClick = (clickId: string) => `capture-click-${clickId}`;

/** The parts of a context-menu click (and its tab) the capture UI opens with. */
export function captureContextOf(
  info: { pageUrl?: string; selectionText?: string; linkUrl?: string },
  tab: { url?: string; title?: string } | undefined,
): CaptureContext {
  return {
    pageUrl: info.pageUrl ?? tab?.url ?? '',
    pageTitle: tab?.title ?? '',
    selectionText: info.selectionText ?? '',
    ...(info.linkUrl ? { linkUrl: info.linkUrl } : {}),
  };
}

/** Keeps the context for the capture UI injected into `where.tabId`, or opened in a window with `where.clickId`. */
export function keepClickContext(where: { tabId: number } | { clickId: string }, context: CaptureContext): Promise<void> {
  const key = 'tabId' in where ? byTab(where.tabId) : byClick(where.clickId);
  return browser.storage.session.set({ [key]: context });
}

/** The context a capture UI was opened for: by the fallback window's click id, else by the content script's tab. */
export async function clickContext(clickId: string | undefined, tabId: number | undefined): Promise<CaptureContext | null> {
  const key = clickId ? byClick(clickId) : tabId !== undefined ? byTab(tabId) : null;
  if (!key) return null;
  return ((await browser.storage.session.get(key))[key] as CaptureContext | undefined) ?? null;
}
