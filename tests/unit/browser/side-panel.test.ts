/**
 * Opening the matter panel: Chrome's `sidePanel.open`, Firefox's `sidebarAction.open()`. Both browsers open
 * it only inside the handler of a user action, so the call must happen synchronously, before any await:
 * from the popup's "Matter lookup" (which calls openMatterPanel), the `open-matter-panel` command and the
 * `search-matters` menu item. Headless Firefox cannot show that the sidebar opened from a command; this
 * shows the call is made, and made at once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { onCommand } from '@/entrypoints/background/commands';
import { onMenuClick, SEARCH_MENU_ID } from '@/entrypoints/background/menus';
import type { Services } from '@/entrypoints/background/services';
import { openMatterPanel } from '@/lib/browser/side-panel';
import { panelQueryItem } from '@/lib/matters/matter-items';

const api = fakeBrowser as unknown as { sidePanel?: unknown; sidebarAction?: unknown };
const chromeSidePanel = api.sidePanel;
const tab = { id: 12, windowId: 3 } as Browser.tabs.Tab;
const services = { timer: { toggle: () => Promise.resolve() } } as unknown as Services;

function asFirefox() {
  const open = vi.fn(() => Promise.resolve());
  api.sidePanel = undefined;
  api.sidebarAction = { open };
  return open;
}

function asChrome() {
  const open = vi.fn((_o: { tabId?: number; windowId?: number }) => Promise.resolve());
  api.sidePanel = { open };
  api.sidebarAction = undefined;
  return open;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  api.sidePanel = chromeSidePanel;
  api.sidebarAction = undefined;
});

describe('Firefox: the sidebar (sidebarAction.open, no arguments)', () => {
  it('openMatterPanel calls it synchronously, as the popup’s "Matter lookup" does', () => {
    const open = asFirefox();
    void openMatterPanel({ windowId: -2 });
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith();
  });
  it('the open-matter-panel command calls it before anything else', () => {
    const open = asFirefox();
    onCommand(services, 'open-matter-panel', tab);
    expect(open).toHaveBeenCalledTimes(1);
  });
  it('the search-matters menu item calls it, and hands the selection to the panel', async () => {
    const open = asFirefox();
    onMenuClick(services, { menuItemId: SEARCH_MENU_ID, selectionText: '  00042-Okafor ', editable: false } as Browser.contextMenus.OnClickData, tab);
    expect(open).toHaveBeenCalledTimes(1);
    await vi.waitFor(async () => expect((await panelQueryItem.getValue())?.query).toBe('00042-Okafor'));
  });
  it('a refusal (not from a user action) is not an unhandled rejection', async () => {
    api.sidePanel = undefined;
    api.sidebarAction = { open: () => Promise.reject(new Error('sidebarAction.open may only be called from a user input handler')) };
    expect(() => onCommand(services, 'open-matter-panel', tab)).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
  });
});

describe('Chrome and Edge: the side panel (sidePanel.open)', () => {
  it('opens on the tab of the click or command', () => {
    const open = asChrome();
    onCommand(services, 'open-matter-panel', tab);
    expect(open).toHaveBeenCalledWith({ tabId: 12 });
  });
  it('opens on the window when there is no tab (the popup)', () => {
    const open = asChrome();
    void openMatterPanel({ windowId: 3 });
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
  });
});
