/**
 * Right-click capture: the `capture-lead` menu item injects the capture content script into the tab on demand
 * (activeTab + scripting; nothing runs on pages nobody asked about), which reads the page and mounts the
 * dialog's frame; where nothing can be injected (PDF viewer, browser pages, the web store, a page without a
 * grant) the same dialog page opens in an extension window, with what the click knew of the page.
 */
import { type Browser, browser } from 'wxt/browser';
import { captureFacts } from '@/lib/leads/capture-facts';
import { captureContextOf, keepClickContext } from '@/lib/leads/click-contexts';
import { factsFromContext } from '@/lib/page-reading/page-facts';
import { HAND_OFF_TTL_MS, sweepHandOffs } from '@/lib/storage/hand-offs';
import { onAlarm } from './alarms';

export const CAPTURE_MENU_ID = 'capture-lead';
const SWEEP_ALARM = 'hand-offs-sweep';

/** Hand-offs nobody took are swept an hour after they were kept, even if no other click comes. */
export function sweepHandOffsLater(): void {
  onAlarm(SWEEP_ALARM, () => void sweepHandOffs());
}

export async function openCapture(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): Promise<void> {
  const context = captureContextOf(info, tab);
  browser.alarms.create(SWEEP_ALARM, { delayInMinutes: HAND_OFF_TTL_MS / 60_000 + 1 });
  if (tab?.id !== undefined && tab.id >= 0) {
    await keepClickContext(tab.id, context);
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/capture.js'] });
      return;
    } catch {
      // Nothing can be injected here: fall through to the window.
    }
  }
  const id = crypto.randomUUID();
  await captureFacts.keep(id, factsFromContext(context));
  await browser.windows.create({ url: browser.runtime.getURL(`/capture-window.html?id=${id}`), type: 'popup', width: 460, height: 720 });
}
