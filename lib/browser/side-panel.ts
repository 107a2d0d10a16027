/**
 * Opening the matter panel: Chrome's side panel, or Firefox's sidebar. Both only open in answer to
 * a user gesture, so call this synchronously at the top of the click or command handler, before any await.
 */
import { browser } from 'wxt/browser';

interface SidebarAction {
  open(): Promise<void>;
}

/** The tab (or window) a click or command came from, as openMatterPanel wants it. */
export const panelTarget = (tab: { id?: number; windowId?: number } | undefined) => ({
  ...(tab?.id !== undefined ? { tabId: tab.id } : {}),
  ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}),
});

export function openMatterPanel(where: { tabId?: number; windowId?: number }): Promise<void> {
  const chromePanel = (browser as unknown as { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> } }).sidePanel;
  if (chromePanel) {
    return where.tabId !== undefined && where.tabId >= 0 ? chromePanel.open({ tabId: where.tabId }) : chromePanel.open({ windowId: where.windowId! });
  }
  const sidebar = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
  return sidebar ? sidebar.open() : Promise.resolve();
}
