/** The right-click menu: its items (created at install and update; they outlive the worker) and what each click does. */
import { type Browser, browser } from 'wxt/browser';
import { openMatterPanel, panelTarget } from '@/lib/browser/side-panel';
import { t } from '@/lib/i18n';
import { panelConflictItem, panelQueryItem } from '@/lib/matters/matter-items';
import { CAPTURE_MENU_ID, openCapture } from './capture-menu';
import type { Services } from './services';

export const SEARCH_MENU_ID = 'search-matters';
export const CONFLICTS_MENU_ID = 'check-conflicts';
export const FILE_MENU_ID = 'file-to-matter';
export const DEADLINE_MENU_ID = 'add-deadline';

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CAPTURE_MENU_ID, title: t('menuCaptureLead'), contexts: ['page', 'selection', 'link'] });
  browser.contextMenus.create({ id: FILE_MENU_ID, title: t('menuFileToMatter'), contexts: ['page', 'selection', 'link'] });
  browser.contextMenus.create({ id: DEADLINE_MENU_ID, title: t('menuAddDeadline'), contexts: ['selection'] });
  browser.contextMenus.create({ id: SEARCH_MENU_ID, title: t('menuSearchMatters'), contexts: ['selection'] });
  browser.contextMenus.create({ id: CONFLICTS_MENU_ID, title: t('menuCheckConflicts'), contexts: ['selection'] });
}

/** What a click on one of our items does. Synchronous up to the panel's opening: the user gesture is lost after an await. */
export function onMenuClick(
  services: Pick<Services, 'saveDialog' | 'deadlineDialog'>,
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): void {
  if (info.menuItemId === SEARCH_MENU_ID) {
    void openMatterPanel(panelTarget(tab)).catch(() => undefined);
    void panelQueryItem.setValue({ query: (info.selectionText ?? '').trim().slice(0, 200), at: Date.now() });
  }
  if (info.menuItemId === CONFLICTS_MENU_ID) {
    void openMatterPanel(panelTarget(tab)).catch(() => undefined);
    void panelConflictItem.setValue({ query: (info.selectionText ?? '').trim().slice(0, 200), at: Date.now() });
  }
  if (info.menuItemId === CAPTURE_MENU_ID) void openCapture(info, tab);
  if (info.menuItemId === FILE_MENU_ID || info.menuItemId === DEADLINE_MENU_ID) {
    const click = {
      pageUrl: info.pageUrl ?? tab?.url ?? '',
      pageTitle: tab?.title ?? '',
      selectionText: info.selectionText ?? '',
      ...(info.linkUrl ? { linkUrl: info.linkUrl } : {}),
    };
    const dialog = info.menuItemId === FILE_MENU_ID ? services.saveDialog : services.deadlineDialog;
    void dialog.open(click, tab).catch(() => undefined);
  }
}
