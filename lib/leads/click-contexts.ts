/**
 * What a right-click was on (page, selection, link), handed to the capture content script that the click
 * injects into the tab (it merges it with what it reads from the page), once. See lib/storage/hand-offs.ts
 * for where it is kept and for how long.
 */
import { handOffs } from '../storage/hand-offs';
import type { CaptureContext } from './lead';

const byTab = handOffs<CaptureContext>('click-context');

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

/** Keeps the click's context for the capture content script injected into tab `tabId`. */
export const keepClickContext = (tabId: number, context: CaptureContext, now?: number) => byTab.keep(String(tabId), context, now);

/** The context of the click that injected the capture content script into tab `tabId`, once. */
export const takeClickContext = (tabId: number, now?: number) => byTab.take(String(tabId), now);
