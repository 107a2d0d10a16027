/**
 * What a right-click was on (page, selection, link), kept for the capture UI that the click opens.
 * Kept in `storage.session`, which content scripts cannot read (the extension never widens its access
 * level): it does not outlive the browser session, it is removed once the capture UI has read it, and
 * any left unread are swept after an hour.
 */
import { browser } from 'wxt/browser';
import type { CaptureContext } from './lead';

const PREFIX = 'capture-';
const byTab = (tabId: number) => `${PREFIX}tab-${tabId}`;
const byClick = (clickId: string) => `${PREFIX}click-${clickId}`;
/** A context nobody read within this long is swept. */
export const CLICK_CONTEXT_TTL_MS = 60 * 60_000;

interface Kept {
  context: CaptureContext;
  at: number;
}

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
export async function keepClickContext(where: { tabId: number } | { clickId: string }, context: CaptureContext, now = Date.now()): Promise<void> {
  const key = 'tabId' in where ? byTab(where.tabId) : byClick(where.clickId);
  await sweepClickContexts(now);
  await browser.storage.session.set({ [key]: { context, at: now } satisfies Kept });
}

/** The context a capture UI was opened for (by the fallback window's click id, else by the content script's tab), once: reading removes it. */
export async function takeClickContext(clickId: string | undefined, tabId: number | undefined, now = Date.now()): Promise<CaptureContext | null> {
  const key = clickId ? byClick(clickId) : tabId !== undefined ? byTab(tabId) : null;
  if (!key) return null;
  const kept = (await browser.storage.session.get(key))[key] as Kept | undefined;
  await browser.storage.session.remove(key);
  return kept && now - kept.at < CLICK_CONTEXT_TTL_MS ? kept.context : null;
}

/** Removes every context older than an hour. */
export async function sweepClickContexts(now = Date.now()): Promise<void> {
  const all = await browser.storage.session.get(null);
  const stale = Object.entries(all).filter(([k, v]) => k.startsWith(PREFIX) && !(now - ((v as Partial<Kept>)?.at ?? 0) < CLICK_CONTEXT_TTL_MS));
  if (stale.length) await browser.storage.session.remove(stale.map(([k]) => k));
}
