/**
 * Right-click capture: the `capture-lead` menu item injects the capture UI into the tab on demand
 * (activeTab + scripting; nothing runs on pages nobody asked about), or opens the same form in an
 * extension window where nothing can be injected (PDF viewer, browser pages, the web store).
 */
import { type Browser, browser } from 'wxt/browser';
import { CLICK_CONTEXT_TTL_MS, captureContextOf, keepClickContext, sweepClickContexts } from '@/lib/leads/click-contexts';
import { onAlarm } from './alarms';

export const CAPTURE_MENU_ID = 'capture-lead';
const SWEEP_ALARM = 'click-contexts-sweep';

/** Contexts nobody read are swept an hour after they were kept, even if no other click comes. */
export function sweepClickContextsLater(): void {
  onAlarm(SWEEP_ALARM, () => void sweepClickContexts());
}

export async function openCapture(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): Promise<void> {
  const context = captureContextOf(info, tab);
  browser.alarms.create(SWEEP_ALARM, { delayInMinutes: CLICK_CONTEXT_TTL_MS / 60_000 + 1 });
  if (tab?.id !== undefined && tab.id >= 0) {
    await keepClickContext({ tabId: tab.id }, context);
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/capture.js'] });
      return;
    } catch {
      // Nothing can be injected here: fall through to the window.
    }
  }
  const clickId = crypto.randomUUID();
  await keepClickContext({ clickId }, context);
  await browser.windows.create({ url: browser.runtime.getURL(`/capture-window.html?click=${clickId}`), type: 'popup', width: 460, height: 720 });
}
