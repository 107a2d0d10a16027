/**
 * Right-click capture: the `capture-lead` menu item injects the capture UI into the tab on demand
 * (activeTab + scripting; nothing runs on pages nobody asked about), or opens the same form in an
 * extension window where nothing can be injected (PDF viewer, browser pages, the web store).
 */
import { browser, type Browser } from 'wxt/browser';
import type { CaptureContext } from '@/lib/leads/lead';

export const CAPTURE_MENU_ID = 'capture-lead';

/** Click contexts live in storage.session: extension-only, gone with the browser session. */
const byTab = (tabId: number) => `capture-tab-${tabId}`;
const byClick = (clickId: string) => `capture-click-${clickId}`;
const remember = (key: string, context: CaptureContext) => browser.storage.session.set({ [key]: context });
const recall = async (key: string) => ((await browser.storage.session.get(key))[key] as CaptureContext | undefined) ?? null;

export function captureContextOf(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): CaptureContext {
  return {
    pageUrl: info.pageUrl ?? tab?.url ?? '',
    pageTitle: tab?.title ?? '',
    selectionText: info.selectionText ?? '',
    ...(info.linkUrl ? { linkUrl: info.linkUrl } : {}),
  };
}

export async function openCapture(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): Promise<void> {
  const context = captureContextOf(info, tab);
  if (tab?.id !== undefined && tab.id >= 0) {
    await remember(byTab(tab.id), context);
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/capture.js'] });
      return;
    } catch {
      // Nothing can be injected here: fall through to the window.
    }
  }
  const clickId = crypto.randomUUID();
  await remember(byClick(clickId), context);
  await browser.windows.create({ url: browser.runtime.getURL(`/capture-window.html?click=${clickId}`), type: 'popup', width: 460, height: 720 });
}

export async function storedCaptureContext(clickId: string | undefined, tabId: number | undefined): Promise<CaptureContext | null> {
  if (clickId) return recall(byClick(clickId));
  if (tabId !== undefined) return recall(byTab(tabId));
  return null;
}
